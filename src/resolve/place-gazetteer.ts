/**
 * The small gazetteer behind `normalizePlace`: countries (ISO 3166 alpha-2), first-level regions
 * of the countries most profiles come from, and the metro areas labour-market reports name. Keys
 * are folded (lowercase, no diacritics). Extend by adding lines; a place not listed keeps its
 * country and region and has no metro.
 */

/** Country names and common forms → ISO code. */
export const COUNTRIES: Record<string, string> = {
  'united states': 'US', 'united states of america': 'US', usa: 'US', us: 'US', 'u.s.': 'US', america: 'US',
  'united kingdom': 'GB', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB',
  canada: 'CA', australia: 'AU', 'new zealand': 'NZ', ireland: 'IE', india: 'IN', germany: 'DE', deutschland: 'DE', france: 'FR',
  netherlands: 'NL', 'the netherlands': 'NL', switzerland: 'CH', israel: 'IL', singapore: 'SG', japan: 'JP', china: 'CN',
  brazil: 'BR', brasil: 'BR', spain: 'ES', espana: 'ES', italy: 'IT', sweden: 'SE', poland: 'PL', mexico: 'MX', portugal: 'PT',
  denmark: 'DK', norway: 'NO', finland: 'FI', austria: 'AT', belgium: 'BE', 'south korea': 'KR', korea: 'KR', taiwan: 'TW',
  'hong kong': 'HK', 'united arab emirates': 'AE', uae: 'AE', nigeria: 'NG', kenya: 'KE', 'south africa': 'ZA', argentina: 'AR',
  chile: 'CL', colombia: 'CO', ukraine: 'UA', romania: 'RO', 'czech republic': 'CZ', czechia: 'CZ', turkey: 'TR', egypt: 'EG',
  pakistan: 'PK', bangladesh: 'BD', vietnam: 'VN', philippines: 'PH', indonesia: 'ID', malaysia: 'MY', thailand: 'TH',
};

/** First-level regions: folded name or code → [region name, country]. */
export const REGIONS: Record<string, [string, string]> = {};
const US_STATES: [string, string][] = [
  ['AL', 'Alabama'], ['AK', 'Alaska'], ['AZ', 'Arizona'], ['AR', 'Arkansas'], ['CA', 'California'], ['CO', 'Colorado'],
  ['CT', 'Connecticut'], ['DE', 'Delaware'], ['DC', 'District of Columbia'], ['FL', 'Florida'], ['GA', 'Georgia'], ['HI', 'Hawaii'],
  ['ID', 'Idaho'], ['IL', 'Illinois'], ['IN', 'Indiana'], ['IA', 'Iowa'], ['KS', 'Kansas'], ['KY', 'Kentucky'], ['LA', 'Louisiana'],
  ['ME', 'Maine'], ['MD', 'Maryland'], ['MA', 'Massachusetts'], ['MI', 'Michigan'], ['MN', 'Minnesota'], ['MS', 'Mississippi'],
  ['MO', 'Missouri'], ['MT', 'Montana'], ['NE', 'Nebraska'], ['NV', 'Nevada'], ['NH', 'New Hampshire'], ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'], ['NY', 'New York'], ['NC', 'North Carolina'], ['ND', 'North Dakota'], ['OH', 'Ohio'], ['OK', 'Oklahoma'],
  ['OR', 'Oregon'], ['PA', 'Pennsylvania'], ['RI', 'Rhode Island'], ['SC', 'South Carolina'], ['SD', 'South Dakota'],
  ['TN', 'Tennessee'], ['TX', 'Texas'], ['UT', 'Utah'], ['VT', 'Vermont'], ['VA', 'Virginia'], ['WA', 'Washington'],
  ['WV', 'West Virginia'], ['WI', 'Wisconsin'], ['WY', 'Wyoming'],
];
for (const [code, name] of US_STATES) {
  REGIONS[name.toLowerCase()] = [name, 'US'];
  REGIONS[code.toLowerCase()] = [name, 'US'];
}
const OTHER_REGIONS: [string, string, string[]][] = [
  ['Ontario', 'CA', ['on']], ['Quebec', 'CA', ['qc']], ['British Columbia', 'CA', ['bc']], ['Alberta', 'CA', ['ab']],
  ['New South Wales', 'AU', ['nsw']], ['Victoria', 'AU', ['vic']], ['Queensland', 'AU', ['qld']], ['Western Australia', 'AU', ['wa']],
  ['England', 'GB', []], ['Scotland', 'GB', []], ['Wales', 'GB', []], ['Northern Ireland', 'GB', []],
  ['Karnataka', 'IN', []], ['Maharashtra', 'IN', []], ['Telangana', 'IN', []], ['Haryana', 'IN', []], ['Tamil Nadu', 'IN', []],
  ['Bavaria', 'DE', ['bayern']], ['Berlin', 'DE', []], ['Ile-de-France', 'FR', ['ile de france']], ['North Holland', 'NL', ['noord-holland']],
];
for (const [name, country, aliases] of OTHER_REGIONS) {
  for (const key of [name.toLowerCase(), ...aliases]) REGIONS[key] ??= [name, country];
}

