/** Charts as server-rendered SVG: Vega-Lite specs for the chart kinds, and the renderer. */
export { renderSvg, CHART_CONFIG } from './render-svg.js';
export { lineSpec, barSpec, colorScale, type LineSpec, type BarSpec, type ChartFrame } from './chart-specs.js';
