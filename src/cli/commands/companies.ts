/**
 * `talentflow companies unresolved [--limit N]` — the most frequent employers the registry does
 * not know (so a user can add aliases or import them); `talentflow companies explain NAME
 * [--domain D] [--linkedin URL]` — the resolution steps for one employer key, its roll-up and
 * cohorts. Both read the registry stored in the database (the shipped one without a database);
 * explain resolves with the cohorts the database was ingested with unless `--cohorts` is given.
 */
import { existsSync } from 'node:fs';
import { openDatabase, selectCohorts } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { formatMonth } from '../../model/months.js';
import { CompanyResolver, resolutionEntries, rollupChain, parseRollup } from '../../resolve/index.js';
import { ensureRegistry } from '../../store/company-import.js';
import { ingestedCohorts } from '../../store/company-cohort-files.js';
import { intOption, parseCommand, printHelp } from '../args.js';
import { dbPath, openExisting, today } from '../common.js';

const HELP = `usage: talentflow companies unresolved [--limit N] [--format table|json] [--db FILE]
       talentflow companies explain NAME [--domain URL] [--linkedin URL] [--cohorts LIST] [--rollup MODE] [--db FILE]

  unresolved   employers that matched no registry or cohort company, most positions first, with
               the number of positions and of distinct raw keys: candidates for aliases or for
               'talentflow data import companies'
  explain      how one employer key resolves: LinkedIn slug, then domain, then name or alias
               (never a shared prefix), the company's parent roll-up and its cohorts

options:
  --limit N        rows listed (default 50)
  --cohorts LIST   cohorts whose companies join the registry (default: those the database was
                   ingested with, the shipped ones and any 'ingest --cohorts' files)
  --rollup MODE    point-in-time (default) or pro-forma
  --format F       table (default) or json`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    { limit: { type: 'string' }, format: { type: 'string' }, db: { type: 'string' }, domain: { type: 'string' }, linkedin: { type: 'string' }, cohorts: { type: 'string' }, rollup: { type: 'string' } },
    true,
  );
  if (help || positionals.length === 0) return printHelp(HELP);
  const [verb, ...rest] = positionals;
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UserError(`invalid --format: ${format}`, 'usage', 'table or json');
  const out = (s: string) => process.stdout.write(s + '\n');
  if (verb === 'unresolved') {
    const limit = intOption('limit', values.limit, 50);
    const store = await openExisting(values.db);
    try {
      const rows = await store.all<{ company: string; company_id: string; positions: number; keys: number }>(
        `SELECT any_value(company_name) AS company, company_id, sum(n)::BIGINT AS positions, count(*)::BIGINT AS keys
         FROM company_map WHERE matched_by = 'new' AND company_id IS NOT NULL
         GROUP BY company_id ORDER BY positions DESC, company LIMIT ${Math.max(0, limit)}`,
      );
      if (format === 'json') out(JSON.stringify(rows, null, 2));
      else {
        const w = Math.min(50, Math.max(8, ...rows.map((r) => r.company.length)));
        out(`${'company'.padEnd(w)}  ${'positions'.padStart(9)}  ${'keys'.padStart(5)}  id`);
        for (const r of rows) out(`${r.company.slice(0, w).padEnd(w)}  ${String(r.positions).padStart(9)}  ${String(r.keys).padStart(5)}  ${r.company_id}`);
      }
    } finally {
      await store.close();
    }
    return 0;
  }
  if (verb === 'explain') {
    const name = rest.join(' ');
    if (name === '' && !values.domain && !values.linkedin) throw new UserError('invalid companies explain: no name', 'usage', 'talentflow companies explain NAME');
    const path = dbPath(values.db);
    const store = await openDatabase(existsSync(path) ? path : ':memory:');
    try {
      const registry = await ensureRegistry(store, today());
      const rollup = parseRollup(values.rollup);
      const cohorts = values.cohorts ? selectCohorts(values.cohorts, rollup) : (await ingestedCohorts(store)).map((c) => ({ ...c, rollup }));
      const resolver = new CompanyResolver(resolutionEntries(registry, cohorts));
      const ex = resolver.explainResolution({ name: name || null, domain: values.domain ?? null, linkedin: values.linkedin ?? null });
      const chain = rollupChain(registry, ex.resolution.company_id, rollup).map((s) => ({
        parent: s.ancestor,
        from: s.from_m === null ? null : formatMonth(s.from_m),
      }));
      const record = registry.get(ex.resolution.company_id) ?? null;
      if (format === 'json') out(JSON.stringify({ ...ex, registry_version: registry.version, rollup, rollup_chain: chain, record }, null, 2));
      else {
        for (const s of ex.steps) out(`${s.evidence.padEnd(8)} ${s.input ?? '-'}${s.key ? ` → ${s.key}` : ''}: ${s.outcome}`);
        for (const c of chain) out(`rollup   ${ex.resolution.company_id} → ${c.parent} ${c.from ? `from ${c.from}` : 'always'} (${rollup})`);
        if (record) {
          const stage = record.stages.map((s) => (s.from_m === null ? s.stage : `${s.stage} from ${formatMonth(s.from_m)}`)).join(', ');
          const attrs = [['founded', record.founded], ['size', record.size], ['industry', record.industry], ['stage', stage || null], ['ticker', record.ticker], ['source', record.source]]
            .filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k} ${v}`).join(', ');
          out(`registry v${registry.version}: ${attrs || 'no attributes'}`);
        }
        if (resolver.conflicts.length && ex.resolution.company_id) {
          const mine = resolver.conflicts.filter((c) => c.kept === ex.resolution.company_id || c.ignored === ex.resolution.company_id);
          for (const c of mine.slice(0, 5)) out(`note     ${c.evidence} "${c.key}" is claimed by ${c.kept} (kept) and ${c.ignored} (ignored)`);
        }
      }
    } finally {
      await store.close();
    }
    return 0;
  }
  throw new UserError(`unknown companies command: ${verb}`, 'usage', 'unresolved or explain');
}
