/**
 * The Big Tech companies of a synthetic world, under their real names, with the brands and name
 * variants people really write ("Google LLC", "AWS", "Facebook" before 2022, "Meta" after). Every
 * name here must resolve to its company through the shipped `cohorts/bigtech15.yaml` (a test checks
 * that when the file is present), so the world's `bigtech15` hires are recoverable.
 */

/** A name a company appears under, valid for positions starting in [since, until) (years). */
export interface Brand {
  names: readonly string[];
  domain: string | null;
  slug: string | null;
  weight: number;
  since?: number;
  until?: number;
}

export interface BigTechCompany {
  name: string;
  weight: number;
  industry: string;
  founded: number;
  brands: readonly Brand[];
}

export const BIGTECH: readonly BigTechCompany[] = [
  { name: 'Amazon', weight: 20, industry: 'internet', founded: 1994, brands: [
    { names: ['Amazon', 'Amazon.com', 'amazon'], domain: 'amazon.com', slug: 'amazon', weight: 0.8 },
    { names: ['AWS', 'Amazon Web Services'], domain: 'aws.amazon.com', slug: 'amazon-web-services', weight: 0.2 },
  ] },
  { name: 'Alphabet', weight: 15, industry: 'internet', founded: 1998, brands: [
    { names: ['Google', 'Google LLC', 'google', 'Google Inc.'], domain: 'google.com', slug: 'google', weight: 0.88 },
    { names: ['YouTube'], domain: 'youtube.com', slug: 'youtube', weight: 0.08 },
    { names: ['DeepMind'], domain: 'deepmind.com', slug: 'deepmind', weight: 0.04 },
  ] },
  { name: 'Microsoft', weight: 15, industry: 'computer software', founded: 1975, brands: [
    { names: ['Microsoft', 'Microsoft Corporation', 'microsoft'], domain: 'microsoft.com', slug: 'microsoft', weight: 0.89 },
    { names: ['LinkedIn'], domain: 'linkedin.com', slug: 'linkedin', weight: 0.07 },
    { names: ['GitHub'], domain: 'github.com', slug: 'github', weight: 0.04 },
  ] },
  { name: 'Meta', weight: 11, industry: 'internet', founded: 2004, brands: [
    { names: ['Facebook', 'Facebook, Inc.', 'facebook'], domain: 'facebook.com', slug: 'facebook', weight: 0.9, until: 2022 },
    { names: ['Meta', 'Meta Platforms', 'Meta Platforms, Inc.'], domain: 'meta.com', slug: 'meta', weight: 0.9, since: 2022 },
    { names: ['Instagram'], domain: 'instagram.com', slug: 'instagram', weight: 0.07 },
    { names: ['WhatsApp'], domain: 'whatsapp.com', slug: 'whatsapp', weight: 0.03 },
  ] },
  { name: 'Apple', weight: 10, industry: 'consumer electronics', founded: 1976, brands: [
    { names: ['Apple', 'Apple Inc.', 'apple'], domain: 'apple.com', slug: 'apple', weight: 1 },
  ] },
  { name: 'Oracle', weight: 6, industry: 'computer software', founded: 1977, brands: [
    { names: ['Oracle', 'Oracle Corporation'], domain: 'oracle.com', slug: 'oracle', weight: 1 },
  ] },
  { name: 'Salesforce', weight: 5, industry: 'computer software', founded: 1999, brands: [
    { names: ['Salesforce', 'salesforce.com', 'Salesforce, Inc.'], domain: 'salesforce.com', slug: 'salesforce', weight: 1 },
  ] },
  { name: 'IBM', weight: 5, industry: 'information technology and services', founded: 1911, brands: [
    { names: ['IBM', 'ibm', 'IBM Corporation'], domain: 'ibm.com', slug: 'ibm', weight: 1 },
  ] },
  { name: 'Cisco', weight: 4, industry: 'computer networking', founded: 1984, brands: [
    { names: ['Cisco', 'Cisco Systems', 'cisco'], domain: 'cisco.com', slug: 'cisco', weight: 1 },
  ] },
  { name: 'NVIDIA', weight: 3, industry: 'semiconductors', founded: 1993, brands: [
    { names: ['NVIDIA', 'Nvidia', 'NVIDIA Corporation'], domain: 'nvidia.com', slug: 'nvidia', weight: 1 },
  ] },
  { name: 'Tesla', weight: 3, industry: 'automotive', founded: 2003, brands: [
    { names: ['Tesla', 'Tesla, Inc.'], domain: 'tesla.com', slug: 'tesla-motors', weight: 1 },
  ] },
  { name: 'Broadcom', weight: 2, industry: 'semiconductors', founded: 1991, brands: [
    { names: ['Broadcom', 'Broadcom Inc.'], domain: 'broadcom.com', slug: 'broadcom', weight: 1 },
  ] },
  { name: 'ServiceNow', weight: 1.5, industry: 'computer software', founded: 2004, brands: [
    { names: ['ServiceNow', 'servicenow'], domain: 'servicenow.com', slug: 'servicenow', weight: 1 },
  ] },
  { name: 'AMD', weight: 2, industry: 'semiconductors', founded: 1969, brands: [
    { names: ['AMD', 'Advanced Micro Devices', 'AMD Inc.'], domain: 'amd.com', slug: 'amd', weight: 1 },
  ] },
  { name: 'Netflix', weight: 1.5, industry: 'entertainment', founded: 1997, brands: [
    { names: ['Netflix', 'Netflix, Inc.'], domain: 'netflix.com', slug: 'netflix', weight: 1 },
  ] },
];

