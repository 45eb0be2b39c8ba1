import { runTrendCommand, TREND_HELP } from '../trend-command.js';

const HELP = `usage: talentflow departures [--by DIMS] [--grain year|quarter|month] [--base YEAR] [filters]

Departures: ends of employment spells (a person's last full-time month at a company before a gap
of 3+ months or for good; a stated end on or before the profile's last update, never an ongoing
position). Shown with their change against the previous period, the attrition rate (departures ÷
headcount at the period's start) and, with --base, the change against the base year; bootstrap
CIs over people; small cells hidden.

${TREND_HELP}

definitions: docs/metrics.md (departure, attrition rate)`;

export function run(argv: string[]): Promise<number> {
  return runTrendCommand(
    {
      name: 'departures',
      help: HELP,
      figures: [
        { key: 'departures', header: 'departures', kind: 'count' },
        { key: 'departures_yoy', header: 'change', kind: 'change' },
        { key: 'departures_vs_base', header: 'vs base', kind: 'change' },
        { key: 'attrition_rate', header: 'attrition rate', kind: 'share' },
      ],
    },
    argv,
  );
}
