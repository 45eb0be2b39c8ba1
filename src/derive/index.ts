export { derive, type DeriveStats } from './derive.js';
export { DEFINITIONS, BANDS, type Band } from './definitions.js';
export { spellsSql } from './spells-sql.js';
export { resolvePlaces } from './resolve-places.js';
