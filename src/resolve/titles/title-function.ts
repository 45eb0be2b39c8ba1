/**
 * The business function a title works in, from keyword rules in priority order. The order is the
 * contract: a more specific function is checked before a broader one, so "Technical Recruiter" is
 * people (not engineering), "Sales Engineer" is sales, "Data Engineer" is data, "Product Marketing
 * Manager" is marketing, "IT Consultant" is consulting and "Tax Consultant" finance.
 * General management (CEO, founder, owner, general manager) is `other`.
 */
import type { NormalizedTitle } from './normalize-title.js';

export type TitleFunction =
  | 'engineering' | 'data' | 'product' | 'design' | 'sales' | 'marketing' | 'finance' | 'operations'
  | 'people' | 'legal' | 'support' | 'research' | 'consulting' | 'healthcare' | 'education' | 'other';

/** Every function, in the priority order the rules use. */
export const FUNCTIONS: readonly TitleFunction[] = [
  'people', 'legal', 'design', 'data', 'sales', 'marketing', 'product', 'support', 'healthcare',
  'education', 'research', 'finance', 'consulting', 'engineering', 'operations', 'other',
];

const w = (words: string): RegExp => new RegExp(`\\b(?:${words})\\b`);

/** General management: checked only when no part names a specific function. */
const OTHER_WORDS = w('chief executive officer|founder|cofounder|co founder|owner|president|general manager|managing director|executive director|partner|chairman|chair|entrepreneur|geschaftsfuhrer\\w*|directeur general|director general|gerente general|fundador[a]?|fondateur|socio|proprietor|self employed|freelancer');

