/**
 * Job titles by function and level, internship titles, and side-role titles. Full-time titles never
 * contain the words an employment-kind classifier keys on (intern, co-op, volunteer, board,
 * advisor), so only the roles meant to be excluded are excluded.
 */
import type { JobFunction } from './scenario.js';

/** Titles by level 0 (entry) to 5 (executive). */
export const TITLES: Record<JobFunction, readonly string[]> = {
  engineering: ['Software Engineer I', 'Software Engineer', 'Senior Software Engineer', 'Staff Software Engineer', 'Principal Engineer', 'Director of Engineering'],
  data: ['Data Analyst', 'Data Scientist', 'Senior Data Scientist', 'Staff Data Scientist', 'Principal Data Scientist', 'Director of Data Science'],
  product: ['Associate Product Manager', 'Product Manager', 'Senior Product Manager', 'Group Product Manager', 'Director of Product', 'VP of Product'],
  design: ['Junior Designer', 'Product Designer', 'Senior Product Designer', 'Lead Designer', 'Design Manager', 'Head of Design'],
  sales: ['Sales Development Representative', 'Account Executive', 'Senior Account Executive', 'Enterprise Account Executive', 'Sales Manager', 'VP of Sales'],
  marketing: ['Marketing Coordinator', 'Marketing Manager', 'Senior Marketing Manager', 'Product Marketing Lead', 'Director of Marketing', 'VP of Marketing'],
  operations: ['Operations Analyst', 'Operations Manager', 'Senior Operations Manager', 'Senior Program Manager', 'Director of Operations', 'VP of Operations'],
  finance: ['Financial Analyst', 'Senior Financial Analyst', 'Finance Manager', 'Controller', 'Director of Finance', 'Chief Financial Officer'],
  people: ['Recruiting Coordinator', 'Recruiter', 'Senior Recruiter', 'HR Business Partner', 'HR Manager', 'Head of People'],
  support: ['Customer Support Associate', 'Customer Success Manager', 'Senior Customer Success Manager', 'Support Team Lead', 'Director of Customer Success', 'VP of Customer Experience'],
};

export const INTERN_TITLES: Record<JobFunction, readonly string[]> = {
  engineering: ['Software Engineering Intern', 'Software Engineer Intern', 'Software Engineering Co-op'],
  data: ['Data Science Intern', 'Data Analyst Intern'],
  product: ['Product Management Intern'],
  design: ['Design Intern', 'UX Design Intern'],
  sales: ['Sales Intern'],
  marketing: ['Marketing Intern'],
  operations: ['Operations Intern', 'Business Operations Co-op'],
  finance: ['Finance Intern', 'Summer Analyst Intern'],
  people: ['HR Intern', 'Recruiting Intern'],
  support: ['Customer Support Intern'],
};

/** PDL `title.role` per function. */
export const ROLES: Record<JobFunction, string> = {
  engineering: 'engineering', data: 'engineering', product: 'product', design: 'design', sales: 'sales',
  marketing: 'marketing', operations: 'operations', finance: 'finance', people: 'human_resources', support: 'customer_service',
};

export const LEVEL_NAMES = [['entry'], [], ['senior'], ['senior'], ['manager'], ['director']] as const;

export const SIDE_TITLES = ['Volunteer', 'Board Member', 'Advisor', 'Volunteer Mentor', 'Advisory Board Member'] as const;
