/** The command table: one file per command under commands/, imported only when it runs. */
export interface CommandModule {
  run(argv: string[]): Promise<number>;
}

export interface CommandEntry {
  summary: string;
  load(): Promise<CommandModule>;
}

export const commands = {
  demo: { summary: 'generate a synthetic world, ingest it, print the headline table', load: () => import('./commands/demo.js') },
  ingest: { summary: 'read career-history files into the database', load: () => import('./commands/ingest.js') },
  hires: { summary: 'hires by cohort, year, experience band, new-grad flag, company', load: () => import('./commands/hires.js') },
  quarantine: { summary: 'list records that could not be read, with file, line and reason', load: () => import('./commands/quarantine.js') },
  synth: { summary: 'generate a synthetic labour market with planted truth (PDL JSONL + truth.json)', load: () => import('./commands/synth.js') },
  titles: { summary: 'classify job titles: seniority, function, occupation, AI exposure', load: () => import('./commands/titles.js') },
  data: { summary: 'import reference data: O*NET occupations, AI exposure', load: () => import('./commands/data.js') },
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof commands;
