/**
 * Hosts that identify no employer, used by `domainOf`. Four kinds, because "generic" depends on
 * the shape of the URL: `google.com` is Google's website, `google.com/search?q=acme` is not, and
 * neither is `sites.google.com/view/acme`. Lists are lowercase, without `www.`.
 */

/** Mail and link services: never an employer's website, whatever the path. */
export const GENERIC_DOMAINS: ReadonlySet<string> = new Set([
  // personal mail
  'gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de',
  'hotmail.it', 'hotmail.es', 'outlook.com', 'live.com', 'msn.com', 'icloud.com', 'me.com',
  'mac.com', 'protonmail.com', 'proton.me', 'gmx.com', 'gmx.net', 'gmx.de', 'web.de', 'mail.com',
  'rediffmail.com', '163.com', '126.com', 'qq.com', 'ymail.com', 'yahoo.co.in', 'yahoo.co.uk',
  // link shorteners and link hubs
  'bit.ly', 't.co', 'goo.gl', 'tinyurl.com', 'ow.ly', 'lnkd.in', 'buff.ly', 'rebrand.ly', 'is.gd',
  'cutt.ly', 'shorturl.at', 'tiny.cc', 'forms.gle', 'g.co', 'g.page', 'youtu.be', 'amzn.to',
  'a.co', 'fb.me', 'm.me', 'wa.me', 't.me',
  // placeholders
  'example.com', 'example.org', 'example.net', 'localhost',
]);

/** Full hosts that serve other people's pages, never the owner's company site. */
export const GENERIC_HOSTS: ReadonlySet<string> = new Set([
  'sites.google.com', 'maps.google.com', 'docs.google.com', 'drive.google.com', 'play.google.com',
  'plus.google.com', 'business.google.com', 'apps.apple.com', 'itunes.apple.com',
  'podcasts.apple.com', 'books.apple.com',
]);

/**
 * Hosting suffixes whose subdomains are tenants (`acme.github.io`, `acme.wixsite.com`): a tenant
 * page identifies nobody we can join on. The bare suffix is the host company's own site unless it
 * is also in `INFRASTRUCTURE_SUFFIXES`.
 */
export const TENANT_SUFFIXES: ReadonlySet<string> = new Set([
  'github.io', 'gitlab.io', 'herokuapp.com', 'wixsite.com', 'wordpress.com', 'blogspot.com',
  'netlify.app', 'vercel.app', 'pages.dev', 'web.app', 'firebaseapp.com', 'azurewebsites.net',
  'cloudfront.net', 'amazonaws.com', 'squarespace.com', 'weebly.com', 'tumblr.com', 'substack.com',
  'notion.site', 'carrd.co', 'webflow.io', 'business.site', 'myshopify.com', 'glitch.me',
  'replit.app', 'godaddysites.com', 'square.site', 'medium.com',
]);

/** Tenant suffixes that are no company's website even when bare. */
export const INFRASTRUCTURE_SUFFIXES: ReadonlySet<string> = new Set([
  'github.io', 'gitlab.io', 'herokuapp.com', 'wixsite.com', 'blogspot.com', 'netlify.app',
  'vercel.app', 'pages.dev', 'web.app', 'firebaseapp.com', 'azurewebsites.net', 'cloudfront.net',
  'amazonaws.com', 'notion.site', 'webflow.io', 'business.site', 'myshopify.com', 'glitch.me',
  'replit.app', 'godaddysites.com', 'square.site',
]);

/**
 * Platforms whose URL *paths* are other people's pages (`linkedin.com/company/acme`,
 * `facebook.com/pages/…`, `google.com/search?q=…`). The bare host, or one of
 * `CORPORATE_PATHS`, is the platform company's own website.
 */
export const PATH_PLATFORMS: ReadonlySet<string> = new Set([
  'linkedin.com', 'facebook.com', 'fb.com', 'twitter.com', 'x.com', 'instagram.com', 'youtube.com',
  'github.com', 'gitlab.com', 'bitbucket.org', 'medium.com', 'google.com', 'angel.co',
  'wellfound.com', 'crunchbase.com', 'glassdoor.com', 'indeed.com', 'linktr.ee', 'about.me',
  'tiktok.com', 'pinterest.com', 'reddit.com', 'behance.net', 'dribbble.com', 'vimeo.com',
  'soundcloud.com', 'yelp.com', 'ycombinator.com', 'producthunt.com', 'f6s.com', 'notion.so',
  'substack.com', 'wikipedia.org', 'threads.net', 'whatsapp.com', 'discord.com', 'discord.gg',
  'bloomberg.com', 'zoominfo.com', 'pitchbook.com', 'dnb.com', 'opencorporates.com',
]);

/** First path segments on a platform that still mean the platform company itself. */
export const CORPORATE_PATHS: ReadonlySet<string> = new Set([
  'about', 'careers', 'jobs', 'corporate', 'company-info', 'press', 'newsroom', 'investor',
  'investors', 'intl',
]);

/**
 * Common two-label public suffixes: under these the registrable name has three labels
 * (`amazon.co.uk`). A curated subset of the Public Suffix List, enough for employer sites.
 */
export const SECOND_LEVEL_SUFFIXES: ReadonlySet<string> = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'nhs.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au', 'co.nz', 'org.nz', 'ac.nz',
  'govt.nz', 'net.nz', 'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'ac.kr',
  'go.kr', 'ne.kr', 'com.cn', 'net.cn', 'org.cn', 'edu.cn', 'gov.cn', 'ac.cn', 'com.hk', 'org.hk',
  'edu.hk', 'gov.hk', 'com.tw', 'org.tw', 'edu.tw', 'gov.tw', 'com.sg', 'edu.sg', 'gov.sg',
  'org.sg', 'com.my', 'edu.my', 'gov.my', 'co.in', 'net.in', 'org.in', 'ac.in', 'edu.in', 'gov.in',
  'firm.in', 'gen.in', 'ind.in', 'co.id', 'ac.id', 'go.id', 'or.id', 'co.th', 'ac.th', 'go.th',
  'in.th', 'com.vn', 'edu.vn', 'com.ph', 'edu.ph', 'com.pk', 'edu.pk', 'com.bd', 'com.np',
  'com.lk', 'com.br', 'net.br', 'org.br', 'gov.br', 'edu.br', 'com.mx', 'org.mx', 'edu.mx',
  'gob.mx', 'com.ar', 'gob.ar', 'edu.ar', 'com.co', 'edu.co', 'gov.co', 'com.pe', 'edu.pe',
  'com.uy', 'com.ve', 'com.ec', 'com.tr', 'edu.tr', 'gov.tr', 'org.tr', 'co.il', 'ac.il', 'org.il',
  'gov.il', 'co.za', 'ac.za', 'gov.za', 'org.za', 'com.ng', 'edu.ng', 'gov.ng', 'co.ke', 'ac.ke',
  'com.eg', 'edu.eg', 'com.sa', 'edu.sa', 'gov.sa', 'com.ua', 'co.at', 'or.at', 'ac.at',
  'com.gh', 'com.kw', 'com.qa', 'co.ae', 'ac.ae', 'gov.ae',
]);