export interface Metro {
  name: string;
  country: string;
  region: string;
  /** Other first-level regions the metro spans (a place there still names it). */
  alsoRegions?: string[];
  /** Folded city names and area phrases that mean this metro. */
  names: string[];
  /** Those of `names` that also name places elsewhere: they mean this metro only beside its own
   *  `region` ("Cambridge, Massachusetts"; not "Cambridge", "Cambridge, England" nor, for a
   *  metro over several regions, a town of another: "Washington, Virginia"). */
  ambiguous?: string[];
}

export const METROS: Metro[] = [
  { name: 'San Francisco Bay Area', country: 'US', region: 'California', names: ['san francisco bay area', 'sf bay area', 'bay area', 'san francisco', 'san jose', 'oakland', 'palo alto', 'mountain view', 'menlo park', 'sunnyvale', 'cupertino', 'redwood city', 'santa clara', 'berkeley', 'fremont', 'san mateo', 'south san francisco', 'milpitas', 'los gatos', 'foster city', 'emeryville', 'silicon valley'] },
  { name: 'New York City Metropolitan Area', country: 'US', region: 'New York', names: ['new york city metropolitan area', 'new york city', 'new york', 'nyc', 'brooklyn', 'manhattan', 'queens', 'bronx', 'jersey city', 'hoboken', 'greater new york city'] },
  { name: 'Greater Seattle Area', country: 'US', region: 'Washington', names: ['seattle', 'bellevue', 'redmond', 'kirkland', 'greater seattle'] },
  { name: 'Los Angeles Metropolitan Area', country: 'US', region: 'California', names: ['los angeles', 'santa monica', 'pasadena', 'burbank', 'culver city', 'irvine', 'long beach', 'greater los angeles', 'los angeles metropolitan area'] },
  { name: 'Greater Boston', country: 'US', region: 'Massachusetts', names: ['boston', 'cambridge', 'somerville', 'waltham', 'greater boston'], ambiguous: ['cambridge'] },
  { name: 'Austin, Texas Metropolitan Area', country: 'US', region: 'Texas', names: ['austin', 'greater austin'] },
  { name: 'Greater Chicago Area', country: 'US', region: 'Illinois', names: ['chicago', 'evanston', 'greater chicago'] },
  { name: 'Washington DC-Baltimore Area', country: 'US', region: 'District of Columbia', alsoRegions: ['Virginia', 'Maryland'], names: ['washington', 'washington dc', 'washington d.c.', 'washington, d.c.', 'arlington', 'baltimore', 'bethesda', 'reston', 'washington dc-baltimore'], ambiguous: ['washington'] },
  { name: 'Dallas-Fort Worth Metroplex', country: 'US', region: 'Texas', names: ['dallas', 'fort worth', 'plano', 'irving', 'dallas-fort worth'] },
  { name: 'Greater Houston', country: 'US', region: 'Texas', names: ['houston', 'greater houston'] },
  { name: 'Atlanta Metropolitan Area', country: 'US', region: 'Georgia', names: ['atlanta', 'greater atlanta'] },
  { name: 'Denver Metropolitan Area', country: 'US', region: 'Colorado', names: ['denver', 'boulder', 'greater denver'] },
  { name: 'Miami-Fort Lauderdale Area', country: 'US', region: 'Florida', names: ['miami', 'fort lauderdale', 'miami-fort lauderdale'] },
  { name: 'Greater Philadelphia', country: 'US', region: 'Pennsylvania', names: ['philadelphia', 'greater philadelphia'] },
  { name: 'Greater San Diego Area', country: 'US', region: 'California', names: ['san diego', 'greater san diego'] },
  { name: 'Portland, Oregon Metropolitan Area', country: 'US', region: 'Oregon', names: ['portland'], ambiguous: ['portland'] },
  { name: 'Greater Minneapolis-St. Paul Area', country: 'US', region: 'Minnesota', names: ['minneapolis', 'st. paul', 'saint paul'] },
  { name: 'Raleigh-Durham-Chapel Hill Area', country: 'US', region: 'North Carolina', names: ['raleigh', 'durham', 'chapel hill', 'research triangle'] },
  { name: 'Greater London', country: 'GB', region: 'England', names: ['london', 'greater london', 'city of london', 'london area'] },
  { name: 'Greater Manchester', country: 'GB', region: 'England', names: ['manchester', 'greater manchester'] },
  { name: 'Greater Sydney', country: 'AU', region: 'New South Wales', names: ['sydney', 'greater sydney'] },
  { name: 'Greater Melbourne', country: 'AU', region: 'Victoria', names: ['melbourne', 'greater melbourne'] },
  { name: 'Greater Toronto Area', country: 'CA', region: 'Ontario', names: ['toronto', 'greater toronto', 'mississauga', 'waterloo'] },
  { name: 'Greater Vancouver', country: 'CA', region: 'British Columbia', names: ['vancouver', 'greater vancouver'] },
  { name: 'Greater Montreal', country: 'CA', region: 'Quebec', names: ['montreal', 'greater montreal'] },
  { name: 'Berlin Metropolitan Area', country: 'DE', region: 'Berlin', names: ['berlin'] },
  { name: 'Munich Metropolitan Area', country: 'DE', region: 'Bavaria', names: ['munich', 'munchen'] },
  { name: 'Paris Region', country: 'FR', region: 'Ile-de-France', names: ['paris', 'greater paris', 'paris region'] },
  { name: 'Amsterdam Area', country: 'NL', region: 'North Holland', names: ['amsterdam'] },
  { name: 'Dublin', country: 'IE', region: 'Leinster', names: ['dublin', 'county dublin'] },
  { name: 'Zurich Area', country: 'CH', region: 'Zurich', names: ['zurich'] },
  { name: 'Tel Aviv Area', country: 'IL', region: 'Tel Aviv District', names: ['tel aviv', 'tel aviv-yafo', 'herzliya'] },
  { name: 'Bengaluru', country: 'IN', region: 'Karnataka', names: ['bengaluru', 'bangalore', 'bangalore urban'] },
  { name: 'Hyderabad', country: 'IN', region: 'Telangana', names: ['hyderabad'] },
  { name: 'Mumbai Metropolitan Region', country: 'IN', region: 'Maharashtra', names: ['mumbai', 'bombay', 'navi mumbai', 'thane'] },
  { name: 'Delhi NCR', country: 'IN', region: 'Delhi', names: ['new delhi', 'delhi', 'gurgaon', 'gurugram', 'noida', 'delhi ncr'] },
  { name: 'Singapore', country: 'SG', region: 'Singapore', names: ['singapore'] },
  { name: 'Greater Tokyo Area', country: 'JP', region: 'Tokyo', names: ['tokyo'] },
  { name: 'Sao Paulo Metropolitan Area', country: 'BR', region: 'Sao Paulo', names: ['sao paulo'] },
];
