/**
 * The level of a degree as written on a profile ("BSc", "Master of Science", "Diplom-Ingenieur",
 * "Licenciatura", "Ph.D."). The level decides how long an open-ended degree lasts (DESIGN.md,
 * "Graduation": bachelor's or unknown + 4 years, master's + 2, doctorate + 5).
 *
 * Conventions (documented in docs/titles.md):
 * - Professional doctorates count as `doctorate`: MD, JD, DDS/DMD, DVM, PharmD, PsyD, EdD, DBA.
 * - German `Diplom` (Diplom-Ingenieur, Diplom-Kaufmann), `Magister`, French `diplôme d'ingénieur`,
 *   `Mastère`, DEA/DESS, Bac+5, UK postgraduate diplomas and PGDM are `master` (they sit at EQF level 7).
 * - MBBS (the primary medical degree in the UK and India) is a `bachelor`, as its name says.
 * - `Licenciatura`/`Licence`/`Bacharelado`/`Laurea` (triennale), Latin-American `Ingeniero`/
 *   `Engenheiro` degrees are `bachelor`.
 * - `Baccalauréat`, `Bachillerato`, `Abitur`, A-levels, GED, `Ensino Médio` are `secondary`.
 * - Bare "Diploma", "Certificate", bootcamps and certifications are `certificate`.
 */

export type DegreeLevel = 'bachelor' | 'master' | 'doctorate' | 'associate' | 'secondary' | 'certificate' | 'unknown';

/**
 * Dots and apostrophes dropped so "B.S.", "Ph.D.", "M.Eng", "Master's" read as `bs`, `phd`,
 * `meng`, `masters`; accents folded so "Diplôme" reads as `diplome`.
 */
