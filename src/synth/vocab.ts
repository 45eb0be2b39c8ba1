/**
 * Word lists a synthetic world is made of: invented people, places, schools, skills and company
 * name parts. Nothing here is a real person's data.
 */
export const FIRST_NAMES = [
  'james', 'mary', 'robert', 'patricia', 'john', 'jennifer', 'michael', 'linda', 'david', 'elizabeth', 'william',
  'barbara', 'richard', 'susan', 'joseph', 'jessica', 'thomas', 'sarah', 'chris', 'karen', 'daniel', 'lisa',
  'matthew', 'nancy', 'anthony', 'betty', 'mark', 'sandra', 'steven', 'ashley', 'paul', 'emily', 'andrew', 'donna',
  'joshua', 'michelle', 'kevin', 'carol', 'brian', 'amanda', 'priya', 'wei', 'arjun', 'mei', 'carlos', 'sofia',
  'ahmed', 'fatima', 'hiroshi', 'yuki', 'olga', 'ivan', 'chen', 'ana', 'luis', 'grace', 'noah', 'olivia', 'liam',
  'emma', 'ethan', 'ava', 'lucas', 'mia', 'aiden', 'zoe', 'omar', 'leila', 'ravi', 'anita', 'diego', 'elena',
] as const;

export const LAST_NAMES = [
  'smith', 'johnson', 'williams', 'brown', 'jones', 'garcia', 'miller', 'davis', 'rodriguez', 'martinez', 'hernandez',
  'lopez', 'gonzalez', 'wilson', 'anderson', 'thomas', 'taylor', 'moore', 'jackson', 'martin', 'lee', 'perez',
  'thompson', 'white', 'harris', 'sanchez', 'clark', 'ramirez', 'lewis', 'robinson', 'walker', 'young', 'allen',
  'king', 'wright', 'scott', 'torres', 'nguyen', 'hill', 'flores', 'green', 'adams', 'nelson', 'baker', 'hall',
  'rivera', 'campbell', 'mitchell', 'carter', 'roberts', 'patel', 'shah', 'kumar', 'singh', 'wang', 'zhang', 'li',
  'liu', 'chen', 'yang', 'kim', 'park', 'choi', 'tanaka', 'sato', 'ivanov', 'novak', 'kowalski', 'muller', 'rossi',
] as const;

export const METROS = [
  ['san francisco', 'california'], ['san jose', 'california'], ['los angeles', 'california'], ['seattle', 'washington'],
  ['new york', 'new york'], ['boston', 'massachusetts'], ['austin', 'texas'], ['dallas', 'texas'], ['chicago', 'illinois'],
  ['denver', 'colorado'], ['atlanta', 'georgia'], ['washington', 'district of columbia'], ['raleigh', 'north carolina'],
  ['portland', 'oregon'], ['miami', 'florida'], ['minneapolis', 'minnesota'], ['pittsburgh', 'pennsylvania'],
  ['salt lake city', 'utah'], ['phoenix', 'arizona'], ['charlotte', 'north carolina'],
] as const;

export const SCHOOLS = [
  ['state university of the pacific', 'stateofpacific.edu'], ['northlake university', 'northlake.edu'],
  ['university of eastfield', 'eastfield.edu'], ['rivermont institute of technology', 'rivermont.edu'],
  ['coastal state university', 'coastalstate.edu'], ['hillcrest college', 'hillcrest.edu'],
  ['great plains university', 'greatplains.edu'], ['university of westbrook', 'westbrook.edu'],
  ['lakeshore polytechnic', 'lakeshorepoly.edu'], ['summit valley university', 'summitvalley.edu'],
  ['redwood state university', 'redwoodstate.edu'], ['harbor city college', 'harborcity.edu'],
  ['central plains institute', 'centralplains.edu'], ['university of silverton', 'silverton.edu'],
  ['maple ridge university', 'mapleridge.edu'], ['ironwood university', 'ironwood.edu'],
] as const;

export const MAJORS = [
  'computer science', 'electrical engineering', 'mathematics', 'statistics', 'economics', 'business administration',
  'finance', 'marketing', 'psychology', 'design', 'physics', 'information systems', 'communications', 'data science',
] as const;

export const SKILLS = [
  'python', 'java', 'javascript', 'typescript', 'sql', 'go', 'c++', 'react', 'node.js', 'aws', 'kubernetes', 'docker',
  'machine learning', 'data analysis', 'tableau', 'excel', 'product management', 'agile', 'scrum', 'figma',
  'user research', 'salesforce', 'negotiation', 'account management', 'seo', 'content marketing', 'recruiting',
  'financial modeling', 'accounting', 'customer service', 'leadership', 'project management', 'public speaking',
  'spark', 'pytorch', 'statistics', 'communication', 'strategy', 'operations', 'linux',
] as const;

export const INDUSTRIES = [
  'computer software', 'information technology and services', 'internet', 'financial services', 'marketing and advertising',
  'hospital & health care', 'retail', 'logistics and supply chain', 'management consulting', 'education management',
  'telecommunications', 'real estate', 'insurance', 'nonprofit organization management', 'biotechnology',
] as const;

/** Parts of invented startup names: prefix + suffix ("Quillify", "Vantaworks"). */
export const STARTUP_PREFIXES = [
  'Quill', 'Nimbus', 'Vanta', 'Loom', 'Arbor', 'Kite', 'Ember', 'Flux', 'Orbit', 'Pylon', 'Tandem', 'Verdant', 'Zephyr',
  'Cobalt', 'Lumen', 'Mosaic', 'Nova', 'Prism', 'Quanta', 'Rally', 'Sable', 'Tidal', 'Umber', 'Vesper', 'Wren',
  'Axle', 'Brisk', 'Cinder', 'Delta', 'Fable', 'Glint', 'Harbor', 'Indigo', 'Juniper', 'Kestrel', 'Lattice',
] as const;
export const STARTUP_SUFFIXES = ['ly', 'ify', ' Labs', ' AI', 'io', ' HQ', 'works', 'stack', ' Health', ' Pay', 'base', ' Robotics'] as const;

/** Parts of invented established companies ("Northwind Logistics", "Blue Harbor Health"). */
export const OTHER_FIRST = [
  'Northwind', 'Blue Harbor', 'Granite', 'Silver Creek', 'Pioneer', 'Summit', 'Keystone', 'Lakeside', 'Evergreen',
  'Redstone', 'Bright Path', 'Iron Bridge', 'Clearwater', 'Golden Gate', 'Westfield', 'Oakmont', 'Highland', 'Crescent',
  'Beacon', 'Cardinal', 'Falcon', 'Horizon', 'Liberty', 'Meridian', 'Pinnacle', 'Sterling', 'Trident', 'Vanguard',
  'Atlas', 'Bayview', 'Cedar', 'Everest', 'Frontier', 'Heritage', 'Landmark', 'Patriot', 'Riverbend', 'Sunrise',
] as const;
export const OTHER_SECOND = [
  'Logistics', 'Health', 'Consulting', 'Partners', 'Systems', 'Solutions', 'Insurance', 'Retail', 'Media', 'Foods',
  'Energy', 'Analytics', 'Software', 'Manufacturing', 'Group', 'Networks', 'Realty', 'Telecom', 'Labs', 'Services',
] as const;
export const LEGAL_SUFFIXES = [' Inc.', ' LLC', ', Inc.', ' Corp.', ' Corporation', ' Ltd.'] as const;

export const SIDE_ORGS = [
  'Code for Community', 'City Food Bank', 'Youth Mentoring Alliance', 'Open Source Initiative Fund', 'Local Arts Council',
] as const;
