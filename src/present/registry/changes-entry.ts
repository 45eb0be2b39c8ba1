/**
 * The change feed (`talentflow changes`) as a registry entry, so the API serves
 * `/api/v1/changes?since=DATE&kind=started,left`: events between consecutive snapshots, newest
 * snapshot last. Individual events, not aggregates: serve it behind a token where that matters.
 */
import { CHANGE_COLUMNS, CHANGE_KINDS, listChanges, parseKinds } from '../../snapshots/index.js';
import type { MetricEntry, MetricRow } from './metric-registry.js';

export const changesEntry: MetricEntry = {
  name: 'changes',
  title: 'Job changes between snapshots',
  description: 'Change events per person between consecutive snapshots: started, left, title, location and education changes (docs/snapshots.md).',
  unit: 'events',
  params: [
    { name: 'since', kind: 'string', description: 'First snapshot date reported, YYYY-MM-DD (default: all).' },
    { name: 'kind', kind: 'list', values: CHANGE_KINDS, description: 'Event kinds to keep (default: all).' },
  ],
  columns: () =>
    CHANGE_COLUMNS.map((name) => ({
      name,
      type: 'string' as const,
      role: name === 'snapshot' || name === 'kind' ? ('dimension' as const) : ('text' as const),
      description: `The event's ${name.replaceAll('_', ' ')}.`,
    })),
  async run(store, params) {
    const kinds = Array.isArray(params.kind) && params.kind.length ? parseKinds(params.kind.join(',')) : undefined;
    const since = typeof params.since === 'string' ? params.since : undefined;
    const rows = await listChanges(store, { since, kinds });
    return {
      rows: rows.map((r) => Object.fromEntries(CHANGE_COLUMNS.map((c) => [c, r[c] ?? null])) as MetricRow),
      notes: rows.length ? [] : ['No change events: the database holds fewer than two snapshots, or none since that date.'],
    };
  },
};
