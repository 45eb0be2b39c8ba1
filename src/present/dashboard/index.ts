/** The dashboard: its page and assets (served by the API process) and its server-rendered chart. */
export { dashboardAssets, type Asset } from './dashboard-page.js';
export { dashboardChart } from './dashboard-chart.js';
