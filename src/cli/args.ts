/**
 * Option parsing for one command: node's `parseArgs`, a `--help` text, and usage errors that
 * exit with code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../model/errors.js';

export type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed<O extends Options> {
  values: { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : O[K] extends { multiple: true } ? string[] : string };
  positionals: string[];
  help: boolean;
}

/** Options every command accepts: which engine the database is on (docs/engines.md). They are
 *  read by `openExisting` through `$TALENTFLOW_ENGINE`, `$TALENTFLOW_URL`, `$TALENTFLOW_CLUSTER`
 *  (flags win over the environment). */
export const ENGINE_OPTIONS = { engine: { type: 'string' }, url: { type: 'string' }, cluster: { type: 'string' } } as const;

/** Parse `argv` for a command; `--help` and the engine options are always accepted. */
export function parseCommand<O extends Options>(argv: string[], options: O, allowPositionals = false): Parsed<O> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...ENGINE_OPTIONS, ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
    const { help, engine, url, cluster, ...rest } = values as Record<string, unknown>;
    if (typeof engine === 'string') process.env.TALENTFLOW_ENGINE = engine;
    if (typeof url === 'string') process.env.TALENTFLOW_URL = url;
    if (typeof cluster === 'string') process.env.TALENTFLOW_CLUSTER = cluster;
    return { values: rest as Parsed<O>['values'], positionals, help: help === true };
  } catch (e) {
    throw new UserError((e as Error).message.replace(/^\w/, (c) => c.toLowerCase()), 'usage', 'see --help');
  }
}

/** Parse an integer option, with a usage error naming the option. */
export function intOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UserError(`invalid --${name}: ${value}`, 'usage', `--${name} takes a whole number`);
  return n;
}

/** Write a command's help text and return exit code 0. */
export function printHelp(text: string): number {
  process.stdout.write(text.trimEnd() + '\n');
  return 0;
}
