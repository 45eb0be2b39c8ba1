/**
 * Seniority on the 7-step scale of issue 4, from a normalized title:
 *
 * | level | labels                        | examples                                          |
 * |-------|-------------------------------|---------------------------------------------------|
 * | 1     | `intern`, `entry`             | Intern, Trainee, Graduate Engineer, Azubi         |
 * | 2     | `junior`                      | Junior Developer, Associate Consultant, Engineer I |
 * | 3     | `professional`, `mid`, `senior` | Data Engineer; Analyst II / Pleno; Senior Analyst |
 * | 4     | `lead`, `manager`             | Tech Lead, Staff/Principal Engineer, Manager      |
 * | 5     | `director`                    | Director, Head of Data, Associate Director        |
 * | 6     | `vp`, `executive`             | VP, SVP, Managing Director, General Manager       |
 * | 7     | `cxo`, `partner`, `owner`     | CEO, CTO, President, Partner, Founder, Owner      |
 *
 * The highest level among a title's parts wins ("Founder & CEO" is 7), except that an entry marker
 * anywhere makes an individual-contributor title entry ("Marketing Specialist (Entry-level)").
 * An unmarked professional title ("Data Engineer") is `professional` (level 3). Titles whose
 * level depends on the employer's industry follow `industry` when given, else cues in the title
 * itself ("Investment Banking", "Deal Advisory"): at a bank an Analyst is entry, an Associate is
 * professional, a VP is a manager, an SVP or Executive Director a director, an MD an executive;
 * at a consulting firm an Associate Director is a (senior) manager.
 */
import type { NormalizedTitle } from './normalize-title.js';

export type SeniorityLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type SeniorityLabel =
  | 'intern' | 'entry' | 'junior' | 'professional' | 'mid' | 'senior' | 'lead' | 'manager'
  | 'director' | 'vp' | 'executive' | 'cxo' | 'partner' | 'owner';
export type Industry = 'bank' | 'consulting' | 'other';

export interface Seniority {
  level: SeniorityLevel;
  label: SeniorityLabel;
}

type Rule = readonly [RegExp, SeniorityLevel, SeniorityLabel];

const BANK_CUE = /\b(?:investment bank\w*|global markets|capital markets|corporate bank\w*|private bank\w*|wealth management|equity research|sales and trading|fixed income|leveraged finance|debt capital|equity capital)\b/;
const CONSULTING_CUE = /\b(?:deal advisory|management consulting|technology advisory|risk advisory|tax advisory|transaction services|consulting|advisory)\b/;

/** Map a free-text industry hint ("Banking", "Financial Services", "Management Consulting"). */
export function industryOf(hint: string | null | undefined): Industry | null {
  if (!hint) return null;
  const h = hint.toLowerCase();
  if (/bank|financ|securit|capital market|invest|asset manage|brokerage/.test(h)) return 'bank';
  if (/consult|advisory|accounting|audit|professional services|big ?4/.test(h)) return 'consulting';
  return 'other';
}

const ENTRY = /\b(?:trainee|apprentice\w*|apprenti|apprentie|aprendiz|azubi|auszubildende?r?|lehrling|entry level|new grad\w*|fresher|graduate|student|estudiante|etudiant\w*|estudante|jovem aprendiz|werkstudent\w*|stagiaire|estagiari[oa]|becari[oa]|practicante|praktikant\w*)\b(?! (?:recruit\w*|program\w*|coordinator|manager|director|advisor|adviser|services|affairs|admissions|success|development|support|relations|officer|counsel\w*))/;

