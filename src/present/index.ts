export * from './format-rows.js';
export { hiresTable } from './hires-table.js';
export { renderMetric, printMetric, putEstimate, type FigureColumn, type FigureKind, type FlatRow, type MetricOutput } from './metric-output.js';
