/**
 * Registry entries over the metric suite of `src/api.ts` (issue 5): `retention` (Kaplan–Meier
 * R(k) with 95% CIs), `flows` (company→company moves, bootstrap CIs) and `headcount` (stock,
 * departures, hiring and attrition rates per period, bootstrap CIs). The suite does its own
 * small-cell suppression; these entries flatten its rows into table rows.
 */
import { flows, GROUP_DIMS, headcountFigures, retention, trend, type GroupDim, type MetricFilters } from './suite-api.js';
import { FUNCTIONS } from '../../resolve/titles/index.js';
import { BANDS } from '../../derive/index.js';
import { cohortNamesWithOther } from '../../resolve/index.js';
import type { ColumnSpec, MetricContext, MetricEntry, MetricRow, ParamSpec, ParamValues } from './metric-registry.js';
import { DEFAULT_MIN_CELL } from '../../analyze/suppress-cells.js';

const cohortNames = (ctx: MetricContext) => cohortNamesWithOther(ctx.cohorts);

const SCOPE: ParamSpec[] = [
  { name: 'from', kind: 'integer', min: 1901, max: 2100, description: 'First year (inclusive).' },
  { name: 'to', kind: 'integer', min: 1901, max: 2100, description: 'Last year (inclusive).' },
  { name: 'cohorts', kind: 'list', values: cohortNames, description: 'Only companies of these cohorts.' },
  { name: 'band', kind: 'list', values: BANDS, description: 'Only hires in these experience bands.' },
  { name: 'new_grad', kind: 'boolean', description: 'Only new-grad hires (true) or the others (false).' },
  { name: 'function', kind: 'list', values: FUNCTIONS, description: 'Only titles of these functions.' },
  { name: 'min_cell', kind: 'integer', min: 1, max: 1000, default: DEFAULT_MIN_CELL, description: 'Groups or cells with fewer people are suppressed.' },
];

function filters(p: ParamValues): MetricFilters {
  const f: MetricFilters = {};
  if (p.cohorts) f.cohort = p.cohorts as string[];
  if (p.band) f.band = p.band as string[];
  if (p.new_grad !== undefined) f.new_grad = p.new_grad as boolean;
  if (p.function) f.function = p.function as string[];
  if (p.from !== undefined) f.from = p.from as number;
  if (p.to !== undefined) f.to = p.to as number;
  return f;
}

const dimColumn = (name: string): ColumnSpec => ({ name, type: name === 'year' || name === 'seniority' || name === 'exposure_quintile' ? 'integer' : name === 'new_grad' ? 'boolean' : 'string', role: 'dimension', description: `Group: ${name}.` });
const ci: ColumnSpec[] = [
  { name: 'ci_lo', type: 'number', role: 'ci', description: '95% interval, lower bound.' },
  { name: 'ci_hi', type: 'number', role: 'ci', description: '95% interval, upper bound.' },
];

export const retentionEntry: MetricEntry = {
  name: 'retention',
  title: 'Retention of hires',
  description: 'Of people hired in the scope, the share still at the company k months later (Kaplan–Meier, censored at the profile update), with a 95% CI.',
  unit: 'share of hires',
  params: [
    { name: 'by', kind: 'list', values: [...GROUP_DIMS, 'year'], default: ['cohort'], description: 'Group hires by these dimensions (year = hire year).' },
    { name: 'k', kind: 'list', values: ['3', '6', '12', '18', '24', '36', '48', '60'], default: ['6', '12', '24'], description: 'Months after the hire.' },
    ...SCOPE,
  ],
  columns: (p) => [
    ...(p.by as string[]).map(dimColumn),
    { name: 'hires', type: 'integer', role: 'count', description: 'Hires followed (n).' },
    { name: 'k', type: 'integer', role: 'dimension', description: 'Months after the hire.' },
    { name: 'share', type: 'number', role: 'fraction', description: 'R(k): share still there k months after the hire; null when too few were followed that long.' },
    ...ci,
    { name: 'at_risk', type: 'integer', role: 'count', description: 'People still followed at k months.' },
  ],
  async run(store, p, ctx) {
    const by = p.by as (GroupDim | 'year')[];
    const r = await retention(store, { by, filters: filters(p), ks: (p.k as string[]).map(Number), minCell: p.min_cell as number }, ctx.cohorts);
    const rows: MetricRow[] = [];
    for (const row of r.rows) {
      for (const pt of row.points) rows.push({ ...row.group, hires: row.hires, k: pt.k, share: pt.value, ci_lo: pt.lo, ci_hi: pt.hi, at_risk: pt.at_risk });
    }
    return { rows, notes: r.notes };
  },
};

