/**
 * Employer names that name no company: "Self-employed", "Freelance", "Stealth Startup",
 * "Confidential". Resolved to no company (`PLACEHOLDER_COMPANY`), so such positions still count as
 * full-time experience but are never a hire, a spell, a flow end or a row in a company table —
 * otherwise thousands of unrelated people would form one giant fake company. Matched on the
 * normalized name (legal suffixes and decorations already removed: "Confidential Company" and
 * "Stealth Mode (Series A)" are caught), exactly, never by prefix ("Freelance.com" is a company).
 */
import { normalizeCompanyName } from './company-name.js';

const PLACEHOLDERS = new Set(
  [
    // self-employment
    'self employed', 'self', 'self employment', 'selfemployed', 'independent', 'independent contractor',
    'independent consultant', 'freelance', 'freelancer', 'freelancing', 'freelance consultant',
    'freelance developer', 'freelance designer', 'own business', 'my own company', 'sole proprietor',
    'sole trader', 'contractor', 'various', 'various clients', 'various companies', 'multiple clients',
    'selbststandig', 'selbstandig', 'freiberuflich', 'freiberufler', 'autonomo', 'autonoma', 'independiente',
    'freelancer autonomo', 'independant', 'auto entrepreneur', 'travailleur independant', 'autonome',
    'profissional autonomo', 'trabalhador independente',
    // undisclosed employers
    'stealth', 'stealth startup', 'stealth mode', 'stealth mode startup', 'stealth company', 'stealth ai startup',
    'stealth start up', 'stealth stage startup', 'confidential', 'confidential employer', 'undisclosed',
    'undisclosed company', 'private', 'private company', 'anonymous', 'n a', 'na', 'none', 'not applicable',
  ].map((n) => normalizeCompanyName(n)),
);

/** Whether a normalized employer name is a placeholder, not a company. */
export function isPlaceholderEmployer(normalizedName: string): boolean {
  return PLACEHOLDERS.has(normalizedName);
}
