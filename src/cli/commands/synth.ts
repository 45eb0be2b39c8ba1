/** `talentflow synth`: write a synthetic world (PDL JSONL + truth.json + cohorts.yaml). */
import { join } from 'node:path';
import { intOption, parseCommand, printHelp } from '../args.js';
import { generateWorld } from '../../synth/index.js';

const HELP = `usage: talentflow synth --out DIR [options]

Generate a synthetic labour market with planted truth: People Data Labs v5 person JSONL
(people-0000.jsonl, ...), truth.json (true hires by cohort, year, band, new-grad flag),
cohorts.yaml (the world's startups and banks) and summary.json (what noise was applied).

options:
  --people N           distinct people (default 10000)
  --seed S             random seed; the same seed gives byte-identical files (default 1)
  --scenario FILE      scenario YAML with the planted effects, or a shipped one by name:
                       default (SignalFire 2025 headline), ai-squeeze, rebound
  --out DIR            output directory (required)
  --gzip               write people-*.jsonl.gz
  --shard-size N       people per file (default 100000)
  --snapshot-date D    YYYY-MM-DD the world is observed at (default 2025-06-30)
  --snapshots LIST     a series of dates (2024-06-30,2024-12-31,2025-06-30): the same world as of
                       each, in snapshot-<date>/ folders, lag and edits applied (docs/snapshots.md)
  --workers N          worker threads (default: 2 from 100k people; output does not change)
  --json               print the summary as JSON
`;

export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseCommand(argv, {
    people: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string' },
    gzip: { type: 'boolean' },
    'shard-size': { type: 'string' },
    'snapshot-date': { type: 'string' },
    snapshots: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (help) return printHelp(HELP);
  if (!values.out) {
    process.stderr.write('talentflow synth: missing --out DIR\n');
    return 2;
  }
  const people = intOption('people', values.people, 10_000);
  const tty = process.stderr.isTTY === true && !values.json;
  const started = performance.now();
  let last = 0;
  const summary = await generateWorld({
    people,
    seed: intOption('seed', values.seed, 1),
    scenario: values.scenario,
    out: values.out,
    gzip: values.gzip === true,
    shardSize: intOption('shard-size', values['shard-size'], 100_000),
    snapshotDate: values['snapshot-date'],
    ...(values.snapshots ? { snapshots: values.snapshots.split(',').map((d) => d.trim()).filter(Boolean) } : {}),
    workers: values.workers === undefined ? undefined : intOption('workers', values.workers, 0),
    onProgress: (done, total) => {
      const now = performance.now();
      if (!tty || (now - last < 200 && done < total)) return;
      last = now;
      const w = 30;
      const f = Math.round((done / total) * w);
      process.stderr.write(`\rsynth [${'#'.repeat(f)}${'.'.repeat(w - f)}] ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} people`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (tty) process.stderr.write('\n');
  if (values.json) {
    process.stdout.write(JSON.stringify({ ...summary, seconds: Math.round(seconds * 100) / 100 }) + '\n');
    return 0;
  }
  const n = (x: number): string => x.toLocaleString('en-US');
  const m = summary.malformed;
  process.stdout.write(
    [
      `wrote ${n(summary.people)} people (${n(summary.records)} records, ${(summary.bytes / 1e6).toFixed(1)} MB) in ${seconds.toFixed(1)} s ` +
        `(${n(Math.round(summary.people / seconds))} people/s), scenario ${summary.scenario}, seed ${summary.seed}`,
      `  files:       ${summary.files.length === 1 ? summary.files[0] : `${summary.files[0]} … (${summary.files.length} files)`}`,
      `  truth:       ${summary.truth_file}`,
      `  cohorts:     ${summary.cohorts_file}`,
      `  duplicates:  ${n(summary.duplicates_same_id)} same id, ${n(summary.duplicates_same_linkedin)} same LinkedIn URL (older records)`,
      `  malformed:   ${n(m.total)} (${n(m.invalid_json)} invalid JSON, ${n(m.invalid_date)} impossible date, ${n(m.end_before_start)} end before start)`,
      `  other mess:  ${n(summary.year_only_dates)} year-only dates, ${n(summary.missing_education)} without education, ` +
        `${n(summary.missing_linkedin_url)} without LinkedIn URL, ${n(summary.lagged_positions)} positions not yet on profiles`,
      `next: talentflow ingest ${join(summary.out, `people-*.jsonl${summary.files[0]?.endsWith('.gz') ? '.gz' : ''}`)} --format pdl --cohorts ${summary.cohorts_file}`,
    ].join('\n') + '\n',
  );
  return 0;
}
