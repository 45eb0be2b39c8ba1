/**
 * Data coverage, in numbers that add up: what was read, what was quarantined and why, duplicates
 * merged, how many dates are year-only, how many people have no education, how many employers
 * were not resolved to a known company. The report's methodology section and `/api/v1/meta` show it.
 * The SQL is fixed text: no parameter reaches it.
 */
import type { Store } from '../../engines/engine.js';
import { dbTotals } from '../../api.js';
import type { MetricEntry, MetricRow } from './metric-registry.js';

export interface CoverageFigure {
  measure: string;
  value: number;
  /** The denominator when the figure is a part of something, else null. */
  of: number | null;
  share: number | null;
  description: string;
}

const share = (x: number, n: number | null) => (n ? x / n : null);

/** Every coverage figure of the database. */
export async function coverage(store: Store): Promise<CoverageFigure[]> {
  const t = await dbTotals(store);
  const [c] = await store.all<Record<string, number>>(`SELECT
    (SELECT coalesce(sum(records_read), 0) FROM files) AS records_read,
    (SELECT count(*) FROM positions_raw WHERE start_m IS NOT NULL) AS dated_positions,
    (SELECT count(*) FROM positions_raw WHERE start_prec = 1) AS year_only_starts,
    (SELECT count(*) FROM positions_raw WHERE start_m IS NULL) AS undated_positions,
    (SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM educations_raw e WHERE e.person_id = p.person_id)) AS no_education,
    (SELECT count(*) FROM hires WHERE grad_imputed) AS hires_grad_imputed,
    (SELECT count(*) FROM hires WHERE start_prec = 1) AS hires_year_only,
    (SELECT count(*) FROM people WHERE as_of_assumed) AS as_of_assumed,
    (SELECT coalesce(sum(n), 0) FROM company_map WHERE company_id IS NULL) AS positions_no_company,
    (SELECT coalesce(sum(n), 0) FROM company_map WHERE matched_by = 'new' AND company_id IS NOT NULL) AS positions_unlisted_company,
    (SELECT count(*) FROM company_map WHERE matched_by = 'new' AND company_id IS NOT NULL) AS unlisted_company_keys`);
  if (!c) throw new Error('coverage query returned no row');
  const v = (k: string) => c[k] ?? 0;
  const f = (measure: string, value: number, of: number | null, description: string): CoverageFigure => ({ measure, value, of, share: share(value, of), description });
  return [
    f('records_read', v('records_read'), null, 'Input records read, over all files.'),
    f('quarantined', t.quarantined, v('records_read'), 'Records that could not be read whole; kept with file, line and reason.'),
    f('records_accepted', t.records, v('records_read'), 'Records accepted into the database.'),
    f('duplicates_merged', t.duplicates_merged, t.records, 'Records merged into another record of the same person (same id or LinkedIn profile).'),
    f('people', t.people, null, 'People after merging duplicates.'),
    f('people_no_education', v('no_education'), t.people, 'People with no education entry (graduation imputed from the first full-time job).'),
    f('people_as_of_assumed', v('as_of_assumed'), t.people, 'People whose profile states no update date (as of the ingest date).'),
    f('positions', t.positions, null, 'Positions of the people kept.'),
    f('positions_undated', v('undated_positions'), t.positions, 'Positions without a start date (never hires).'),
    f('positions_year_only_start', v('year_only_starts'), v('dated_positions'), 'Dated positions whose start is a year only (placed at July).'),
    f('positions_no_company', v('positions_no_company'), t.positions, 'Positions whose employer could not be resolved at all (no usable name, domain or page).'),
    f('positions_unlisted_company', v('positions_unlisted_company'), t.positions, 'Positions at employers in no company list (kept under their normalized name).'),
    f('hires', t.hires, null, 'Hires derived.'),
    f('hires_year_only', v('hires_year_only'), t.hires, 'Hires whose start is a year only.'),
    f('hires_grad_imputed', v('hires_grad_imputed'), t.hires, 'Hires whose graduation was imputed (no dated education).'),
  ];
}

/** Quarantined records by reason, most frequent first. */
export async function quarantineReasons(store: Store): Promise<{ reason: string; records: number }[]> {
  return store.all<{ reason: string; records: number }>('SELECT reason, count(*) AS records FROM quarantine GROUP BY reason ORDER BY records DESC, reason');
}

export const coverageEntry: MetricEntry = {
  name: 'coverage',
  title: 'Data coverage',
  description: 'What the database holds and how complete it is: records read, quarantined, duplicates merged, year-only dates, missing education, unresolved employers.',
  unit: 'records',
  params: [],
  columns: () => [
    { name: 'measure', type: 'string', role: 'dimension', description: 'What is counted.' },
    { name: 'value', type: 'integer', role: 'count', description: 'The count.' },
    { name: 'of', type: 'integer', role: 'count', description: 'The denominator, when the count is part of something.' },
    { name: 'share', type: 'number', role: 'fraction', description: 'value / of.' },
    { name: 'description', type: 'string', role: 'text', description: 'What the measure means.' },
  ],
  async run(store) {
    return { rows: (await coverage(store)) as unknown as MetricRow[], notes: [] };
  },
};

export const quarantineEntry: MetricEntry = {
  name: 'quarantine_reasons',
  title: 'Quarantined records by reason',
  description: 'Records that could not be read, counted by reason (the records themselves are listed by `talentflow quarantine`).',
  unit: 'records',
  params: [],
  columns: () => [
    { name: 'reason', type: 'string', role: 'dimension', description: 'Reject reason code (docs/formats.md).' },
    { name: 'records', type: 'integer', role: 'count', description: 'Records quarantined for it.' },
  ],
  async run(store) {
    return { rows: (await quarantineReasons(store)) as unknown as MetricRow[], notes: [] };
  },
};
