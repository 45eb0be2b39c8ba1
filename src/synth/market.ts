/**
 * The demand side of a world: hiring slots per planted cohort × year × experience group. Each person
 * simulated brings 1/1,000 of the scenario's per-1,000 demand into a bucket; a job seeker in that
 * year and group takes a whole slot when one is open. With more seekers than slots (the default
 * populations are sized so), the hires filled equal the planted demand up to one slot per cell
 * per shard, whoever the population happens to contain. The snapshot year's demand is prorated to
 * the months before the snapshot; years after it have none.
 */
import { GROUPS, PLANTED_COHORTS, type Scenario } from './scenario.js';

export class Market {
  readonly from: number;
  readonly to: number;
  private readonly rates: Float64Array;
  private readonly buckets: Float64Array;
  /** Slots filled per cell, same layout as `planted`. */
  readonly filled: Int32Array;

  constructor(scenario: Scenario, snapshotMonth: number) {
    this.from = scenario.years.from;
    this.to = scenario.years.to;
    const years = this.to - this.from + 1;
    const n = PLANTED_COHORTS.length * years * GROUPS.length;
    this.rates = new Float64Array(n);
    this.buckets = new Float64Array(n);
    this.filled = new Int32Array(n);
    const snapYear = Math.floor(snapshotMonth / 12);
    const covered = (snapshotMonth % 12) + 1;
    PLANTED_COHORTS.forEach((c, ci) => {
      GROUPS.forEach((g, gi) => {
        for (let y = this.from; y <= this.to; y++) {
          const share = y < snapYear ? 1 : y === snapYear ? covered / 12 : 0;
          this.rates[this.cell(ci, y, gi)] = ((scenario.demand[c][g][y - this.from] ?? 0) / 1000) * share;
        }
      });
    });
  }

  cell(cohort: number, year: number, group: number): number {
    return (cohort * (this.to - this.from + 1) + (year - this.from)) * GROUPS.length + group;
  }

  inYears(year: number): boolean {
    return year >= this.from && year <= this.to;
  }

  /** Open this person's share of every cell's slots. */
  addPerson(): void {
    const b = this.buckets;
    const r = this.rates;
    for (let i = 0; i < b.length; i++) b[i] = (b[i] ?? 0) + (r[i] ?? 0);
  }

  /** Is a whole slot open in this cell? */
  open(cohort: number, year: number, group: number): boolean {
    return (this.buckets[this.cell(cohort, year, group)] ?? 0) >= 1;
  }

  take(cohort: number, year: number, group: number): void {
    const i = this.cell(cohort, year, group);
    this.buckets[i] = (this.buckets[i] ?? 0) - 1;
    this.filled[i] = (this.filled[i] ?? 0) + 1;
  }

  /** Slots planted per cell for `people` people (fractional). */
  planted(people: number): Float64Array {
    return this.rates.map((r) => r * people);
  }
}
