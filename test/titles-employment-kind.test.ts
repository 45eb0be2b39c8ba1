import { test } from 'node:test';
import assert from 'node:assert/strict';
import { employmentKindOf, type EmploymentKind } from '../src/resolve/employment-kind.js';

function expectAll(kind: EmploymentKind, titles: string[]): void {
  for (const t of titles) assert.equal(employmentKindOf(t), kind, t);
}

test('internships, co-ops and working students in five languages are intern', () => {
  expectAll('intern', [
    'Software Engineer Intern', 'Intern', 'Summer Internship', 'Co-op Student', 'Engineering Co-op',
    'Werkstudent Data Engineering', 'Werkstudentin Marketing', 'Praktikant Vertrieb', 'Stagiaire en audit',
    "Stage de fin d'études", 'Estágio em TI', 'Estagiária de Marketing', 'Pasantía en Finanzas',
    'Becario en prácticas', 'Summer Analyst', 'MBA Summer Associate', 'Alternant développeur',
    'Student Assistant', 'Tirocinante',
  ]);
});

test('words that merely start with intern are full-time jobs', () => {
  expectAll('fulltime', [
    'Internal Auditor', 'International Sales Manager', 'Internet Marketing Specialist', 'Audit interne',
    'Internship Coordinator', 'Intern Program Manager', 'Stage Manager', 'Medical Intern', 'Interpreter',
  ]);
});

test('board seats are board roles, in several languages', () => {
  expectAll('board', [
    'Board Member', 'Member of the Board of Directors', 'Director of the Board', 'Member, Board of Directors',
    'Non-Executive Director', 'Trustee', 'Board Observer', 'Chairman of the Board', 'Chairman',
    'President of the Board', 'Aufsichtsratsmitglied', "Membre du conseil d'administration",
    'Consejero independiente',
  ]);
});

test('a job whose title contains board or advisor is not a board or advisor role', () => {
  expectAll('fulltime', [
    'Board Certified Nurse Practitioner', 'Board Certified Behavior Analyst', 'Advisory Consultant',
    'Financial Advisor', 'Senior Policy Advisor', 'Technical Advisor', 'Academic Advisor',
    'Consultant | Technology Advisory', 'Associate Director - Deal Advisory', 'Volunteer Coordinator',
    'Consejero Delegado',
  ]);
});

test('an executive role in its own segment wins over a board seat', () => {
  expectAll('fulltime', ['Founder & Board Member', 'Chairman & CEO', 'Co-founder, CTO, Board member', 'Partner | Board Member']);
});

test('a side role after a separator does not change the main role', () => {
  expectAll('fulltime', ['Engineering Lead | Mentor', 'ICT Strategy Lead | Chair of Design Authority Board']);
});

test('advisory seats and mentors are advisor roles', () => {
  expectAll('advisor', [
    'Advisor', 'Adviser', 'Board Advisor', 'Strategic Advisor', 'Startup Advisor', 'Advisory Board Member',
    'Member, Advisory Board', 'Mentor', 'Data Science Mentor', 'Advisor to the CEO', 'Senior Advisor',
  ]);
});

test('volunteer and freelance roles are named as such', () => {
  expectAll('volunteer', ['Volunteer', 'Volunteer Firefighter', 'Software Developer (Volunteer)', 'Bénévole']);
  expectAll('freelance', ['Freelance Web Developer', 'Freelancer', 'Self-employed', 'Independent Consultant', 'Consultor autónomo']);
});

test('a missing or empty title is full-time', () => {
  assert.equal(employmentKindOf(null), 'fulltime');
  assert.equal(employmentKindOf('   '), 'fulltime');
});