/** Checked in order per title part; the first match sets the base rank. */
const RANKS: readonly Rule[] = [
  // Compounds whose words would mislead a later rule.
  [/\bsocial worker\b/, 3, 'professional'],
  [/\b(?:executive|administrative|personal|legal|medical|dental|teaching|research|store|sales|marketing|office|program|project|graduate) assistant\b|\bexecutive secretary\b/, 2, 'junior'],
  [/\bassistant vice president\b/, 4, 'manager'],
  [/\bassociate partner\b/, 6, 'executive'],
  [/\b(?:associate|assistant) (?:\w+ )?director\b|\bdeputy (?:\w+ )?manager\b/, 5, 'director'],
  [/\b(?:assistant|deputy|asst) (?:\w+ ){0,2}manager\b/, 4, 'manager'],
  [/\bassistant professor\b/, 3, 'professional'],
  [/\bassociate professor\b/, 3, 'senior'],
  [/\b(?:associate|assistant) principal\b/, 4, 'lead'],
  [/\bvice chair\w*\b/, 6, 'executive'],
  // Level 7.
  [/\b(?:co ?founder|cofounder|founder|fondat(?:eur|rice)|fundador[a]?|grunder\w*|mitgrunder\w*|owner|co ?owner|proprietor|inhaber\w*|propietari[oa]|proprietaire|dono|dueno|duena)\b/, 7, 'owner'],
  [/\b(?:managing|senior|equity|general|founding|name|salary|income)? ?partner\b|\bsoci[oa]\b|\bassociee?\b/, 7, 'partner'],
  [/\bchief (?:\w+ ){0,3}officer\b|\bchief executive\b|(?<!vice )\b(?:president|presidente|presidenta|chair|chairman|chairwoman|chairperson|vorstand\w*|geschaftsfuhrer\w*|directeur general|directrice generale|director general|directora general|diretor geral|diretor presidente|consejero delegado|director ejecutivo|diretor executivo|c level|c suite)\b/, 7, 'cxo'],
  // Level 6.
  [/\bvice president\b|\bvizeprasident\w*\b/, 6, 'vp'],
  [/\b(?:managing director|executive director|general manager|gerente general|gerente geral|directeur des operations|country (?:manager|director|head)|global head|head of global|group head|chief (?:\w+ )?(?:engineer|architect|scientist|economist|editor|strategist|medical|nursing))\b/, 6, 'executive'],
  // Level 5.
  [/\b(?:head (?:chef|nurse|cashier|coach|waiter|waitress|bartender|lifeguard|gardener|barista|cook|housekeeper))\b/, 4, 'lead'],
  [/\b(?:director\w*|directeur|directrice|directora|direktor\w*|direttore|diretor[a]?|subdirector\w*|head|dean|abteilungsleiter\w*|bereichsleiter\w*|leiter|leiterin|prokurist\w*|chef de service|chief of staff|superintendente|distinguished (?:engineer|scientist|architect)|(?:technical|distinguished) fellow)\b/, 5, 'director'],
  // Level 4.
  [/\b(?:product|project|program|programme|account|key account|relationship|case|community|social media|content|campaign|brand|property|territory|client|customer success|partnerships?|office|accounts?|category|success|channel|release|delivery|credit|loan|wealth|asset|portfolio|store|branch|shift|event|events|facility|facilities|payroll|bid|proposal|talent|implementation|service|practice|business development) manager\b/, 3, 'professional'],
  [/\b(?:lead|leader|lider|leitung|teamleiter\w*|gruppenleiter\w*|projektleiter\w*|schichtleiter\w*|filialleiter\w*|chef de projet|chef d equipe|chef de|jefe|jefa|chefe|responsable|encargad[oa]|encarregad[oa]|supervisor\w*|superviseur|foreman|forewoman|superintendent|coordenador[a]?|capo)\b(?! (?:generation|gen|qualification|nurture|nurturing|management))/, 4, 'lead'],
  [/\b(?:manager\w*|managing|gerente|gerant|gestor[a]?|gestionnaire|verantwortlich\w*)\b/, 4, 'manager'],
  [/\b(?:principal|staff|lead) (?:\w+ ){0,2}(?:engineer|scientist|developer|architect|researcher|designer|software|data|machine|member|product manager|program manager|analyst|consultant|economist|statistician)\b/, 4, 'lead'],
  [/^principal$/, 5, 'director'],
  [/\bprofessor\b|\bprofesor[a]?\b|\bprofesseur\b/, 4, 'lead'],
  [/\bmember of technical staff\b/, 3, 'professional'],
  // Level 2 nouns (clerical and support); modifiers still apply.
  [/\b(?:assistant\w*|assistente|asistente|auxiliar|clerk|cashier|sachbearbeiter\w*|crew member|team member|representative|operator|helper|aide|attendant|receptionist|secretary|secretaria|staff|mitarbeiter\w*|empleado|funcionario|colaborador[a]?|worker|laborer|labourer|picker|packer|waiter|waitress|barista|associate)\b/, 2, 'junior'],
];

/** Professional nouns: a part holding one has a level even without a marker. */
const PROFESSIONAL = /\b(?:engineer\w*|developer|programmer|scientist|analyst|analista|consultant|consultor[a]?|berater\w*|specialist|spezialist\w*|specialiste|especialista|designer|architect|arquitecto|accountant|contador[a]?|comptable|buchhalter\w*|auditor|attorney|lawyer|counsel|abogad[oa]|avocat\w*|advogad[oa]|rechtsanwalt\w*|jurist\w*|nurse|enfermer[oa]|infirmi\w*|physician|doctor|medico|arzt|arztin|surgeon|pharmacist|therapist|dentist|teacher|lecturer|lehrer\w*|instructor|tutor|researcher|investigador[a]?|chercheur|administrator|officer|executive|coordinator|coordinador[a]?|technician|tecnico|technicien\w*|writer|editor|recruiter|advisor|adviser|conseiller\w*|agent|economist|statistician|strategist|planner|buyer|controller|controleur|producer|scrum master|member of technical staff|investigator|inspector|ingenieur\w*|ingeniero|ingeniera|engenheir[oa]|entwickler\w*|desarrollador[a]?|desenvolvedor[a]?|developpeur\w*|referent\w*|charge|cadre|representative|associate|underwriter|actuary|trader|banker|paralegal|salesperson|salesman|saleswoman|merchandiser|maker|psychologist|librarian|journalist|photographer|chemist|biologist|physicist|mathematician|geologist|pilot|mechanic|electrician|chef|cook|bizpartner|expert\w*|experte|fachkraft|informatiker\w*|tester|copywriter|marketer|artist|animator|illustrator|translator|interpreter|counselor|counsellor|coach|trainer|surveyor|estimator|dietitian|veterinarian|optometrist|radiographer|sonographer|paramedic|midwife|caregiver|carer|practitioner|hygienist|pharmacien|abogado|notary|solicitor|barrister)\b/;

