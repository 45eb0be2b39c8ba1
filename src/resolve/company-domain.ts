/**
 * Employer domains: the registrable host of a company website, the second kind of evidence after
 * the LinkedIn slug. Hosts that identify no employer (mail services, shorteners, hosting tenants,
 * pages on social platforms) give null, so they never join two companies.
 */
import { domainToASCII } from 'node:url';
import {
  CORPORATE_PATHS,
  GENERIC_DOMAINS,
  GENERIC_HOSTS,
  INFRASTRUCTURE_SUFFIXES,
  PATH_PLATFORMS,
  SECOND_LEVEL_SUFFIXES,
  TENANT_SUFFIXES,
} from './company-generic-hosts.js';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//;
const WWW = /^www\d*\./;
const NON_ASCII = /[^\x00-\x7f]/;
const PIECE_END = /[\s,;]/;

/**
 * The registrable host of a website, URL or e-mail address, lowercased and without `www.`:
 * subdomains are dropped (`careers.microsoft.com` → `microsoft.com`) except under common
 * two-label public suffixes (`amazon.co.uk`). Null for empty or malformed input, IP addresses,
 * and hosts that identify no employer: mail services (`gmail.com`), shorteners (`bit.ly`),
 * hosting tenants (`acme.github.io`, `sites.google.com/…`), and paths on platforms
 * (`linkedin.com/company/acme`, `facebook.com/pages/…`, `google.com/search?…`). A platform's bare
 * host is its own company site: `google.com` is Google, `facebook.com` is Meta.
 *
 * @example domainOf('https://www.meta.com/careers') // 'meta.com'
 * @example domainOf('https://www.linkedin.com/company/acme') // null
 */
export function domainOf(urlOrDomain: string | null | undefined): string | null {
  if (!urlOrDomain) return null;
  let s = urlOrDomain.trim().toLowerCase();
  const pieceEnd = s.search(PIECE_END);
  if (pieceEnd >= 0) s = s.slice(0, pieceEnd);
  if (s.startsWith('mailto:')) s = s.slice(7);
  else if (s.startsWith('//')) s = s.slice(2);
  else if (s.indexOf('://') >= 0) s = s.replace(SCHEME, '');

  let hostEnd = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) {
      hostEnd = i;
      break;
    }
  }
  let host = s.slice(0, hostEnd);
  const path = s.slice(hostEnd);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.indexOf(':');
  if (colon >= 0) host = host.slice(0, colon);
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (NON_ASCII.test(host)) host = domainToASCII(host);
  if (!isHostName(host)) return null;
  if (host.startsWith('www')) host = host.replace(WWW, '');

  if (GENERIC_HOSTS.has(host)) return null;
  const registrable = registrableOf(host);
  if (registrable === null || GENERIC_DOMAINS.has(registrable)) return null;
  if (TENANT_SUFFIXES.has(registrable)) {
    if (host !== registrable || INFRASTRUCTURE_SUFFIXES.has(registrable)) return null;
  }
  if (PATH_PLATFORMS.has(registrable) && !isCorporatePath(path)) return null;
  return registrable;
}

/** Dot-separated labels of `[a-z0-9-]`, no empty label, no label edge `-`, a TLD starting with a letter. */
function isHostName(h: string): boolean {
  const n = h.length;
  if (n < 3 || n > 253) return false;
  let labelStart = 0;
  let lastDot = -1;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? h.charCodeAt(i) : 46;
    if (c === 46 /* . */) {
      if (i === labelStart || h.charCodeAt(labelStart) === 45 || h.charCodeAt(i - 1) === 45) return false;
      if (i < n) lastDot = i;
      labelStart = i + 1;
    } else if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45)) return false;
  }
  const tld = h.charCodeAt(lastDot + 1);
  return lastDot > 0 && tld >= 97 && tld <= 122;
}

/** Last two labels, or three under a two-label public suffix; null for a bare public suffix. */
function registrableOf(host: string): string | null {
  const last = host.lastIndexOf('.');
  const second = host.lastIndexOf('.', last - 1);
  if (second < 0) return SECOND_LEVEL_SUFFIXES.has(host) ? null : host;
  const lastTwo = host.slice(second + 1);
  if (!SECOND_LEVEL_SUFFIXES.has(lastTwo)) return lastTwo;
  const third = host.lastIndexOf('.', second - 1);
  return host.slice(third + 1);
}

/** True when a platform URL's path is empty or names the platform company itself. */
function isCorporatePath(path: string): boolean {
  if (path === '' || path === '/') return true;
  if (path.charCodeAt(0) !== 47) return true; // only a query or fragment: the home page
  let end = path.length;
  for (let i = 1; i < path.length; i++) {
    const c = path.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  return end === 1 || CORPORATE_PATHS.has(path.slice(1, end));
}
