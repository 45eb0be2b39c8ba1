import { test } from 'node:test';
import assert from 'node:assert/strict';
import { degreeLevelOf, type DegreeLevel } from '../src/resolve/degree-level.js';

function expectAll(level: DegreeLevel, degrees: string[]): void {
  for (const d of degrees) assert.equal(degreeLevelOf(d), level, d);
}

test('bachelor degrees in their many spellings', () => {
  expectAll('bachelor', [
    'BSc', 'B.S.', "Bachelor's degree, Computer Science", 'bachelors', 'BA (Hons)', 'B. Tech, Electrical',
    'Bachelor of Engineering (B.E.), Electronics', 'Licenciatura en Economía', 'Licence Professionnelle',
    'Bacharelado em Ciência da Computação', 'LLB', 'Bac+3', 'B.Com.', 'MBBS',
  ]);
});

test('master degrees, including German Diplom and French ingénieur', () => {
  expectAll('master', [
    'MBA', 'M.Eng', 'Master of Science', 'MSc, Finance', "Master's degree", 'Diplom-Ingenieur', 'Dipl.-Kfm.',
    'Diplôme d’ingénieur', 'Mestrado em Engenharia', 'Maestría en Finanzas', 'LLM', 'Bac+5', 'PGDM, Marketing',
  ]);
});

test('doctorates, including professional doctorates', () => {
  expectAll('doctorate', ['PhD', 'Ph.D.', 'Doctor of Philosophy', 'Doktor der Naturwissenschaften', 'Dr. rer. nat.', 'JD', 'MD', 'Doctorado', 'EdD']);
});

test('associate, secondary and certificate levels', () => {
  expectAll('associate', ["Associate's degree", 'Associate of Applied Science', 'A.S.', 'AA', 'DUT Informatique']);
  expectAll('secondary', ['High School', 'High School Diploma', 'Abitur', 'Baccalauréat', 'Bachillerato', 'GCSE', 'A-Levels']);
  expectAll('certificate', ['Certificate', 'Graduate Certificate, Data', 'Certified ScrumMaster', 'Diploma in Business', 'Bootcamp']);
});

test('professional titles that contain degree words are not degrees', () => {
  assert.notEqual(degreeLevelOf('Associate Actuary'), 'associate');
  assert.notEqual(degreeLevelOf('Teaching English as a Second Language Certificate'), 'associate');
  assert.equal(degreeLevelOf('Bachelor, March 2015'), 'bachelor');
});

test('unknown for empty or unrecognised text', () => {
  expectAll('unknown', ['', 'Computer Science', 'Psychology']);
  assert.equal(degreeLevelOf(null), 'unknown');
});
