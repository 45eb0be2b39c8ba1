/**
 * sfc32 (Chris Doty-Humphrey's small fast chaotic PRNG) seeded through splitmix32: the one seeded
 * generator of talentflow. Synthetic worlds (`synth/rng.ts`) and the bootstrap
 * (`analyze/seeded-random.ts`) extend it, so every random result is a pure function of its seed.
 */
export class Sfc32 {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `state`: a 32-bit seed state; subclasses mix their seeds and streams into it. */
  constructor(state: number) {
    let s = state >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }
}
