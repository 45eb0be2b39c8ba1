import type { JsonLinesFormat } from './json-lines-sql.js';

/**
 * talentflow's canonical JSONL: one `CanonicalProfile` (src/model/profile.ts) per line, as
 * documented in docs/formats.md. Every reader written in TypeScript is loaded through it.
 */
export const canonicalFormat: JsonLinesFormat = {
  structure: {
    id: 'VARCHAR',
    linkedin_url: 'VARCHAR',
    name: 'VARCHAR',
    location: 'VARCHAR',
    updated_at: 'VARCHAR',
    source_line: 'BIGINT',
    positions: [
      {
        company: 'VARCHAR',
        company_domain: 'VARCHAR',
        company_linkedin: 'VARCHAR',
        title: 'VARCHAR',
        start: 'VARCHAR',
        end: 'VARCHAR',
        current: 'BOOLEAN',
        location: 'VARCHAR',
      },
    ],
    education: [{ school: 'VARCHAR', degree: 'VARCHAR', start: 'VARCHAR', end: 'VARCHAR' }],
  },
  id: 't.id',
  linkedinUrl: 't.linkedin_url',
  name: 't.name',
  location: 't.location',
  updatedAt: 't.updated_at',
  updatedAtField: 'updated_at',
  sourceLine: 't.source_line',
  positions: {
    field: 'positions',
    start: 'e."start"',
    end: 'e."end"',
    startField: 'start',
    endField: 'end',
    company: 'e.company',
    companyDomain: 'e.company_domain',
    companyLinkedin: 'e.company_linkedin',
    title: 'e.title',
    current: 'coalesce(e.current, e."end" IS NULL)',
    location: 'e.location',
    objectMembers: [],
  },
  educations: {
    field: 'education',
    start: 'e."start"',
    end: 'e."end"',
    startField: 'start',
    endField: 'end',
    school: 'e.school',
    degree: 'e.degree',
    objectMembers: [],
  },
};
