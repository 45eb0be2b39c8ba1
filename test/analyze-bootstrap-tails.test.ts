/**
 * Bootstrap percentile bounds read off the few extreme replicates (`tailQuantiles`) are the
 * type-7 quantiles of all of them: checked against a full sort, with ties, for replicate counts
 * and levels that take the one-pass path (95% over 200) and that fall back to selection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CellBootstrap } from '../src/analyze/bootstrap.js';
import { Sfc32 } from '../src/model/sfc32.js';

/** The type-7 quantile q of sorted values. */
function sortedQuantile(xs: readonly number[], q: number): number {
  const h = (xs.length - 1) * q;
  const lo = Math.floor(h);
  const x = xs[lo]!;
  const y = lo + 1 < xs.length ? xs[lo + 1]! : x;
  return x === y ? x : x + (h - lo) * (y - x);
}

test('interval bounds are the quantiles of the sorted replicates, on either path', () => {
  const rng = new Sfc32(5);
  let checked = 0;
  for (let t = 0; t < 600; t++) {
    // few patterns and people: many tied replicate sums
    const patterns = Array.from({ length: 1 + (t % 5) }, () => ({ v: [Math.floor(rng.next() * 5) - 1, 1], n: 1 + Math.floor(rng.next() * (t % 4 === 0 ? 60 : 4)) }));
    const replicates = [1, 2, 7, 40, 200, 300, 1000][t % 7]!;
    const level = [0.95, 0.9, 0.5][t % 3]!;
    const b = new CellBootstrap(patterns, 2, `cell ${t}`, { replicates, seed: 2, level });
    const sum = b.intervalOf('sum', 0);
    const ratio = b.intervalOf('ratio', 0, 1);
    // the replicate sums, read back through a statistic that records them
    const sums: number[] = [];
    const ratios: number[] = [];
    b.interval((s) => {
      if (s !== b.total) {
        sums.push(s[0]!);
        if (s[1] !== 0) ratios.push(s[0]! / s[1]!);
      }
      return s[0]!;
    });
    b.release();
    const alpha = 1 - level;
    sums.sort((x, y) => x - y);
    ratios.sort((x, y) => x - y);
    assert.equal(sums.length, replicates);
    if (sum.value !== null) {
      assert.deepEqual([sum.lo, sum.hi], [sortedQuantile(sums, alpha / 2), sortedQuantile(sums, 1 - alpha / 2)], `sum, B = ${replicates}, level ${level}`);
      checked++;
    }
    if (ratio.lo !== null) assert.deepEqual([ratio.lo, ratio.hi], [sortedQuantile(ratios, alpha / 2), sortedQuantile(ratios, 1 - alpha / 2)], `ratio, B = ${replicates}`);
  }
  assert.ok(checked > 400);
});