const RULES: ReadonlyArray<readonly [TitleFunction, RegExp]> = [
  ['people', w('recruit\\w*|talent acquisition|talent partner|sourcer|human resources|people (?:operations|partner|ops|team|and culture|business partner|experience|director|manager|lead)|chief people officer|payroll|compensation|benefits|learning and development|organi[sz]ational development|recursos humanos|ressources humaines|personalreferent\\w*|personalleiter\\w*|personal\\w* (?:manager|referent|sachbearbeiter)|rrhh|headhunter|talent management|employer brand\\w*|workforce planning')],
  ['legal', w('lawyer|attorney|counsel|legal|paralegal|solicitor|barrister|notary|jurist\\w*|abogad[oa]|avocat\\w*|advogad[oa]|rechtsanwalt\\w*|juriste|juridico|juridique|compliance|litigation|privacy officer|contracts? manager|company secretary|chief legal officer|conveyancer')],
  ['design', w('designer|design(?! engineer| verification)|ux|user experience|user interface|ui|graphic\\w*|illustrat\\w*|animator|art director|creative director|visual|ux ui|disenador[a]?|designer\\w*|gestalter\\w*|concepteur')],
  ['data', w('data(?! entry| center| centre)|machine learning|deep learning|artificial intelligence|analytics|business intelligence|statistic\\w*|nlp|natural language processing|computer vision|etl|data warehouse|big data|quantitative|quant|mlops|decision scien\\w*|insights? analyst|reporting analyst|datos|dados|donnees')],
  ['sales', w('sales|account executive|account manager|key account manager|business development|sales development|inside sales|presales|pre sales|solutions? engineer|sales engineer|relationship manager|territory|vertrieb\\w*|verkauf\\w*|ventes?|ventas|vendas|vendedor[a]?|vendeur|commercial|comercial|kundenberater\\w*|retail associate|store associate|cashier|merchandis\\w*|channel|partnerships?|chief revenue officer|chief commercial officer|broker|realtor|real estate agent|insurance agent')],
  ['marketing', w('marketing|brand\\w*|seo|sem|content|communications?|public relations|pr|social media|growth|copywrit\\w*|advertising|media|campaign|demand generation|market research|events?|community manager|chief marketing officer|publicist|mercadeo|kommunikation|redacteur|journalist|editor\\w*|writer')],
  ['product', w('product (?:manager|owner|lead|director|management|head|specialist|analyst|strategy|operations|ops)|head of product|chief product officer|productowner|product|produktmanager\\w*|chef de produit|gerente de producto|gerente de produto')],
  ['support', w('customer support|customer service|customer care|help ?desk|service desk|technical support|support (?:engineer|specialist|analyst|agent|technician|representative)|customer success|call center|contact center|client services?|customer experience|kundenservice|kundendienst|atendimento|atencion al cliente|service client|support')],
  ['healthcare', w('nurse|nursing|physician|doctor|surgeon|clinical|clinic|medical|medic\\w*|pharmac\\w*|therap\\w*|dentist|dental|radiolog\\w*|patient|caregiver|carer|health\\w*|paramedic|emt|veterinar\\w*|midwife|hospital|psychiatr\\w*|psycholog\\w*|optometrist|dietitian|nutritionist|physiotherap\\w*|sonographer|phlebotomist|enfermer[oa]|medico|arzt|arztin|krankenpfleg\\w*|pflege\\w*|infirmi\\w*|chief medical officer|chief nursing officer|care (?:assistant|worker|manager)|registered nurse|nurse practitioner|licensed practical nurse|certified nursing assistant')],
  ['education', w('teacher|teaching|professor|lecturer|tutor|instructor|educat\\w*|faculty|school|curriculum|dean|academic|kindergarten|preschool|trainer|training|lehrer\\w*|dozent\\w*|enseignant\\w*|professeur|profesor[a]?|maestr[oa]|docente|pedagog\\w*')],
  ['research', w('research\\w*|scientist|postdoc\\w*|r&d|research and development|laboratory|lab|chemist|biologist|physicist|economist|investigador[a]?|chercheur|forscher\\w*|wissenschaftl\\w*|fellow|phd')],
  ['finance', w('financ\\w*|accountant|accounting|accounts|audit\\w*|tax|taxation|controller|controlling|controleur|treasur\\w*|invest(?:ment|ments|or|ors|ing)|banker|banking|bank|credit|actuar\\w*|bookkeep\\w*|payable|receivable|financial planning and analysis|equity|risk|underwrit\\w*|wealth|portfolio|trader|trading|mergers and acquisitions|private equity|venture capital|capital|fund|asset management|chief financial officer|cfo|buchhalt\\w*|comptab\\w*|contador[a]?|contabil\\w*|finanz\\w*|tesorer\\w*|fiscal\\w*|steuer\\w*|billing|loan|mortgage|insurance|claims|valuation|deal advisory|transaction services|audit and assurance')],
  ['consulting', w('consult\\w*|advisory|berater\\w*|beratung|conseil|consultor[a]?|consultoria|strategy|strateg\\w*|management analyst|business analyst|transformation')],
  ['engineering', w('engineer\\w*|engineering|developer|development|programmer|software|devops|site reliability|architect\\w*|information technology|sysadmin|system administrator|systems administrator|network|security|cyber\\w*|infrastructure|cloud|firmware|hardware|embedded|quality assurance|tester|test|frontend|front end|backend|back end|full ?stack|mobile|ios|android|web|technical lead|member of technical staff|chief technology officer|chief information officer|chief information security officer|database administrator|it|ingenieur\\w*|ingeniero|ingeniera|engenheir[oa]|entwickler\\w*|developpeur\\w*|desarrollador[a]?|desenvolvedor[a]?|informati\\w*|programador[a]?|technician|technicien|tecnico|mechanical|electrical|civil|chemical engineer|scrum master|technology|technical|tech')],
  ['operations', w('operations?|operating|logistic\\w*|supply chain|procurement|purchasing|buyer|sourcing|project manager|program manager|programme manager|project management|project coordinator|program coordinator|pmo|delivery manager|coordinator|administrat\\w*|office manager|office|facilit\\w*|warehouse|manufactur\\w*|production|quality|plant|inventory|fleet|dispatch\\w*|chief operating officer|receptionist|secretary|clerk|assistant|planner|planning|scheduler|business operations|process|lean|six sigma|einkauf\\w*|logistik\\w*|compras|achats|operaciones|operacoes|driver|technician|maintenance|construction|security guard')],
];


/**
 * Function of a normalized title: the first part that matches any rule decides, and within it
 * the first rule in priority order; general management (`other`) only when no part names a
 * specific function ("SVP, Marketing" is marketing). Null when nothing matches ("Associate", "Manager").
 */
export function functionOf(title: NormalizedTitle): TitleFunction | null {
  for (const part of title.parts) {
    for (const [fn, re] of RULES) if (re.test(part)) return fn;
  }
  return title.parts.some((p) => OTHER_WORDS.test(p)) ? 'other' : null;
}
