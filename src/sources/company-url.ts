/**
 * Company and person URLs reduced to the keys company resolution matches on: a LinkedIn path
 * (`linkedin.com/company/acme`, `linkedin.com/school/mit`) or a bare web domain (`acme.com`).
 * Country subdomains (`uk.linkedin.com`), `www.`, tracking queries and trailing slashes are dropped.
 */

const LINKEDIN_PAGE = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/(company|school|showcase)\/([^/?#\s]+)/i;
const LINKEDIN_PERSON = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com\/in\/([^/?#\s]+)/i;
const LINKEDIN_HOST = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#]|$)/i;
const HOST = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:www\d?\.)?([^/?#:@\s]+)/i;
const SLUG = /^[^/?#\s]+$/;

export interface CompanyRef {
  company_domain?: string;
  company_linkedin?: string;
}

/**
 * The company keys in a URL and/or a LinkedIn company slug (Bright Data `company_id`).
 * @example companyRef('https://uk.linkedin.com/company/cma-cgm?trk=x', null) // { company_linkedin: 'linkedin.com/company/cma-cgm' }
 * @example companyRef('https://www.acme.com/about', null) // { company_domain: 'acme.com' }
 */
export function companyRef(url: string | null, slug: string | null): CompanyRef {
  const out: CompanyRef = {};
  const u = url?.trim();
  if (u) {
    const li = LINKEDIN_PAGE.exec(u);
    if (li) out.company_linkedin = `linkedin.com/${li[1]!.toLowerCase()}/${li[2]!.toLowerCase()}`;
    else if (!LINKEDIN_HOST.test(u)) {
      const host = HOST.exec(u)?.[1]?.toLowerCase();
      if (host && host.includes('.')) out.company_domain = host;
    }
  }
  const s = slug?.trim();
  if (!out.company_linkedin && s && SLUG.test(s)) out.company_linkedin = `linkedin.com/company/${s.toLowerCase()}`;
  return out;
}

/**
 * A person's LinkedIn URL in the form PDL uses (`linkedin.com/in/jane-doe`), or null when the
 * text is not a LinkedIn profile URL.
 */
export function linkedinProfileUrl(url: string | null): string | null {
  const m = url ? LINKEDIN_PERSON.exec(url.trim()) : null;
  return m ? `linkedin.com/in/${m[1]!.toLowerCase()}` : null;
}
