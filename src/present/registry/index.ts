/** The metric registry: the one list of metrics the report, the API, the dashboard and `export` show. */
export * from './metric-registry.js';
export { parseParams, paramText } from './parse-params.js';
export { METRICS, PRODUCT, metricEntry, runMetric, describeData, type DataDescription } from './registry.js';
export { coverage, quarantineReasons, type CoverageFigure } from './coverage-entry.js';
export { DEFAULT_MIN_CELL } from '../../analyze/suppress-cells.js';
export { COHORT_NOTE } from './hires-entry.js';
export { dataAsOf, type DataAsOf } from './data-as-of.js';
