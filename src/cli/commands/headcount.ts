import { runTrendCommand } from '../trend-command.js';
import { METRIC_HELP } from '../metric-options.js';

const HELP = `usage: talentflow headcount [--by DIMS] [--grain year|quarter|month] [--base YEAR] [filters]

Headcount (people employed at the period's last month, per group), its change over the period,
hires, the hiring rate (hires ÷ headcount at the period's start) and the new-grad share of hires;
with --base, the change of headcount and hires against the same period of the base year. Every
figure has a bootstrap CI over people (shares: Wilson); small cells are hidden.

options:
  --by DIMS        cohort, company, band, new_grad, seniority, function, occupation,
                   exposure_quintile, metro, region, country
  --grain G        year (default), quarter or month
  --base YEAR      also show change against this year
  --totals         add a total row per period (complementary suppression applies)
  --weights FILE   official totals by SOC major group (BLS OEWS national CSV, or group,total):
                   weighted figures beside the unweighted, post-stratified by current title
${METRIC_HELP}

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
      counts: [['headcount_start', 'n_start']],
    },
    argv,
  );
}
