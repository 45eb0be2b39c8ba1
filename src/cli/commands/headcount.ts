import { runTrendCommand, TREND_HELP } from '../trend-command.js';

const HELP = `usage: talentflow headcount [--by DIMS] [--grain year|quarter|month] [--base YEAR] [filters]

Headcount (people employed at the period's last month, per group), its change over the period,
hires, the hiring rate (hires ÷ headcount at the period's start) and the new-grad share of hires;
with --base, the change of headcount and hires against the same period of the base year. Every
figure has a bootstrap CI over people (shares: Wilson); small cells are hidden.

${TREND_HELP}

definitions: docs/metrics.md (headcount, hiring rate, new-grad share)`;

export function run(argv: string[]): Promise<number> {
  return runTrendCommand(
    {
      name: 'headcount',
      help: HELP,
      figures: [
        { key: 'headcount', header: 'headcount', kind: 'count' },
        { key: 'headcount_change', header: 'change', kind: 'change' },
        { key: 'headcount_vs_base', header: 'vs base', kind: 'change' },
        { key: 'hires', header: 'hires', kind: 'count' },
        { key: 'hiring_rate', header: 'hiring rate', kind: 'share' },
        { key: 'new_grad_share', header: 'new-grad share', kind: 'share' },
        { key: 'hires_vs_base', header: 'hires vs base', kind: 'change' },
      ],
    },
    argv,
  );
}
