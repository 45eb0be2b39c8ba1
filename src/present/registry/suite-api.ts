/** The issue-5 metric suite as this folder uses it: one import point, so a change there shows here. */
export { retention, flows, trend, GROUP_DIMS, type GroupDim, type MetricFilters } from '../../api.js';

/** The trend figures the `headcount` entry shows. */
export const headcountFigures = ['headcount', 'hires', 'departures', 'hiring_rate', 'attrition_rate', 'headcount_change'] as const;
