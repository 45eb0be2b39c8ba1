/**
 * The dashboard's browser script, served as `/dashboard/app.js`. Plain ES2020, no library: it
 * reads `/api/v1/meta` and the OpenAPI document for the filter choices, keeps the view in the
 * URL, and on every change fetches the table (`/api/v1/<metric>`) and the server-rendered chart
 * (`/dashboard/chart/<metric>.svg`) with the same parameters.
 */
export const DASHBOARD_JS = String.raw`
const $ = (id) => document.getElementById(id);
const form = $('filters');
const token = new URLSearchParams(location.hash.slice(1)).get('token');
const headers = token ? { Authorization: 'Bearer ' + token } : {};
const VIEW_KEYS = ['metric', 'split', 'cohorts', 'band', 'new_grad', 'function', 'seniority', 'metro', 'from', 'to'];
let seq = 0;

async function get(url, as) {
  const res = await fetch(url, { headers });
  if (!res.ok) {
    let msg = res.status + ' ' + res.statusText;
    try { const e = (await res.json()).error; msg = e.message + (e.hint ? ' (' + e.hint + ')' : ''); } catch {}
    throw new Error(msg);
  }
  return as === 'text' ? res.text() : res.json();
}

function checkboxes(fieldset, name, values) {
  for (const v of values) {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox'; box.name = name; box.value = v; box.checked = true;
    label.append(box, ' ' + v);
    fieldset.append(label);
  }
}

function checked(name) {
  const all = [...form.querySelectorAll('input[name="' + name + '"]')];
  const on = all.filter((b) => b.checked).map((b) => b.value);
  return on.length === all.length ? null : on;
}

/** The current view as URL parameters (defaults left out). */
function view() {
  const v = new URLSearchParams();
  const set = (k, x) => { if (x !== null && x !== undefined && x !== '') v.set(k, x); };
  set('metric', form.metric.value === 'hires' ? '' : form.metric.value);
  set('split', form.split.value === 'cohort' ? '' : (form.split.value || 'none'));
  const c = checked('cohort'); if (c) v.set('cohorts', c.join(','));
  const b = checked('band'); if (b) v.set('band', b.join(','));
  for (const k of ['new_grad', 'function', 'seniority', 'metro', 'from', 'to']) set(k, form[k].value);
  return v;
}

function applyView(v) {
  form.metric.value = v.get('metric') || 'hires';
  const split = v.get('split');
  form.split.value = split === 'none' ? '' : split || 'cohort';
  for (const [name, key] of [['cohort', 'cohorts'], ['band', 'band']]) {
    const want = v.get(key) ? v.get(key).split(',') : null;
    for (const box of form.querySelectorAll('input[name="' + name + '"]')) box.checked = !want || want.includes(box.value);
  }
  for (const k of ['new_grad', 'function', 'seniority', 'metro', 'from', 'to']) form[k].value = v.get(k) || '';
}

/** API parameters for the view. */
function apiParams(v) {
  const p = new URLSearchParams();
  const metric = v.get('metric') || 'hires';
  if (metric === 'hires') {
    const split = v.get('split') === 'none' ? '' : v.get('split') || 'cohort';
    p.set('by', [split, 'year'].filter(Boolean).join(','));
    if (v.get('new_grad')) p.set('new_grad', v.get('new_grad'));
  }
  for (const k of ['cohorts', 'band', 'function', 'seniority', 'metro', 'from', 'to']) if (v.get(k)) p.set(k, v.get(k));
  return { metric, query: p.toString() };
}

const fmtN = (x) => (typeof x === 'number' ? x.toLocaleString('en-US') : '');
const fmtP = (x, signed) => (typeof x !== 'number' ? '' : (x < 0 ? '−' : signed ? '+' : '') + Math.abs(x * 100).toFixed(1) + '%');

function renderTable(result) {
  const k = result.params.min_cell;
  const cols = result.columns.filter((c) => c.role !== 'flag' && c.role !== 'ci');
  const ci = result.columns.filter((c) => c.role === 'ci');
  const head = cols.map((c) => '<th' + (c.role === 'count' || c.role === 'fraction' ? ' class="num"' : '') + ' title="' + c.description.replace(/"/g, '&quot;') + '">' + c.name + '</th>');
  if (ci.length === 2) head.push('<th class="num">95% CI</th>');
  $('table').tHead.innerHTML = '<tr>' + head.join('') + '</tr>';
  const esc = (s) => String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]);
  $('table').tBodies[0].innerHTML = result.rows.map((r) => {
    const cells = cols.map((c) => {
      const x = r[c.name];
      if (c.role === 'count') return '<td class="num">' + (x === null && r.suppressed ? '<span class="supp" title="fewer than ' + k + '">&lt;' + k + '</span>' : fmtN(x)) + '</td>';
      if (c.role === 'fraction') return '<td class="num">' + (x === null ? '–' : fmtP(x, c.name === 'yoy')) + '</td>';
      if (c.type === 'boolean') return '<td>' + (x === null ? '' : x ? 'yes' : 'no') + '</td>';
      return '<td>' + (x === null ? '(none)' : esc(x)) + '</td>';
    });
    if (ci.length === 2) cells.push('<td class="num">' + (typeof r.ci_lo === 'number' ? '[' + fmtP(r.ci_lo) + ', ' + fmtP(r.ci_hi) + ']' : '') + '</td>');
    return '<tr' + (r.suppressed ? ' class="suppressed"' : '') + '>' + cells.join('') + '</tr>';
  }).join('');
  $('notes').innerHTML = result.notes.map((n) => '<li>' + esc(n) + '</li>').join('') + (result.truncated ? '<li>Only the first ' + result.rows.length + ' of ' + result.row_count + ' rows are shown.</li>' : '');
}

async function update() {
  const v = view();
  const search = v.toString();
  history.replaceState(null, '', (search ? '?' + search : location.pathname) + location.hash);
  $('permalink').href = location.pathname + (search ? '?' + search : '');
  for (const el of form.querySelectorAll('[name="new_grad"]')) el.disabled = (v.get('metric') || 'hires') !== 'hires';
  form.split.disabled = (v.get('metric') || 'hires') !== 'hires';
  const { metric, query } = apiParams(v);
  const mine = ++seq;
  $('status').textContent = 'loading…';
  $('status').className = '';
  try {
    const [result, svg] = await Promise.all([get('/api/v1/' + metric + '?' + query), get('/dashboard/chart/' + metric + '.svg?' + query, 'text')]);
    if (mine !== seq) return;
    $('chart').innerHTML = svg;
    renderTable(result);
    $('status').textContent = result.row_count + ' rows · ' + result.definition;
    document.body.dataset.view = search;
  } catch (e) {
    if (mine !== seq) return;
    $('status').textContent = e.message;
    $('status').className = 'error';
  }
}

async function init() {
  const [meta, api] = await Promise.all([get('/api/v1/meta'), get('/api/v1/openapi.json')]);
  $('source').textContent = meta.product + ' · definitions ' + meta.definition.version + ' · profiles as of ' + meta.data_as_of;
  checkboxes($('cohorts'), 'cohort', [...meta.cohorts.map((c) => c.name), 'other']);
  checkboxes($('bands'), 'band', meta.definition.bands.map((b) => b[0]));
  const fn = api.paths['/api/v1/hires'].get.parameters.find((p) => p.name === 'function');
  for (const f of (fn && fn.schema.items.enum) || []) form.function.add(new Option(f, f));
  const metro = api.paths['/api/v1/hires'].get.parameters.find((p) => p.name === 'metro');
  for (const m of (metro && metro.schema.items.enum) || []) form.metro.add(new Option(m, m));
  applyView(new URLSearchParams(location.search));
  form.addEventListener('change', update);
  form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
  await update();
}

init().catch((e) => { $('status').textContent = e.message; $('status').className = 'error'; });
`;
