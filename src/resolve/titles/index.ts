/** Job-title intelligence: seniority, function, occupation and AI exposure from raw titles. */
export { classifyTitles, type TitleInfo, type ClassifyOptions } from './classify-titles.js';
export { seniorityOf, industryOf, type Seniority, type SeniorityLevel, type SeniorityLabel, type Industry } from './title-seniority.js';
export { functionOf, FUNCTIONS, type TitleFunction } from './title-function.js';
export { normalizeTitle, foldText, type NormalizedTitle } from './normalize-title.js';
export { compileReference, matchOccupation, type OccupationMatch } from './match-occupation.js';
