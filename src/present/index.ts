export * from './format-rows.js';
export { hiresTable } from './hires-table.js';
