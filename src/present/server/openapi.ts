/**
 * The OpenAPI 3.1 document of the API, generated from the metric registry: one GET path per
 * metric with its parameters (types, ranges, allowed values, defaults) and row columns, plus
 * `/meta` and this document itself.
 */
import { DEFINITIONS } from '../../derive/index.js';
import { allowedValues, defaultValue, METRICS, type ColumnSpec, type MetricContext, type ParamSpec, type ParamValues } from '../registry/index.js';

type Json = Record<string, unknown>;

function paramSchema(p: ParamSpec, ctx: MetricContext): Json {
  const allowed = allowedValues(p, ctx);
  const dflt = defaultValue(p, ctx);
  const withDefault = (s: Json) => (dflt === undefined ? s : { ...s, default: dflt });
  switch (p.kind) {
    case 'integer':
      return withDefault({ type: 'integer', ...(p.min !== undefined ? { minimum: p.min } : {}), ...(p.max !== undefined ? { maximum: p.max } : {}) });
    case 'boolean':
      return withDefault({ type: 'boolean' });
    case 'enum':
      return withDefault({ type: 'string', enum: allowed });
    case 'list':
      return withDefault({ type: 'array', items: allowed ? { type: 'string', enum: allowed } : { type: 'string' } });
    case 'string':
      return withDefault({ type: 'string', maxLength: 200 });
  }
}

/** Every column may be null (a suppressed count, an unknown dimension) except the row flags. */
function columnSchema(c: ColumnSpec): Json {
  return { type: c.role === 'flag' ? c.type : [c.type, 'null'], description: c.description };
}

/** Parameters with every allowed list value, so `columns()` lists every column a run can return. */
function widest(params: readonly ParamSpec[], ctx: MetricContext): ParamValues {
  const out: ParamValues = {};
  for (const p of params) out[p.name] = p.kind === 'list' ? [...(allowedValues(p, ctx) ?? [])] : defaultValue(p, ctx);
  out.cohorts = undefined;
  return out;
}

const ERROR = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });

export function openApiDocument(ctx: MetricContext, o: { maxRows: number; token: boolean }): Json {
  const paths: Json = {};
  for (const m of METRICS) {
    const columns = m.columns(widest(m.params, ctx), ctx);
    paths[`/api/v1/${m.name}`] = {
      get: {
        operationId: m.name,
        summary: m.title,
        description: m.description,
        parameters: [
          ...m.params.map((p) => ({
            name: p.name, in: 'query', required: false, description: p.description, schema: paramSchema(p, ctx),
            ...(p.kind === 'list' ? { style: 'form', explode: false } : {}),
          })),
          { name: 'limit', in: 'query', required: false, description: 'Most rows returned; the answer says `truncated` when there were more.', schema: { type: 'integer', minimum: 1, maximum: o.maxRows, default: o.maxRows } },
        ],
        responses: {
          200: {
            description: `${m.title}: rows, the columns that describe them, notes (suppression, partial years) and the definition version.`,
            content: { 'application/json': { schema: {
              type: 'object',
              required: ['metric', 'definition', 'params', 'columns', 'rows', 'notes', 'truncated'],
              properties: {
                metric: { const: m.name }, definition: { type: 'string' }, params: { type: 'object' },
                columns: { type: 'array', items: { $ref: '#/components/schemas/Column' } },
                rows: { type: 'array', items: { type: 'object', properties: Object.fromEntries(columns.map((c) => [c.name, columnSchema(c)])) } },
                notes: { type: 'array', items: { type: 'string' } },
                truncated: { type: 'boolean' }, row_count: { type: 'integer' },
              },
            } } },
          },
          400: errorResponse('A parameter is invalid; `error.parameter` names it.'),
          ...(o.token ? { 401: errorResponse('Missing or wrong bearer token.') } : {}),
          503: errorResponse('The query took too long or too many are waiting.'),
        },
      },
    };
  }
  paths['/api/v1/meta'] = { get: { operationId: 'meta', summary: 'Definitions, data coverage, cohorts and metrics', responses: { 200: { description: 'The meta document.', content: { 'application/json': { schema: { type: 'object' } } } } } } };
  paths['/api/v1/openapi.json'] = { get: { operationId: 'openapi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document.' } } } };
  return {
    openapi: '3.1.0',
    info: { title: 'talentflow API', version: '1', description: `Read-only talent-flow metrics under definitions ${DEFINITIONS.version}. Counts below the small-cell threshold are null with suppressed: true.` },
    paths,
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' }, parameter: { type: 'string' }, hint: { type: 'string' } } } } },
        Column: { type: 'object', properties: { name: { type: 'string' }, type: { type: 'string' }, role: { type: 'string' }, description: { type: 'string' } } },
      },
      ...(o.token ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}),
    },
    ...(o.token ? { security: [{ bearer: [] }] } : {}),
  };
}
