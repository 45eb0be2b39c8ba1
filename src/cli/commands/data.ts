import { openDatabase } from '../../api.js';
import { UserError } from '../../model/errors.js';
import { EXPOSURE_SOURCES, type ExposureSource } from '../../reference/index.js';
import { importExposureScores, importOnetReference, importReferenceFolder } from '../../store/import-reference.js';
import { parseCommand, printHelp } from '../args.js';
import { dbPath, today } from '../common.js';
import { importCompanies } from '../../store/company-import.js';
import { COMPANY_SOURCES, type CompanySource } from '../../store/company-records.js';

async function importCompaniesCommand(file: string, sourceFlag: string | undefined, db: string | undefined): Promise<number> {
  const source = sourceFlag ?? 'auto';
  if (source !== 'auto' && !(COMPANY_SOURCES as readonly string[]).includes(source)) {
    throw new UserError(`unknown company source: ${source}`, 'usage', `sources: auto, ${COMPANY_SOURCES.join(', ')}`);
  }
  const store = await openDatabase(dbPath(db));
  try {
    const s = await importCompanies(store, file, source as CompanySource | 'auto', today());
    process.stdout.write(`imported ${s.file} (${s.source}): ${s.read} rows, ${s.added} companies added, ${s.updated} updated; registry version ${s.version} holds ${s.companies}\n`);
  } finally {
    await store.close();
  }
  return 0;
}

const HELP = `usage: talentflow data import onet DIR [--oews FILE] [--db FILE]
       talentflow data import exposure FILE --source SOURCE --oews FILE [--crosswalk FILE] [--db FILE]
       talentflow data import reference DIR [--source SOURCE|none] [--db FILE]
       talentflow data import companies FILE [--source yc|sp500|file|auto] [--db FILE]

Import reference data into the database; titles are re-classified with it and its version is
recorded. talentflow runs without it (built-in seniority and function rules); occupations
(O*NET-SOC 2019) and AI exposure need it.

  onet DIR        an O*NET text release (Occupation Data.txt, Alternate Titles.txt, ...)
  exposure FILE   AI-exposure scores by occupation; SOURCE one of: ${EXPOSURE_SOURCES.join(', ')}
                  (default eloundou); quintiles are weighted by OEWS employment (--oews)
  reference DIR   a folder holding onet-*/, exposure/, soc/ and bls/ (all of the above at once)
  companies FILE  companies (CSV or JSONL) merged into the company registry as a new version:
                  yc (Y Combinator directory), sp500 (S&P 500 constituents), file (our columns:
                  docs/companies.md); auto (default) picks by the header`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    { db: { type: 'string' }, oews: { type: 'string' }, source: { type: 'string' }, crosswalk: { type: 'string' } },
    true,
  );
  if (help || positionals.length === 0) return printHelp(HELP);
  const [verb, what, path] = positionals;
  if (verb !== 'import' || !what || !path) throw new UserError(`invalid data command: ${positionals.join(' ')}`, 'usage', 'see --help');
  if (what === 'companies') return importCompaniesCommand(path, values.source, values.db);
  const source = (values.source ?? 'eloundou') as ExposureSource | 'none';
  if (source !== 'none' && !EXPOSURE_SOURCES.includes(source)) {
    throw new UserError(`unknown exposure source: ${source}`, 'usage', `sources: ${EXPOSURE_SOURCES.join(', ')}`);
  }
  const store = await openDatabase(dbPath(values.db));
  try {
    let ref;
    if (what === 'onet') ref = await importOnetReference(store, path, values.oews);
    else if (what === 'reference') ref = await importReferenceFolder(store, path, source === 'none' ? null : source);
    else if (what === 'exposure') {
      if (!values.oews) throw new UserError('missing --oews: exposure quintiles are employment-weighted', 'usage', 'pass an OEWS national file');
      if (source === 'none') throw new UserError('invalid --source: none', 'usage');
      ref = await importExposureScores(store, path, { source, oews: values.oews, crosswalk: values.crosswalk });
    } else throw new UserError(`unknown import: ${what}`, 'usage', 'onet, exposure or reference');
    const scored = ref.occupations.filter((o) => o.exposure !== null).length;
    process.stdout.write(`imported ${ref.version}: ${ref.occupations.length} occupations, ${ref.titles.length} titles, ${scored} with exposure\n`);
  } finally {
    await store.close();
  }
  return 0;
}
