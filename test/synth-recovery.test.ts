/**
 * Recovery: ingest a messy synthetic world with the real pipeline and check that `hires` finds
 * what was planted, as truth.json states it. The estimator sees only the PDL files and the world's
 * cohorts.yaml; truth.json and summary figures are read by the test alone.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hires, ingestFiles, openDatabase, selectCohorts, type HiresRow, type IngestSummary } from '../src/api.js';
import { generateWorld, scenariosDir, type Truth, type WorldSummary } from '../src/synth/index.js';

const PEOPLE = 20_000;
const YEARS = [2021, 2022, 2023, 2024];
const COHORTS = ['bigtech15', 'startups', 'banks', 'other'];
const GROUPS = {
  'new-grad': (r: { new_grad?: boolean }) => r.new_grad === true,
  '2-5-year': (r: { band?: string }) => r.band === '2-5',
} as const;

const dirs: string[] = [];
process.on('exit', () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface Run {
  world: WorldSummary;
  ingest: IngestSummary;
  rows: HiresRow[];
  truth: Truth;
}

/** Generate, ingest and query one world (once, shared by its tests). */
async function run(scenario: string, seed: number): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'tf-recovery-'));
  dirs.push(dir);
  const world = await generateWorld({ people: PEOPLE, seed, scenario: join(scenariosDir(), `${scenario}.yaml`), out: dir });
  const db = await openDatabase(':memory:');
  try {
    const ingest = await ingestFiles(db, world.files, { format: 'pdl', now: world.snapshot_date, cohortFiles: [world.cohorts_file] });
    const cohorts = selectCohorts(`bigtech15,${world.cohorts_file}`);
    const { rows } = await hires(db, { by: ['cohort', 'year', 'band', 'new_grad'], from: 2015, to: 2025 }, cohorts);
    const truth = JSON.parse(readFileSync(world.truth_file, 'utf8')) as Truth;
    return { world, ingest, rows, truth };
  } finally {
    await db.close();
  }
}

for (const [scenario, seed] of [['default', 101], ['ai-squeeze', 202], ['rebound', 303]] as const) {
  let cached: Promise<Run> | undefined;
  const once = (): Promise<Run> => (cached ??= run(scenario, seed));

  test(`ingest of the ${scenario} world quarantines exactly its malformed lines and merges exactly its duplicates`, async () => {
    const { world, ingest } = await once();
    assert.deepEqual(
      { ...ingest.reasons, total: ingest.quarantined },
      { invalid_json: world.malformed.invalid_json, invalid_date: world.malformed.invalid_date, end_before_start: world.malformed.end_before_start, total: world.malformed.total },
    );
    assert.equal(ingest.database.people, world.people);
    assert.equal(ingest.database.duplicates_merged, world.duplicates_same_id + world.duplicates_same_linkedin);
  });

  test(`hires recovers the planted truth of the ${scenario} world (seed ${seed}): counts within 5%, YoY within 3 points, 2021–2024`, async () => {
    const { rows, truth } = await once();
    const count = (list: readonly (HiresRow | Truth['hires'][number])[], cohort: string, year: number, pick: (r: HiresRow) => boolean): number =>
      list.filter((r) => r.cohort === cohort && r.year === year && pick(r as HiresRow)).reduce((a, r) => a + Number(r.hires), 0);
    const problems: string[] = [];
    for (const cohort of COHORTS) {
      for (const [group, pick] of Object.entries(GROUPS)) {
        for (const year of YEARS) {
          const want = count(truth.hires, cohort, year, pick);
          const got = count(rows, cohort, year, pick);
          const wantYoy = want / count(truth.hires, cohort, year - 1, pick) - 1;
          const gotYoy = got / count(rows, cohort, year - 1, pick) - 1;
          const what = `${cohort} ${group} ${year}: ${got} vs truth ${want}`;
          if (!(want > 0 && Math.abs(got - want) <= 0.05 * want)) problems.push(`${what} (count off by more than 5%)`);
          if (!(Math.abs(gotYoy - wantYoy) <= 0.03)) problems.push(`${what} (YoY ${(100 * gotYoy).toFixed(1)}% vs ${(100 * wantYoy).toFixed(1)}%)`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });
}
