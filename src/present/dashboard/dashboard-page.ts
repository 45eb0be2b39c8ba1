/**
 * The dashboard page and its assets (HTML, one script, one stylesheet), served by the API
 * process: no CDN, no build step, works offline. The view (metric, split, filters, years) lives
 * in the URL's query string, so a link reproduces it; a bearer token, when the server needs one,
 * is read from the URL fragment (`#token=…`), which browsers never send to a server.
 */
import { DASHBOARD_JS } from './dashboard-script.js';

export interface Asset {
  path: string;
  type: string;
  body: string;
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>talentflow dashboard</title>
<link rel="stylesheet" href="/dashboard/app.css">
<script type="module" src="/dashboard/app.js"></script>
</head>
<body>
<header><h1>talentflow</h1><span id="source" class="muted"></span></header>
<form id="filters" aria-label="filters">
  <label>Metric <select name="metric"><option value="hires">Hires</option><option value="new_grad_share">New-grad share</option></select></label>
  <label>Split by <select name="split"><option value="cohort">cohort</option><option value="band">experience band</option><option value="new_grad">new grad</option><option value="function">function</option><option value="seniority">seniority</option><option value="metro">metro</option><option value="">nothing</option></select></label>
  <fieldset id="cohorts"><legend>Cohorts</legend></fieldset>
  <fieldset id="bands"><legend>Experience (years)</legend></fieldset>
  <label>New grad <select name="new_grad"><option value="">any</option><option value="true">new grads only</option><option value="false">not new grads</option></select></label>
  <label>Function <select name="function"><option value="">any</option></select></label>
  <label>Seniority <select name="seniority"><option value="">any</option><option value="1">1 entry</option><option value="2">2</option><option value="3">3</option><option value="4">4</option><option value="5">5</option><option value="6">6</option><option value="7">7 executive</option></select></label>
  <label>Metro <select name="metro"><option value="">any</option></select></label>
  <label>From <input name="from" type="number" min="1901" max="2100" step="1"></label>
  <label>To <input name="to" type="number" min="1901" max="2100" step="1"></label>
  <a id="permalink" href="">link to this view</a>
</form>
<main>
  <p id="status" role="status"></p>
  <figure id="chart" aria-live="polite"></figure>
  <ul id="notes" class="muted"></ul>
  <div class="table-wrap"><table id="table"><thead></thead><tbody></tbody></table></div>
</main>
</body>
</html>
`;

const CSS = `
body { font: 14px/1.45 Helvetica, Arial, sans-serif; color: #1d2330; margin: 0; }
header { display: flex; gap: 16px; align-items: baseline; padding: 10px 20px; border-bottom: 2px solid #1d2330; }
h1 { font-size: 20px; margin: 0; }
.muted { color: #5b6475; font-size: 12px; }
form { display: flex; flex-wrap: wrap; gap: 10px 18px; padding: 12px 20px; background: #f4f6f9; align-items: flex-end; }
fieldset { border: 1px solid #cfd5df; padding: 2px 8px 6px; margin: 0; }
legend { font-size: 12px; color: #5b6475; }
fieldset label { margin-right: 8px; white-space: nowrap; }
label { font-size: 13px; }
input[type=number] { width: 5.5em; }
main { padding: 12px 20px 40px; }
#chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 13px; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 10px; border-bottom: 1px solid #d9dde5; text-align: left; }
th { border-bottom: 1.5px solid #1d2330; }
td.num, th.num { text-align: right; }
.supp { color: #8a5a00; background: #fff4dc; padding: 0 3px; border-radius: 3px; }
#status.error { color: #b00020; }
`;

export function dashboardAssets(): Asset[] {
  return [
    { path: '/', type: 'text/html; charset=utf-8', body: PAGE },
    { path: '/dashboard/app.js', type: 'text/javascript; charset=utf-8', body: DASHBOARD_JS },
    { path: '/dashboard/app.css', type: 'text/css; charset=utf-8', body: CSS },
  ];
}
