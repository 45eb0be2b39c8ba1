/**
 * Write a report to a folder (`index.html`, `tables/*.csv`) and, when asked and available, a PDF
 * printed by Debian's Chromium in headless mode.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from './build-report.js';

/** Where the PDF printer is looked for. */
export const CHROMIUM = '/usr/bin/chromium';

export interface WrittenReport {
  html: string;
  tables: string[];
  /** The PDF path, or null with the reason in `pdfSkipped`. */
  pdf: string | null;
  pdfSkipped?: string;
}

export async function writeReport(report: Report, dir: string, options: { pdf?: boolean; chromium?: string } = {}): Promise<WrittenReport> {
  mkdirSync(join(dir, 'tables'), { recursive: true });
  const html = join(dir, 'index.html');
  writeFileSync(html, report.html);
  const tables = report.tables.map((t) => {
    const file = join(dir, 'tables', t.file);
    writeFileSync(file, t.csv);
    return file;
  });
  if (!options.pdf) return { html, tables, pdf: null };
  const chromium = options.chromium ?? CHROMIUM;
  if (!existsSync(chromium)) return { html, tables, pdf: null, pdfSkipped: `no PDF: ${chromium} is absent (apt-get install -y chromium)` };
  const pdf = join(dir, 'report.pdf');
  await printPdf(chromium, resolve(html), resolve(pdf));
  return { html, tables, pdf };
}

function printPdf(chromium: string, html: string, pdf: string): Promise<void> {
  const userDir = join(resolve(pdf, '..'), '.chromium-profile');
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${userDir}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(html).href];
  return new Promise((ok, fail) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && existsSync(pdf)) ok();
      else fail(new Error(`chromium could not print the PDF (exit ${code}): ${err.slice(-500)}`));
    });
  });
}
