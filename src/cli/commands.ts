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
  headcount: { summary: 'headcount at period end, hiring rate, new-grad share, change vs a base year (with CIs)', load: () => import('./commands/headcount.js') },
  departures: { summary: 'departures and attrition rate by period (with CIs)', load: () => import('./commands/departures.js') },
  retention: { summary: 'share of hires still there after k months (Kaplan–Meier, CIs)', load: () => import('./commands/retention.js') },
  flows: { summary: 'company-to-company moves: top pairs, matrix, directed ratio with CI', load: () => import('./commands/flows.js') },
  tenure: { summary: 'length of completed and ongoing employment spells', load: () => import('./commands/tenure.js') },
  geography: { summary: 'headcount and net migration by metro, region or country', load: () => import('./commands/geography.js') },
  changes: { summary: 'job changes between snapshots: started, left, title, location, education (--follow for NDJSON)', load: () => import('./commands/changes.js') },
  quarantine: { summary: 'list records that could not be read, with file, line and reason', load: () => import('./commands/quarantine.js') },
  synth: { summary: 'generate a synthetic labour market with planted truth (PDL JSONL + truth.json)', load: () => import('./commands/synth.js') },
  titles: { summary: 'classify job titles: seniority, function, occupation, AI exposure', load: () => import('./commands/titles.js') },
  companies: { summary: 'company registry: unresolved employers, how a name resolves (explain)', load: () => import('./commands/companies.js') },
  data: { summary: 'import reference data: O*NET occupations, AI exposure', load: () => import('./commands/data.js') },
  report: { summary: 'write the HTML "State of Talent" report (charts, tables, methodology; --pdf)', load: () => import('./commands/report.js') },
  export: { summary: 'write one metric table to CSV or Parquet', load: () => import('./commands/export.js') },
  serve: { summary: 'serve the read-only JSON API and the dashboard', load: () => import('./commands/serve.js') },
} satisfies Record<string, CommandEntry>;

export type CommandName = keyof typeof commands;
