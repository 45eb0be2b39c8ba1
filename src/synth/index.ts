/** synth/: the public door of the synthetic labour market with planted truth. */
export { generateWorld, scenariosDir, type GenerateOptions, type MarketCell, type WorldSummary } from './generate-world.js';
export { loadScenario, parseScenario, GROUPS, PLANTED_COHORTS, FUNCTIONS, type Scenario, type Group, type PlantedCohort } from './scenario.js';
export { BANDS, DEFINITION_VERSION, hiresOf, type Band, type Hire, type Truth, type TruthHireRow } from './truth.js';
export { COHORT_NAMES, type CohortName } from './companies.js';
export { MALFORMED_REASONS, type MalformedReason } from './noise.js';
