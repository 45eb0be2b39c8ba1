/**
 * `talentflow titles [--format json] [--reference DIR] [titles...]` — classify job titles given
 * as arguments, or one per line on stdin. Seniority and function come from built-in rules;
 * occupation and AI exposure need `--reference` (a folder laid out like ../shared/data, or an
 * O*NET release folder) until the taxonomy is stored in the database.
 */
import { parseCommand, printHelp } from '../args.js';
import { UserError } from '../../model/errors.js';
import { classifyTitles } from '../../resolve/titles/index.js';
import { loadTitleReference, EXPOSURE_SOURCES, type ExposureSource } from '../../reference/index.js';

const HELP = `usage: talentflow titles [options] [title ...]

Classify job titles: seniority (1 entry … 7 C-level), function, O*NET occupation, AI exposure.
Titles come from the arguments, or one per line on stdin when there are none.

options:
  --format json|table   output format (default: table on a terminal, json otherwise)
  --reference DIR       folder with onet-<version>/, exposure/, soc/, bls/ (or an O*NET folder):
                        adds occupation (O*NET-SOC 2019) and AI exposure
  --exposure SOURCE     eloundou (default), eloundou-gpt4, microsoft, felten
  --industry TEXT       employer industry for every title (e.g. banking, consulting)
  -h, --help            show this help

output (json): an array in input order of
  {title, seniority_level, seniority, function, soc, occupation, exposure, confidence}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals, help } = parseCommand(
    argv,
    { format: { type: 'string' }, reference: { type: 'string' }, exposure: { type: 'string' }, industry: { type: 'string' } },
    true,
  );
  if (help) return printHelp(HELP);
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (format !== 'json' && format !== 'table') throw new UserError(`invalid --format: ${format}`, 'usage', 'use json or table');
  const exposure = (values.exposure ?? 'eloundou') as ExposureSource;
  if (!EXPOSURE_SOURCES.includes(exposure)) throw new UserError(`unknown --exposure: ${exposure}`, 'usage', `one of ${EXPOSURE_SOURCES.join(', ')}`);
  const titles = positionals.length > 0 ? positionals : (await readStdin()).split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const reference = values.reference ? loadTitleReference(values.reference, exposure) : null;
  const infos = classifyTitles(titles, { reference, industryHint: values.industry ? titles.map(() => values.industry) : undefined });
  const rows = infos.map((t) => ({
    title: t.title,
    seniority_level: t.seniority_level,
    seniority: t.seniority,
    function: t.function,
    soc: t.soc,
    occupation: t.occupation,
    exposure: t.exposure,
    confidence: t.confidence,
  }));
  if (format === 'json') {
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const cols = ['title', 'seniority_level', 'seniority', 'function', 'soc', 'occupation', 'exposure', 'confidence'] as const;
  const cell = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v));
  const widths = cols.map((c) => Math.min(40, Math.max(c.length, ...rows.map((r) => cell(r[c]).length))));
  const line = (vals: string[]): string => vals.map((v, i) => v.slice(0, widths[i]).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  process.stdout.write([line([...cols]), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n') + '\n');
  return 0;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UserError('invalid input: no titles', 'usage', 'pass titles as arguments or pipe them one per line');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