/** Banks of the world's `banks` cohort (real names, listed with their aliases in cohorts.yaml). */
export const BANKS: readonly { name: string; domain: string; slug: string; aliases: readonly string[]; weight: number }[] = [
  { name: 'JPMorgan Chase', domain: 'jpmorganchase.com', slug: 'jpmorganchase', aliases: ['J.P. Morgan', 'JPMorgan'], weight: 10 },
  { name: 'Bank of America', domain: 'bankofamerica.com', slug: 'bank-of-america', aliases: ['BofA'], weight: 8 },
  { name: 'Wells Fargo', domain: 'wellsfargo.com', slug: 'wellsfargo', aliases: [], weight: 7 },
  { name: 'Citi', domain: 'citi.com', slug: 'citi', aliases: ['Citigroup', 'Citibank'], weight: 6 },
  { name: 'Goldman Sachs', domain: 'goldmansachs.com', slug: 'goldman-sachs', aliases: [], weight: 5 },
  { name: 'Morgan Stanley', domain: 'morganstanley.com', slug: 'morgan-stanley', aliases: [], weight: 4 },
  { name: 'Capital One', domain: 'capitalone.com', slug: 'capital-one', aliases: [], weight: 4 },
  { name: 'U.S. Bank', domain: 'usbank.com', slug: 'usbank', aliases: ['US Bank'], weight: 3 },
];

/**
 * Real companies outside every planted cohort, some named to look like a Big Tech company. They
 * hire like any other company and must never merge with the look-alike (no prefix matching).
 */
export const LOOKALIKES: readonly { name: string; domain: string | null; slug: string | null; industry: string; weight: number }[] = [
  { name: 'Apple Leisure Group', domain: 'alg.com', slug: 'apple-leisure-group', industry: 'leisure, travel & tourism', weight: 3 },
  { name: 'Intel471', domain: 'intel471.com', slug: 'intel-471', industry: 'computer & network security', weight: 2 },
  { name: 'Meta Financial Group', domain: 'metafinancialgroup.com', slug: 'meta-financial-group', industry: 'banking', weight: 2 },
  { name: 'Intel', domain: 'intel.com', slug: 'intel-corporation', industry: 'semiconductors', weight: 6 },
  { name: 'Amazon Lily Spa', domain: null, slug: null, industry: 'health, wellness & fitness', weight: 0.5 },
];
