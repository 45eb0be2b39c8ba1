import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isUserError } from '../src/model/index.js';
import { loadCohortFile, loadCohortFiles, parseCohorts } from '../src/resolve/index.js';
import { tempDir } from './helpers/people.js';

const dir = tempDir('tf-cohort-');
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

/** Asserts a user error whose message names the file and the key. */
function rejects(text: string, message: RegExp, line?: number): void {
  const p = file('x.yaml', text);
  assert.throws(() => loadCohortFile(p), (e: unknown) => {
    assert.ok(isUserError(e), String(e));
    assert.match(e.message, message);
    assert.ok(e.message.startsWith(`invalid cohort file: ${p}: `), e.message);
    if (line !== undefined) assert.equal(e.place?.line, line);
    return true;
  });
}

test('one file may hold several cohorts with versions and descriptions', () => {
  const cohorts = loadCohortFile(file('two.yaml', [
    'fintech:',
    "  version: '2025-01'",
    '  description: Payment companies',
    '  companies:',
    '    - name: Globex Pay',
    '      domain: https://www.globexpay.com',
    '      linkedin: [https://www.linkedin.com/company/globex-pay/, 99887766]',
    '      aliases: [Globex Payments]',
    '    - Initech Finance',
    'robots:',
    '  companies: [{name: Acme Robotics, domains: [acme-robotics.com, acmebots.io]}]',
  ].join('\n')));
  assert.deepEqual(cohorts.map((c) => [c.name, c.version, c.companies.length]), [['fintech', '2025-01', 2], ['robots', null, 1]]);
  assert.deepEqual(cohorts[0]!.companies[0], {
    name: 'Globex Pay', domains: ['globexpay.com'], linkedin: ['globex-pay', '99887766'], aliases: ['Globex Payments'],
  });
  assert.deepEqual(cohorts[0]!.companies[1], { name: 'Initech Finance', domains: [], linkedin: [], aliases: [] });
  assert.deepEqual(cohorts[1]!.companies[0]!.domains, ['acme-robotics.com', 'acmebots.io']);
});

test('a company without a name is an error naming the file, key path and line', () => {
  rejects(['bigtech15:', '  companies:', '    - name: A', '    - name: B', '    - name: C', '    - domain: d.com'].join('\n'),
    /: bigtech15\.companies\[3\]\.name missing$/, 6);
});

test('unknown keys, generic domains and bad slugs are errors naming the key', () => {
  rejects('c:\n  companies:\n    - name: Acme\n      alias: [Acme Co]\n', /c\.companies\[0\]\.alias unknown key/, 4);
  rejects('c:\n  companies:\n    - name: Acme\n      domains: [acme.com, gmail.com]\n', /c\.companies\[0\]\.domains\[1\] "gmail\.com" is not a company domain/);
  rejects('c:\n  companies:\n    - name: Acme\n      linkedin: https://www.linkedin.com/in/jane\n', /c\.companies\[0\]\.linkedin\[0\] .*not a LinkedIn company/);
  rejects('c:\n  companies:\n    - name: Acme\n      aliases: [{x: 1}]\n', /c\.companies\[0\]\.aliases\[0\] must be a string/);
  rejects('c:\n  version: 1\n  colour: red\n  companies: [Acme]\n', /c\.colour unknown key/);
});

test('a cohort without companies, a reserved name and a non-mapping are errors', () => {
  rejects('c:\n  version: x\n', /c\.companies missing/);
  rejects('c:\n  companies: []\n', /c\.companies must be a non-empty list/);
  rejects('other:\n  companies: [Acme]\n', /other is reserved/);
  rejects('- Acme\n', /expected a mapping of cohort name to cohort/);
  rejects('c:\n  companies: [{name: "---"}]\n', /c\.companies\[0\]\.name must be a name/);
});

test('YAML syntax errors name the file and line', () => {
  rejects('c:\n  companies:\n    - name: [unclosed\n', /YAML syntax error/);
});

test('a missing file is a user error naming it', () => {
  const missing = path.join(dir, 'nope.yaml');
  assert.throws(() => loadCohortFile(missing), (e: unknown) => isUserError(e) && e.message.includes(missing) && /ENOENT/.test(e.message));
});

test('the same cohort name in two files is an error naming both', () => {
  const a = file('a.yaml', 'c:\n  companies: [Acme]\n');
  const b = file('b.yaml', 'c:\n  companies: [Globex]\n');
  assert.throws(() => loadCohortFiles([a, b]), (e: unknown) => isUserError(e) && e.message.includes(a) && e.message.includes(b));
});

test('parsing text names the given source in errors', () => {
  assert.throws(() => parseCohorts('c: 3\n', 'inline.yaml'), /invalid cohort file: inline\.yaml: c expected a mapping/);
});