function fold(s: string): string {
  let t = s.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (!/^[\x00-\x7f]*$/.test(t)) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss');
  return ' ' + t.replace(/(\w)\.(?=\w)/g, '$1').replace(/['’`]s\b/g, 's').replace(/\./g, '').replace(/[^a-z0-9]+/g, ' ').trim() + ' ';
}

/** Checked in order; the first that matches decides. Each alternative is a whole-word match. */
const RULES: Array<[Exclude<DegreeLevel, 'unknown'>, RegExp]> = [
  // Certifications that contain degree words ("Certified ScrumMaster", "Master Class").
  // French "Bac+N" counts years after the baccalauréat.
  ['master', / bac ?[56] /],
  ['bachelor', / bac ?[34] /],
  ['associate', / bac ?2 /],
  // Certifications that contain degree words ("Certified ScrumMaster", "Post Graduate Certificate").
  ['certificate', / (?:scrum ?master|certified scrum|master ?class|master certificat\w*|master practitioner|black belt|green belt|(?:post ?)?graduate certificate|pg certificate|pgce|pgcert|grad ?dip\w*|graduate diploma) /],
  ['doctorate', new RegExp(
    ' (?:' + [
      'phd', 'ph d', 'dphil', 'doctor', 'doctorate', 'doctoral', 'doktor', 'dr', 'dr rer \\w+', 'dr ing',
      'doctorado', 'doutorado', 'doutor', 'doctorat', 'dottorato', 'habilitation', 'postdoc\\w*',
      'md', 'jd', 'juris doctor', 'edd', 'dba', 'pharmd', 'dds', 'dmd', 'dvm', 'psyd', 'dnp', 'dpt',
      'drph', 'scd', 'engd', 'thd',
    ].join('|') + ') ',
  )],
  ['master', new RegExp(
    ' (?:' + [
      'master', 'masters', 'masteres', 'mastere', 'mestrado', 'mestre', 'maestria', 'magister', 'magistra',
      'msc', 'ms', 'ma', 'mba', 'emba', 'meng', 'mtech', 'mphil', 'mres', 'mfa', 'mpa', 'mph', 'mpp', 'msw',
      'llm', 'mca', 'mcom', 'mmath', 'mstat', 'msee', 'mscs', 'msis', 'mim', 'med', 'mdes', 'mas', 'msci', 'mmgt', 'm mgt', 'mms', 'drs', 'dipl', 'pg', 'pgd', 'pgdbm', 'm sc', 'm s', 'm a', 'm tech', 'm eng', 'engineers degree',
      'diplom', 'diplom ing', 'dipl ing', 'dipl kfm', 'diplom kaufmann', 'diplom informatiker',
      'diplome d ingenieur', 'ingenieur', 'ingenieure', 'dea', 'dess', 'laurea magistrale', 'laurea specialistica',
      'postgraduate', 'post graduate', 'pgdm', 'pgdba', 'pg diploma', 'pgdip', 'especializacao', 'especializacion',
    ].join('|') + ') ',
  )],
  ['bachelor', new RegExp(
    ' (?:' + [
      'bachelor', 'bachelors', 'bachelour', 'baccalaureate', 'bacharelado', 'bacharel', 'licenciatura',
      'licenciado', 'licenciada', 'licence', 'laurea', 'laurea triennale', 'graduacao', 'undergraduate',
      'bsc', 'bs', 'ba', 'bba', 'beng', 'btech', 'b tech', 'be', 'bcom', 'bca', 'bfa', 'bas', 'basc', 'bsba',
      'bsn', 'bse', 'bsee', 'bscs', 'bmath', 'barch', 'llb', 'ab', 'sb', 'bpharm', 'bds', 'bms', 'bed', 'mbbs',
      'b sc', 'b s', 'b a', 'b e', 'b com', 'b eng',
      'hons', 'honours', 'honors', 'ingeniero', 'ingeniera', 'engenheiro', 'engenharia', 'ingenieria', 'grado',
      'bachelor of \\w+', 'bachelier', 'diplomado', 'bachlor', 'bacheler',
      'b(?:acc|appsc|cs|is|comm|bus|ec|eco|ecs|sci|info|it|des|mus|comp|phil|ed)',
      'b (?:ec|eco|economics|bus|business|comm|comp|actuarial|sci|arts|it|is|info|law|laws)',
    ].join('|') + ') ',
  )],
  ['associate', /^ (?:as|associate) $|^ as /],
  ['associate', new RegExp(
    ' (?:' + [
      'associate (?:degree|diploma|of \\w+|in \\w+)', 'associates(?: degree| of| in)?', 'aa', 'aas', 'aab', 'foundation degree', 'hnd', 'hnc', 'dut', 'bts',
      'tecnologo', 'tecnologia', 'tecnico superior', 'grado superior', 'tecnicatura', 'technician diploma', 'polytechnic diploma',
    ].join('|') + ') ',
  )],
  ['secondary', new RegExp(
    ' (?:' + [
      'high school', 'highschool', 'secondary', 'ged', 'a levels?', 'gcse', 'gce', 'abitur', 'matura', 'fachabitur',
      'baccalaureat', 'bac', 'bachillerato', 'ensino medio', 'segundo grau', 'ib diploma', 'hsc', 'ssc', 'ssce',
      'matric', 'matriculation', '12th', '10th', 'sslc', 'senior school', 'high school diploma', 'secundaria',
      'preparatoria', 'lycee', 'gymnasium', 'colegio', 'vce', 'victorian certificate of education', 'year 12',
      'pre ?university', 'puc', 'higher secondary',
    ].join('|') + ') ',
  )],
  ['certificate', new RegExp(
    ' (?:' + [
      'certificate', 'certificates', 'certification', 'certified', 'cert', 'diploma', 'diplome', 'nanodegree',
      'bootcamp', 'boot camp', 'course', 'executive education', 'executive program', 'graduate diploma', 'coursework', 'zertifikat', 'certificat', 'certificado', 'certificacao',
      'apprenticeship', 'ausbildung', 'vocational', 'nvq', 'btec', 'cap', 'bep', 'cfc',
      'ca', 'cpa', 'aca', 'fca', 'cfa', 'acca', 'cima', 'acma', 'cgma', 'chartered \\w+', 'prince2', 'itil', 'togaf', 'pmp',
      'cbap', 'qualified', 'fellowship',
    ].join('|') + ') ',
  )],
];

/**
 * Classify a raw degree string. Unrecognised or empty text is `unknown` (a caller treats it like
 * a bachelor's for duration, per DESIGN.md).
 *
 * @example degreeLevelOf("Bachelor's degree, Computer Science") // 'bachelor'
 * @example degreeLevelOf('Diplom-Ingenieur') // 'master'
 * @example degreeLevelOf('Ph.D.') // 'doctorate'
 */
export function degreeLevelOf(text: string | null): DegreeLevel {
  if (!text) return 'unknown';
  const t = fold(text);
  if (t.length <= 2) return 'unknown';
  for (const [level, re] of RULES) if (re.test(t)) return level;
  return 'unknown';
}
