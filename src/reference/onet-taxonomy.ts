/**
 * Import O*NET occupations and their titles into a compact, serializable table: occupation
 * codes and names (Occupation Data), plus the titles people use for them (Alternate Titles,
 * Sample of Reported Titles; Short Title too). O*NET-SOC 2019 codes (`15-1252.00`).
 *
 * Attribution (CC BY 4.0): "This product includes information from O*NET by the U.S. Department
 * of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license."
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../model/errors.js';
import { readText, readTsv, pick } from './read-table.js';

export interface Occupation {
  /** O*NET-SOC 2019 code, `15-1252.00`. Its first 7 characters are the SOC 2018 code. */
  code: string;
  title: string;
}

/** Where a title came from, strongest first: the occupation's own name, reported, alternate. */
export type TitleSource = 0 | 1 | 2;

export interface OnetTaxonomy {
  /** `O*NET 29.3`, read from the release's Read Me when present. */
  version: string;
  occupations: Occupation[];
  /** [title as written, index into `occupations`, source]. */
  titles: Array<[string, number, TitleSource]>;
}

/**
 * Read an O*NET release folder (the text-file download). Needs `Occupation Data.txt`;
 * `Alternate Titles.txt` and `Sample of Reported Titles.txt` are used when present.
 */
export function importOnet(dir: string): OnetTaxonomy {
  const file = (name: string): string => path.join(dir, name);
  if (!existsSync(file('Occupation Data.txt'))) {
    throw new UserError(`invalid o*net folder: ${dir}`, 'reference_missing', 'point at the folder holding "Occupation Data.txt" (O*NET text download)');
  }
  const occupations: Occupation[] = [];
  const index = new Map<string, number>();
  const titles: Array<[string, number, TitleSource]> = [];
  for (const row of readTsv(file('Occupation Data.txt'))) {
    const code = pick(row, 'O*NET-SOC Code');
    index.set(code, occupations.length);
    occupations.push({ code, title: pick(row, 'Title') });
    titles.push([pick(row, 'Title'), occupations.length - 1, 0]);
  }
  const add = (code: string, title: string, source: TitleSource): void => {
    const i = index.get(code);
    if (i !== undefined && title.trim()) titles.push([title.trim(), i, source]);
  };
  if (existsSync(file('Sample of Reported Titles.txt'))) {
    for (const row of readTsv(file('Sample of Reported Titles.txt'))) add(pick(row, 'O*NET-SOC Code'), pick(row, 'Reported Job Title'), 1);
  }
  if (existsSync(file('Alternate Titles.txt'))) {
    for (const row of readTsv(file('Alternate Titles.txt'))) {
      add(pick(row, 'O*NET-SOC Code'), pick(row, 'Alternate Title'), 2);
      if (row['Short Title']) add(pick(row, 'O*NET-SOC Code'), row['Short Title'], 2);
    }
  }
  let version = `O*NET ${path.basename(dir).replace(/^onet-?/i, '')}`;
  if (existsSync(file('Read Me.txt'))) {
    const m = /O\*NET\s+([\d.]+)\s+Database/i.exec(readText(file('Read Me.txt')));
    if (m) version = `O*NET ${m[1]}`;
  }
  return { version, occupations, titles };
}
