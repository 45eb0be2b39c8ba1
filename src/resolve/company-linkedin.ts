/**
 * LinkedIn company slugs: the strongest company evidence, because a company page is one company.
 * Vanity names (`acme-inc`) and numeric ids (`276269`) are both slugs; they are different keys for
 * the same page, so a registry lists both when it knows them.
 */

/**
 * `linkedin.com[/organization-guest|/sales]/(company|school|showcase)/<slug>`, on any LinkedIn
 * subdomain (`www.`, `uk.`, `de.`), with or without a scheme.
 */
const PAGE_URL =
  /(?:^|[/.@])linkedin\.com(?::\d+)?\/(?:organization-guest\/|sales\/)?(company|school|showcase)\/([^/?#\s]+)/;
const BARE_SLUG = /^(?:school:|showcase:)?[^\s/?#:]+$/;
const DOMAIN_LIKE = /\.[a-z]{2,}$/;

/**
 * The company-page slug of a LinkedIn URL (or of a bare slug), lowercased and percent-decoded.
 * School pages are prefixed `school:` and showcase pages `showcase:`, so a school and a company
 * never share a key. Null for people (`/in/…`), other LinkedIn pages, non-LinkedIn URLs and
 * domain-looking strings.
 *
 * @example linkedinSlugOf('https://www.linkedin.com/company/acme-inc/?trk=x') // 'acme-inc'
 * @example linkedinSlugOf('https://www.linkedin.com/company/276269/') // '276269'
 * @example linkedinSlugOf('linkedin.com/school/stanford-university') // 'school:stanford-university'
 */
export function linkedinSlugOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const s = url.trim().toLowerCase();
  if (s === '') return null;
  if (s.indexOf('linkedin.com') < 0) {
    if (!BARE_SLUG.test(s) || DOMAIN_LIKE.test(s)) return null;
    return decode(s);
  }
  const m = PAGE_URL.exec(s);
  if (!m) return null;
  const slug = decode(m[2] as string);
  if (slug === null) return null;
  const kind = m[1];
  return kind === 'company' ? slug : `${kind}:${slug}`;
}

function decode(slug: string): string | null {
  if (slug.indexOf('%') < 0) return slug;
  try {
    const decoded = decodeURIComponent(slug).trim();
    return decoded === '' ? null : decoded;
  } catch {
    return slug;
  }
}
