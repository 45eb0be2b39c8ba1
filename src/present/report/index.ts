/** The HTML report: build it from a database (`buildReport`), write it to a folder (`writeReport`). */
export { buildReport, REPORT_SECTIONS, type Report, type ReportOptions } from './build-report.js';
export { writeReport, CHROMIUM, type WrittenReport } from './write-report.js';
export type { ExportedTable } from './report-context.js';
export { esc, fmtCount, fmtPercent, metricTable, REPORT_CSS } from './html.js';