const SENIOR_MOD = /\b(?:senior|sr|expert|experienced|iii|iv|v|level [345])\b|\b(?:3|4)$/;
const MID_MOD = /\b(?:ii|level 2|mid|mid level|intermediate|pleno|confirme|confirmee)\b|\b2$/;
const JUNIOR_MOD = /\b(?:junior|jr|debutant\w*|level 1)\b|\b(?:i|1)$|^associate\b/;

/** Phrases where "partner" names a counterpart, not a rank ("HR Business Partner", "Partner Manager"). */
const NOT_A_PARTNER = /\b(?:business|channel|human resources business|alliances?|strategic|people|talent|technology|solutions?|implementation|delivery|client|learning|training|account|sales|integration|success|finance business|ecosystem|global|cloud) partner\b|\bpartner (?=manager|marketing|success|sales|development|account|engineer|solutions|relations|program|operations|enablement|ecosystem|alliances|network|integrations|director|lead|specialist|executive|representative|support|onboarding|management|channel)/g;
const NOT_AN_OWNER = /\b(?:product|process|service|feature|data|risk|control|system|application|technical|platform|business process|content) owner\b/g;

/** Seniority of one title part, or null when the part names no role ("Technology Advisory"). */
function partSeniority(part: string, industry: Industry | null): Seniority | null {
  const p = part.replace(NOT_A_PARTNER, (m) => m.replace('partner', 'bizpartner')).replace(NOT_AN_OWNER, (m) => m.replace('owner', 'productowner'));
  if (ENTRY.test(p)) return { level: 1, label: 'entry' };
  let base: Seniority | null = null;
  for (const [re, level, label] of RANKS) {
    if (re.test(p)) {
      base = { level, label };
      break;
    }
  }
  if (!base && (PROFESSIONAL.test(p) || /productowner/.test(p))) base = { level: 3, label: 'professional' };
  if (!base) return SENIOR_MOD.test(p) ? { level: 3, label: 'senior' } : null;
  if (industry) base = adjustForIndustry(p, base, industry);
  if (base.level > 3) return base;
  if (SENIOR_MOD.test(p)) return { level: 3, label: 'senior' };
  if (MID_MOD.test(p)) return { level: 3, label: 'mid' };
  if (JUNIOR_MOD.test(p)) return industry === 'bank' && /\bassociate\b/.test(p) ? { level: 3, label: 'professional' } : { level: 2, label: 'junior' };
  return base;
}

function adjustForIndustry(p: string, base: Seniority, industry: Industry): Seniority {
  if (industry === 'bank') {
    if (/\b(?:senior|first) vice president\b|\bexecutive director\b|^director\b/.test(p)) return { level: 5, label: 'director' };
    if (/\bexecutive vice president\b|\bmanaging director\b/.test(p)) return { level: 6, label: 'executive' };
    if (/\bassistant vice president\b/.test(p)) return { level: 3, label: 'senior' };
    if (/\bvice president\b/.test(p)) return { level: 4, label: 'manager' };
    if (/^(?:\w+ )?associate$/.test(p)) return { level: 3, label: 'professional' };
    if (/^(?:\w+ ){0,2}analyst$/.test(p) && !/\bsenior\b/.test(p)) return { level: 1, label: 'entry' };
  } else if (industry === 'consulting') {
    if (/\bassociate director\b/.test(p)) return { level: 4, label: 'manager' };
    if (/^principal\b/.test(p) && base.level <= 5) return { level: 5, label: 'director' };
  }
  return base;
}

/**
 * Seniority of a normalized title: the highest level among its parts, so "Founder & CEO" is 7
 * and "Senior Consultant | Technology Advisory" is 3. `industry` (bank, consulting) changes the
 * levels of industry-dependent titles; without it, cues in the title itself decide.
 */
export function seniorityOf(title: NormalizedTitle, industry: Industry | null = null): Seniority | null {
  const ind = industry && industry !== 'other' ? industry : BANK_CUE.test(title.text) ? 'bank' : CONSULTING_CUE.test(title.text) ? 'consulting' : null;
  let best: Seniority | null = null;
  let entry: Seniority | null = null;
  for (const part of title.parts) {
    const s = partSeniority(part, ind);
    if (s && s.level === 1) entry = s;
    if (s && (!best || s.level > best.level)) best = s;
  }
  // "Marketing Specialist (Entry-level)": an entry marker anywhere wins over an IC noun.
  return entry && best && best.level <= 3 ? entry : best;
}
