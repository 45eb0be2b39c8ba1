/** Charts as server-rendered SVG: Vega-Lite specs for the chart kinds, and the renderer. */
export { renderSvg } from './render-svg.js';
export { lineSpec, barSpec, type LineSpec, type BarSpec, type ChartFrame } from './chart-specs.js';
