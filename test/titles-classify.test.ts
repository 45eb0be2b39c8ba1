import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyTitles, type TitleInfo } from '../src/resolve/titles/index.js';

const one = (title: string, industry?: string): TitleInfo => classifyTitles([title], { industryHint: [industry] })[0]!;
const level = (title: string, industry?: string): number | null => one(title, industry).seniority_level;

test('results come back in input order, one per title, with nulls where unknown', () => {
  const out = classifyTitles(['Data Engineer', '', 'Founder & CEO']);
  assert.deepEqual(out.map((t) => t.title), ['Data Engineer', '', 'Founder & CEO']);
  assert.equal(out[1]!.seniority_level, null);
  assert.equal(out[1]!.function, null);
  assert.equal(out[0]!.soc, null, 'no reference, no occupation');
});

test('the seven levels, from intern to owner', () => {
  assert.equal(one('Software Engineering Intern').seniority, 'intern');
  assert.equal(one('Software Engineering Intern').intern, true);
  assert.equal(level('Graduate Trainee'), 1);
  assert.equal(level('Junior Developer'), 2);
  assert.equal(level('Data Engineer'), 3);
  assert.equal(level('Senior Data Engineer'), 3);
  assert.equal(level('Engineering Manager'), 4);
  assert.equal(level('Tech Lead'), 4);
  assert.equal(level('Director of Engineering'), 5);
  assert.equal(level('Head of Data'), 5);
  assert.equal(level('Vice President, Engineering'), 6);
  assert.equal(level('Chief Technology Officer'), 7);
  assert.equal(level('Owner'), 7);
});

test('abbreviations are spelled out before the rules read them', () => {
  assert.deepEqual([one('Sr. SWE').seniority, one('Sr. SWE').function], ['senior', 'engineering']);
  assert.equal(one('Jr. Analyst').seniority, 'junior');
  assert.equal(level('SDE II'), 3);
  assert.equal(one('SDE II').seniority, 'mid');
  assert.equal(one('Software Engineer III').seniority, 'senior');
  assert.equal(one('Analyst I').seniority, 'junior');
  assert.equal(level('Senior MTS'), 3);
  assert.equal(level('VP Sales'), 6);
  assert.equal(level('SVP, Marketing'), 6);
  assert.equal(level('EVP'), 6);
  assert.equal(level('AVP'), 4);
  assert.equal(level('MD'), 6);
  assert.equal(level('CFO'), 7);
  assert.equal(level('CxO'), 7);
  assert.equal(one('CFO').function, 'finance');
});

test('decorations do not change the role, and multiple roles take the highest', () => {
  assert.equal(level('Executive Manager - IT Audit | CISA'), 4);
  assert.equal(one('Senior Consultant | Technology Advisory').function, 'consulting');
  assert.equal(level('Software Engineer (m/w/d)'), 3);
  assert.equal(level('Senior Consultant at KPMG Australia'), 3);
  assert.equal(level('Founder & CEO'), 7);
  assert.equal(level('Co-founder, CTO, Board member'), 7);
});

test('whom a role serves is not its rank', () => {
  assert.equal(level('Executive Assistant to the CEO'), 2);
  assert.equal(level('Manager, Office of the CEO'), 4);
  assert.equal(level('Product Owner'), 3);
  assert.equal(level('HR Business Partner'), 3);
  assert.equal(level('Partner Manager'), 4);
  assert.equal(level('Partner'), 7);
  assert.equal(level('Lead Generation Specialist'), 3);
});

test("a bank's Vice President is a manager and its Analyst entry level", () => {
  assert.equal(level('Vice President'), 6);
  assert.equal(level('Vice President', 'Investment Banking'), 4);
  assert.equal(level('Associate', 'Banking'), 3);
  assert.equal(level('Analyst', 'Banking'), 1);
  assert.equal(level('Senior Vice President', 'Financial Services'), 5);
  assert.equal(level('Managing Director', 'Banking'), 6);
  assert.equal(level('Vice President - Global Markets'), 4, 'an in-title cue works without a hint');
});

test('a consulting Associate Director is a senior manager, elsewhere a director', () => {
  assert.equal(level('Associate Director'), 5);
  assert.equal(level('Associate Director', 'Management Consulting'), 4);
  assert.equal(level('Associate Director - Deal Advisory'), 4);
});

test('German, French, Spanish and Portuguese titles', () => {
  assert.equal(level('Geschäftsführer'), 7);
  assert.equal(level('Teamleiter Vertrieb'), 4);
  assert.equal(level('Abteilungsleiter'), 5);
  assert.equal(one('Werkstudent Softwareentwicklung').intern, true);
  assert.equal(level('Directeur commercial'), 5);
  assert.equal(one('Directeur commercial').function, 'sales');
  assert.equal(level('Chef de projet'), 4);
  assert.equal(level('Président directeur général'), 7);
  assert.equal(level('Gerente de Ventas'), 4);
  assert.equal(one('Desarrollador de software').function, 'engineering');
  assert.equal(one('Analista de Sistemas Pleno').seniority, 'mid');
  assert.equal(one('Engenheiro de Software Sênior').seniority, 'senior');
  assert.equal(one('Estagiário de Marketing').intern, true);
});

test('functions follow the most specific rule', () => {
  const fn = (t: string): string | null => one(t).function;
  assert.equal(fn('Technical Recruiter'), 'people');
  assert.equal(fn('Sales Engineer'), 'sales');
  assert.equal(fn('Data Engineer'), 'data');
  assert.equal(fn('Product Marketing Manager'), 'marketing');
  assert.equal(fn('Product Designer'), 'design');
  assert.equal(fn('Tax Consultant'), 'finance');
  assert.equal(fn('Registered Nurse'), 'healthcare');
  assert.equal(fn('Quality Assurance Engineer'), 'engineering');
  assert.equal(fn('Principal Engineer'), 'engineering');
  assert.equal(fn('Founder & CEO'), 'other');
  assert.equal(fn('Associate'), null);
});

test('traps from the employment-kind list keep their real level', () => {
  assert.equal(one('Internal Auditor').intern, false);
  assert.equal(one('International Sales Manager').seniority_level, 4);
  assert.equal(one('Board Certified Nurse').function, 'healthcare');
});
