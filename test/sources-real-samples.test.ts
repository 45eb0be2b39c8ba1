/**
 * Every real sample under ../shared/data/profiles-real reads with nothing unaccounted for: for each
 * format the records in the raw input are counted independently (array elements, CSV rows, people
 * in Person.csv, person file numbers) and must equal profiles + rejects.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { readerFor, sniffFormat, type ReadableFormat } from '../src/sources/index.js';
import { collect } from './fixtures/sources/helpers.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../..');
const real = join(resolve(repoRoot, '../shared/data'), 'profiles-real');
const absent = !existsSync(real) && 'shared data absent';

function csvRows(file: string): number {
  return (parse(readFileSync(file), { bom: true, relax_column_count: true, skip_empty_lines: true }) as unknown[]).length - 1;
}

function subfolders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(dir, d.name));
}

const samples: { format: ReadableFormat; path: string; count: () => number }[] = [
  { format: 'brightdata', path: 'brightdata-profiles.json', count: () => (JSON.parse(readFileSync(join(real, 'brightdata-profiles.json'), 'utf8')) as unknown[]).length },
  { format: 'phantombuster', path: 'phantombuster-2024.csv', count: () => csvRows(join(real, 'phantombuster-2024.csv')) },
  { format: 'techbios', path: 'techbios-2015', count: () => subfolders(join(real, 'techbios-2015')).reduce((n, d) => n + csvRows(join(d, 'Person.csv')), 0) },
  {
    format: 'scraped',
    path: 'scraped-2022',
    count: () =>
      subfolders(join(real, 'scraped-2022')).reduce((n, d) => n + new Set(readdirSync(d).map((f) => /^(\d+)_/.exec(f)?.[1]).filter(Boolean)).size, 0),
  },
];

for (const s of samples) {
  test(`the real ${s.format} sample reads with every record a profile or a reject`, { skip: absent }, async () => {
    const path = join(real, s.path);
    assert.equal(await sniffFormat(path), s.format);
    const expected = s.count();
    const { profiles, rejects } = await collect(readerFor(s.format)(path));
    const reasons: Record<string, number> = {};
    for (const r of rejects) reasons[r.reason] = (reasons[r.reason] ?? 0) + 1;
    console.log(`${s.format}: ${expected} records in the raw input, ${profiles.length} profiles, ${rejects.length} rejects ${JSON.stringify(reasons)}`);
    assert.ok(expected > 0);
    assert.equal(profiles.length + rejects.length, expected);
    for (const p of profiles) {
      for (const d of [...p.positions.flatMap((x) => [x.start, x.end]), ...p.education.flatMap((x) => [x.start, x.end]), p.updated_at]) {
        if (d != null) assert.match(d, /^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
    assert.equal(new Set(profiles.map((p) => p.id)).size, profiles.length, 'person ids are unique');
  });
}

test('the real Bright Data company file is not mistaken for profiles', { skip: absent }, async () => {
  await assert.rejects(sniffFormat(join(real, 'brightdata-companies.json')), { code: 'unknown_format' });
});
