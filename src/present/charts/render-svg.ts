/**
 * Vega-Lite spec → SVG string, server-side (Vega's headless `View.toSVG()`, no DOM, no canvas).
 * The output is deterministic for the same spec: Vega numbers clip paths with a process-wide
 * counter, so ids are renamed per chart (`<prefix>-1`, `<prefix>-2`, …) — stable across runs and
 * unique when several charts sit in one page.
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** House style: legible sizes, one font, no chart border. */
const CHART_CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  title: { fontSize: 15, subtitleFontSize: 11, subtitleColor: '#555', anchor: 'start', offset: 10 },
  header: { labelFontSize: 12, titleFontSize: 12 },
} as const;

/** Render a Vega-Lite spec to SVG; `idPrefix` makes the SVG's ids unique in a page. */
export async function renderSvg(spec: TopLevelSpec, idPrefix: string): Promise<string> {
  const compiled = compile({ ...spec, config: { ...CHART_CONFIG, ...(spec.config ?? {}) } } as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return renameIds(svg, idPrefix);
  } finally {
    view.finalize();
  }
}

const ID = /\bid="([^"]+)"/g;

function renameIds(svg: string, prefix: string): string {
  const names = new Map<string, string>();
  for (const m of svg.matchAll(ID)) if (!names.has(m[1]!)) names.set(m[1]!, `${prefix}-${names.size + 1}`);
  if (names.size === 0) return svg;
  return svg
    .replace(ID, (_, id: string) => `id="${names.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (whole, id: string) => (names.has(id) ? `url(#${names.get(id)})` : whole))
    .replace(/href="#([^"]+)"/g, (whole, id: string) => (names.has(id) ? `href="#${names.get(id)}"` : whole));
}
