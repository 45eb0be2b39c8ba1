export { derive, type DeriveStats } from './derive.js';
export { DEFINITIONS, BANDS, type Band } from './definitions.js';
