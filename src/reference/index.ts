/** Reference importers: O*NET, SOC crosswalks, AI-exposure files → compact title references. */
export { importOnet, type OnetTaxonomy, type Occupation, type TitleSource } from './onet-taxonomy.js';
export { importExposure, EXPOSURE_SOURCES, EXPOSURE_LABELS, broadOf, type ExposureSource } from './exposure-scores.js';
export { importEmployment, quintileCuts, quintileOf, type Quintile } from './exposure-quintiles.js';
export { buildTitleReference, loadTitleReference, type TitleReference, type ReferenceOccupation, type ExposureFiles } from './title-reference.js';