export const flowsEntry: MetricEntry = {
  name: 'flows',
  title: 'Moves between companies',
  description: 'Moves A→B (leave A, join B within 6 months), the top pairs, with bootstrap 95% CIs.',
  unit: 'moves',
  params: [
    { name: 'level', kind: 'enum', values: ['company', 'cohort'], default: 'company', description: 'Companies or cohorts as origins and destinations.' },
    { name: 'top', kind: 'integer', min: 1, max: 1000, default: 20, description: 'Most pairs listed.' },
    ...SCOPE,
  ],
  columns: () => [
    { name: 'from', type: 'string', role: 'dimension', description: 'Origin.' },
    { name: 'to', type: 'string', role: 'dimension', description: 'Destination.' },
    { name: 'moves', type: 'number', role: 'count', description: 'Moves from origin to destination.' },
    ...ci.map((c) => ({ ...c, role: 'text' as const })),
    { name: 'people', type: 'integer', role: 'count', description: 'People who made these moves.' },
  ],
  async run(store, p, ctx) {
    const r = await flows(store, { level: p.level as 'company' | 'cohort', top: p.top as number, filters: filters(p), minCell: p.min_cell as number }, ctx.cohorts);
    return { rows: r.rows.map((x) => ({ from: x.from, to: x.to, moves: x.moves.value, ci_lo: x.moves.lo, ci_hi: x.moves.hi, people: x.people })), notes: r.notes };
  },
};

export const headcountEntry: MetricEntry = {
  name: 'headcount',
  title: 'Headcount, departures, hiring and attrition rates',
  description: 'Per period: headcount at period end, hires, departures, hiring rate (hires ÷ headcount at the start) and attrition rate, with bootstrap 95% CIs.',
  unit: 'people',
  params: [
    { name: 'by', kind: 'list', values: GROUP_DIMS, default: ['cohort'], description: 'Group by these dimensions.' },
    { name: 'grain', kind: 'enum', values: ['year', 'quarter', 'month'], default: 'year', description: 'Period length.' },
    ...SCOPE,
  ],
  columns: (p) => [
    ...(p.by as string[]).map(dimColumn),
    { name: 'period', type: 'string', role: 'dimension', description: 'Period (2024, 2024-Q1, 2024-03).' },
    ...headcountFigures.flatMap((f): ColumnSpec[] => [
      { name: f, type: 'number', role: f.endsWith('rate') || f.endsWith('change') ? 'fraction' : 'count', description: `${f.replaceAll('_', ' ')}.` },
      { name: `${f}_lo`, type: 'number', role: 'text', description: `${f}: 95% interval, lower bound.` },
      { name: `${f}_hi`, type: 'number', role: 'text', description: `${f}: 95% interval, upper bound.` },
    ]),
    { name: 'suppressed', type: 'boolean', role: 'flag', description: 'A count in this row was below min_cell and is hidden.' },
  ],
  async run(store, p, ctx) {
    const f = filters(p);
    const r = await trend(store, { by: p.by as GroupDim[], grain: p.grain as 'year', from: f.from, to: f.to, filters: f, minCell: p.min_cell as number }, ctx.cohorts);
    const rows = r.rows.map((row) => {
      const out: MetricRow = { ...row.group, period: row.period };
      for (const fig of headcountFigures) Object.assign(out, { [fig]: row.figures[fig].value, [`${fig}_lo`]: row.figures[fig].lo, [`${fig}_hi`]: row.figures[fig].hi });
      // the suite hides counts below min_cell as null: mark the row so tables show "<k"
      out.suppressed = ['headcount', 'hires', 'departures'].some((fig) => out[fig] === null);
      return out;
    });
    return { rows, notes: r.notes };
  },
};
