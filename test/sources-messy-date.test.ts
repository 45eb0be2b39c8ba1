import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comparePartialDates, endsBeforeStart, parseDateRange, parseMessyDate } from '../src/normalize/messy-date.js';

function date(text: string): string | null {
  const r = parseMessyDate(text);
  assert.ok('date' in r, `${text}: ${JSON.stringify(r)}`);
  return r.date;
}

test('ISO dates keep their precision', () => {
  assert.equal(date('2021'), '2021');
  assert.equal(date('2021-03'), '2021-03');
  assert.equal(date('2021-3'), '2021-03');
  assert.equal(date('2021-03-15'), '2021-03-15');
  assert.equal(date('2024-12-23T12:40:30.423Z'), '2024-12-23');
  assert.equal(date('03/2021'), '2021-03');
});

test('English month names and abbreviations give year-month', () => {
  assert.equal(date('Jan 2023'), '2023-01');
  assert.equal(date('September 2021'), '2021-09');
  assert.equal(date('Sept 2019'), '2019-09');
  assert.equal(date('Nov 28, 2022'), '2022-11-28');
});

test('German, French, Spanish, Portuguese and Italian months are recognised', () => {
  assert.equal(date('Mär 2019'), '2019-03');
  assert.equal(date('März 2019'), '2019-03');
  assert.equal(date('Dez. 2020'), '2020-12');
  assert.equal(date('Februar 2012'), '2012-02');
  assert.equal(date('févr. 2020'), '2020-02');
  assert.equal(date('août 2018'), '2018-08');
  assert.equal(date('novembre 2011'), '2011-11');
  assert.equal(date('ene. de 2021'), '2021-01');
  assert.equal(date('dic 2015'), '2015-12');
  assert.equal(date('set. de 2020'), '2020-09');
  assert.equal(date('out 2017'), '2017-10');
  assert.equal(date('aprile 2010'), '2010-04');
});

test('still-there words in every language mean ongoing with no date', () => {
  for (const w of ['Present', 'present', 'Presente', 'Heute', 'Actualidad', 'Aujourd’hui', "aujourd'hui", 'atual', 'now', 'current', 'Poste actuel', 'actuel']) {
    assert.deepEqual(parseMessyDate(w), { date: null, ongoing: true }, w);
  }
});

test('the 1900 placeholder and empty text are unknown, not errors', () => {
  assert.deepEqual(parseMessyDate('1900'), { date: null, ongoing: false });
  assert.deepEqual(parseMessyDate('May 1900'), { date: null, ongoing: false });
  assert.deepEqual(parseMessyDate('  '), { date: null, ongoing: false });
});

test('impossible dates are errors, never guesses', () => {
  for (const bad of ['2023-13-45', '2023-02-30', '2023-00', '1850', 'Foo 2020', 'March', 'Business Administration', '2021 2022']) {
    assert.ok('error' in parseMessyDate(bad), bad);
  }
  assert.deepEqual(parseMessyDate('2023-13-45'), { error: 'month out of range: 13' });
  assert.equal(date('2024-02-29'), '2024-02-29');
});

test('ranges with a LinkedIn duration after the dot ignore the duration', () => {
  assert.deepEqual(parseDateRange('Sep 2021 - Present · 1 yr 3 mos'), { start: '2021-09', end: null, ongoing: true });
  assert.deepEqual(parseDateRange('Mar 2023 - Sep 2023 · 7 mos'), { start: '2023-03', end: '2023-09', ongoing: false });
  assert.deepEqual(parseDateRange('Apr 2023 - Present 1 year 9 months'), { start: '2023-04', end: null, ongoing: true });
});

test('year ranges, en dashes and mixed precision parse', () => {
  assert.deepEqual(parseDateRange('2010 - 2011'), { start: '2010', end: '2011', ongoing: false });
  assert.deepEqual(parseDateRange('2010-2011'), { start: '2010', end: '2011', ongoing: false });
  assert.deepEqual(parseDateRange('Jul 2023 - Present'), { start: '2023-07', end: null, ongoing: true });
  assert.deepEqual(parseDateRange('Mar 2019 – Jan 2020'), { start: '2019-03', end: '2020-01', ongoing: false });
  assert.deepEqual(parseDateRange('2017 - Jul 2021'), { start: '2017', end: '2021-07', ongoing: false });
  assert.deepEqual(parseDateRange('ene. 2019 - actualidad'), { start: '2019-01', end: null, ongoing: true });
  assert.deepEqual(parseDateRange('Jan 2020-Dec 2021'), { start: '2020-01', end: '2021-12', ongoing: false });
});

test('a single date is a point, an empty range is unknown', () => {
  assert.deepEqual(parseDateRange('Jul 2019 · 1 mo'), { start: '2019-07', end: '2019-07', ongoing: false });
  assert.deepEqual(parseDateRange('2010 · Less than a year'), { start: '2010', end: '2010', ongoing: false });
  assert.deepEqual(parseDateRange(''), { start: null, end: null, ongoing: false });
});

test('a range with an impossible side is an error naming that side', () => {
  const r = parseDateRange('Jan 2020 - 2023-13-45');
  assert.ok('error' in r && r.error.startsWith('end:'), JSON.stringify(r));
  assert.ok('error' in parseDateRange('Present - Jan 2020'));
});

test('partial dates compare at their common precision', () => {
  assert.equal(comparePartialDates('2021', '2021-05'), 0);
  assert.ok(comparePartialDates('2021-04', '2021-05') < 0);
  assert.equal(endsBeforeStart('2021-05', '2021'), false);
  assert.equal(endsBeforeStart('2021-05', '2021-04'), true);
  assert.equal(endsBeforeStart(null, '2021-04'), false);
});
