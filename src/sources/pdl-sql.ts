import type { JsonLinesFormat } from './json-lines-sql.js';

/**
 * People Data Labs v5 person records, one JSON object per line. Reads `id`, `linkedin_url`,
 * `full_name`, `location_name`, `job_last_updated`, `experience[]` (`company{name, website,
 * linkedin_url}`, `title{name}`, `start_date`, `end_date`, `location_names`) and `education[]`
 * (`school{name}`, `degrees[]`, `start_date`, `end_date`). Other fields are ignored. An
 * experience entry with no `end_date` is ongoing as of `job_last_updated`.
 */
export const pdlFormat: JsonLinesFormat = {
  structure: {
    id: 'VARCHAR',
    linkedin_url: 'VARCHAR',
    full_name: 'VARCHAR',
    location_name: 'VARCHAR',
    job_last_updated: 'VARCHAR',
    experience: [
      {
        company: { name: 'VARCHAR', website: 'VARCHAR', linkedin_url: 'VARCHAR' },
        title: { name: 'VARCHAR' },
        start_date: 'VARCHAR',
        end_date: 'VARCHAR',
        location_names: ['VARCHAR'],
      },
    ],
    education: [{ school: { name: 'VARCHAR' }, degrees: ['VARCHAR'], start_date: 'VARCHAR', end_date: 'VARCHAR' }],
  },
  id: 't.id',
  linkedinUrl: 't.linkedin_url',
  name: 't.full_name',
  location: 't.location_name',
  updatedAt: 't.job_last_updated',
  updatedAtField: 'job_last_updated',
  sourceLine: 'NULL',
  positions: {
    field: 'experience',
    start: 'e.start_date',
    end: 'e.end_date',
    startField: 'start_date',
    endField: 'end_date',
    company: 'e.company.name',
    companyDomain: 'e.company.website',
    companyLinkedin: 'e.company.linkedin_url',
    title: 'e.title.name',
    current: '(e.end_date IS NULL)',
    location: 'e.location_names[1]',
    objectMembers: [
      { name: 'company', fields: ['name', 'website', 'linkedin_url'] },
      { name: 'title', fields: ['name'] },
    ],
  },
  educations: {
    field: 'education',
    start: 'e.start_date',
    end: 'e.end_date',
    startField: 'start_date',
    endField: 'end_date',
    school: 'e.school.name',
    degree: "array_to_string(e.degrees, '; ')",
    objectMembers: [{ name: 'school', fields: ['name'] }],
  },
};
