/**
 * Validation of a metric's parameters from text (a URL query or command-line options). Every
 * failure is a `UserError` with code `invalid_parameter` whose `place.field` names the parameter,
 * so the API can answer 400 naming it and the CLI can exit 2. Values are never pasted into SQL:
 * entries receive typed, range-checked values only.
 */
import { UserError } from '../../model/errors.js';
import { allowedValues, defaultValue, type MetricContext, type MetricEntry, type ParamSpec, type ParamValue, type ParamValues } from './metric-registry.js';

const INTEGER = /^-?\d{1,9}$/;
const PLAIN = /^[\w .,:\-+/]{0,200}$/;

function fail(spec: ParamSpec | string, value: string, hint?: string): never {
  const name = typeof spec === 'string' ? spec : spec.name;
  throw new UserError(`invalid ${name}: ${value}`, 'invalid_parameter', hint, { field: name });
}

function parseOne(spec: ParamSpec, text: string, ctx: MetricContext): ParamValue {
  const allowed = allowedValues(spec, ctx);
  switch (spec.kind) {
    case 'integer': {
      if (!INTEGER.test(text.trim())) fail(spec, text, `${spec.name} takes a whole number`);
      const n = Number(text.trim());
      if (spec.min !== undefined && n < spec.min) fail(spec, text, `${spec.name} is at least ${spec.min}`);
      if (spec.max !== undefined && n > spec.max) fail(spec, text, `${spec.name} is at most ${spec.max}`);
      return n;
    }
    case 'boolean': {
      const t = text.trim().toLowerCase();
      if (t === 'true' || t === 'yes' || t === '1') return true;
      if (t === 'false' || t === 'no' || t === '0') return false;
      return fail(spec, text, `${spec.name} is true or false`);
    }
    case 'enum': {
      const t = text.trim();
      if (!allowed?.includes(t)) fail(spec, text, `${spec.name}: one of ${allowed?.join(', ')}`);
      return t;
    }
    case 'list': {
      const items = text.split(',').map((s) => s.trim()).filter(Boolean);
      for (const item of items) {
        if (allowed && !allowed.includes(item)) fail(spec, item, `${spec.name}: a comma list of ${allowed.join(', ')}`);
      }
      if (new Set(items).size !== items.length) fail(spec, text, `${spec.name} repeats a value`);
      return items;
    }
    case 'string': {
      if (!PLAIN.test(text)) fail(spec, text, `${spec.name}: letters, digits and . , : - + / only`);
      return text.trim();
    }
  }
}

/**
 * Parse the raw parameters of one metric. Unknown names are errors (a typo must not silently
 * widen a query); absent ones take their default.
 *
 * @example parseParams(hiresEntry, { by: 'cohort,year', from: '2019' }, ctx)
 */
export function parseParams(entry: MetricEntry, raw: Record<string, string | undefined>, ctx: MetricContext): ParamValues {
  const known = new Map(entry.params.map((p) => [p.name, p]));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) {
      throw new UserError(`unknown parameter: ${name}`, 'invalid_parameter', `${entry.name} takes: ${[...known.keys()].join(', ')}`, { field: name });
    }
  }
  const out: ParamValues = {};
  for (const spec of entry.params) {
    const text = raw[spec.name];
    out[spec.name] = text === undefined || text === '' ? defaultValue(spec, ctx) : parseOne(spec, text, ctx);
  }
  const from = out.from, to = out.to;
  if (typeof from === 'number' && typeof to === 'number' && from > to) fail('from', String(from), 'from is after to');
  return out;
}

/** The parsed value back as text (for URLs and the methodology section). */
export function paramText(value: ParamValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(',') : String(value);
}
