import assert from 'node:assert/strict';
import { test } from 'node:test';
import { domainOf, linkedinSlugOf } from '../src/resolve/index.js';

test('a website URL gives its registrable domain without www', () => {
  assert.equal(domainOf('https://www.meta.com/careers'), 'meta.com');
  assert.equal(domainOf('ACME.COM.'), 'acme.com');
  assert.equal(domainOf('http://acme.com:8080/jobs?x=1'), 'acme.com');
  assert.equal(domainOf('careers.microsoft.com'), 'microsoft.com');
  assert.equal(domainOf('www.amazon.co.uk/jobs'), 'amazon.co.uk');
  assert.equal(domainOf('jobs@initech.io'), 'initech.io');
});

test('a platform bare host is the platform company, a page on it is no domain', () => {
  assert.equal(domainOf('google.com'), 'google.com');
  assert.equal(domainOf('https://www.google.com/'), 'google.com');
  assert.equal(domainOf('https://www.google.com/search?q=acme'), null);
  assert.equal(domainOf('facebook.com'), 'facebook.com');
  assert.equal(domainOf('https://www.facebook.com/pages/Acme/123'), null);
  assert.equal(domainOf('https://www.linkedin.com/company/acme'), null);
  assert.equal(domainOf('github.com'), 'github.com');
  assert.equal(domainOf('https://github.com/acme'), null);
});

test('mail services, shorteners and hosting tenants identify no employer', () => {
  for (const generic of ['gmail.com', 'jane@gmail.com', 'bit.ly/3xyz', 'sites.google.com/view/acme',
    'acme.github.io', 'acme.wixsite.com/home', 'apps.apple.com/us/app/acme', 'acme.blogspot.com']) {
    assert.equal(domainOf(generic), null, generic);
  }
  assert.equal(domainOf('wordpress.com'), 'wordpress.com');
});

test('malformed hosts and IP addresses are no domain', () => {
  for (const bad of ['', 'acme', 'n/a', '192.168.0.1', 'co.uk', '-acme.com', 'acme..com']) {
    assert.equal(domainOf(bad), null, bad);
  }
});

test('LinkedIn company URLs give the slug, vanity or numeric', () => {
  assert.equal(linkedinSlugOf('https://www.linkedin.com/company/acme-inc/?trk=public_profile'), 'acme-inc');
  assert.equal(linkedinSlugOf('https://www.linkedin.com/company/276269/'), '276269');
  assert.equal(linkedinSlugOf('linkedin.com/company/ACME-Inc/about/'), 'acme-inc');
  assert.equal(linkedinSlugOf('https://www.linkedin.com/organization-guest/company/initech'), 'initech');
  assert.equal(linkedinSlugOf('https://de.linkedin.com/company/m%C3%BCller-gmbh'), 'müller-gmbh');
  assert.equal(linkedinSlugOf('acme-inc'), 'acme-inc');
});

test('school pages are prefixed so a school never shares a key with a company', () => {
  assert.equal(linkedinSlugOf('https://www.linkedin.com/school/state-university/?trk=x'), 'school:state-university');
  assert.notEqual(linkedinSlugOf('linkedin.com/school/acme'), linkedinSlugOf('linkedin.com/company/acme'));
});

test('people, other pages and domains are no slug', () => {
  assert.equal(linkedinSlugOf('https://www.linkedin.com/in/jane-doe'), null);
  assert.equal(linkedinSlugOf('https://www.linkedin.com/feed/'), null);
  assert.equal(linkedinSlugOf('https://acme.com/company/acme'), null);
  assert.equal(linkedinSlugOf('acme.com'), null);
  assert.equal(linkedinSlugOf(''), null);
});
