import { flows, selectCohorts, DEFAULT_COHORTS, type FlowLevel } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { putEstimate, printMetric, type FlatRow } from '../../present/index.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { openExisting, outputFormat } from '../common.js';
import { METRIC_HELP, METRIC_OPTIONS, parseFilters, parseStats } from '../metric-options.js';

const HELP = `usage: talentflow flows [--level company|cohort] [--top N | --matrix | --between A,B] [filters]

Moves from company A to company B: a departure from A followed by a hire at B starting between
1 month before and 6 months after A's last month. Dated by the departure's year (--from/--to).

  --top N          the N largest A→B pairs (default 20)
  --matrix         every origin × destination pair (use with --level cohort)
  --between A,B    moves A→B and B→A, their ratio (bootstrap CI over people) and the share A→B
                   of the two (Wilson)
  --level L        company (default) or cohort
${METRIC_HELP}

definitions: docs/metrics.md (flows)`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, { ...METRIC_OPTIONS, level: { type: 'string' }, top: { type: 'string' }, matrix: { type: 'boolean' }, between: { type: 'string' } });
  if (help) return printHelp(HELP);
  const level = (values.level ?? 'company') as FlowLevel;
  if (level !== 'company' && level !== 'cohort') throw new UserError(`invalid --level: ${values.level}`, 'usage', 'company or cohort');
  let between: [string, string] | undefined;
  if (values.between !== undefined) {
    const parts = values.between.split(',').map((s) => s.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new UserError(`invalid --between: ${values.between}`, 'usage', 'two names, e.g. --between OpenAI,Anthropic');
    between = [parts[0], parts[1]];
  }
  const format = outputFormat(values.format);
  const stats = parseStats(values);
  const top = values.matrix ? 0 : intOption('top', values.top, 20);
  const store = await openExisting(values.db);
  try {
    const result = await flows(store, { level, between, filters: parseFilters(values), top, minCell: stats.minCell, bootstrap: stats.bootstrap }, selectCohorts(values.cohorts ?? DEFAULT_COHORTS));
    if (values.explain) {
      process.stdout.write(result.sql + '\n');
      return 0;
    }
    const parameters = { ...result.parameters, flow_level: level, filters: result.query.filters };
    if (result.ratio) {
      const r = result.ratio;
      const row: FlatRow = { a: r.a, b: r.b, moves: r.moves };
      putEstimate(row, 'a_to_b', r.a_to_b);
      putEstimate(row, 'b_to_a', r.b_to_a);
      putEstimate(row, 'ratio', r.ratio);
      putEstimate(row, 'share_a_to_b', r.share_a_to_b);
      printMetric({
        format, definition: result.definition, metric: 'flows', parameters, notes: result.notes, dims: ['a', 'b', 'moves'], rows: [row],
        figures: [
          { key: 'a_to_b', header: 'A→B', kind: 'count' },
          { key: 'b_to_a', header: 'B→A', kind: 'count' },
          { key: 'ratio', header: 'ratio A→B / B→A', kind: 'months' },
          { key: 'share_a_to_b', header: 'share A→B', kind: 'share' },
        ],
      });
    } else {
      const rows = result.rows.map((r) => {
        const row: FlatRow = { from: r.from, to: r.to, people: r.people };
        putEstimate(row, 'moves', r.moves);
        return row;
      });
      printMetric({ format, definition: result.definition, metric: 'flows', parameters, notes: result.notes, dims: ['from', 'to', 'people'], figures: [{ key: 'moves', header: 'moves', kind: 'count' }], rows });
    }
  } finally {
    await store.close();
  }
  return 0;
}
