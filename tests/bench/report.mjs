// Statistics and output for the bench: percentiles, growth exponents, the stdout table, the JSON
// record and the docs page.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Nearest-rank percentile of `values` (p in 0..100); NaN when empty. */
export function pct(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => pct(values, 50);

/** Fitted exponent k of value ∝ n^k between two sizes: 1 is linear, 2 quadratic. */
export const exponent = (n1, v1, n2, v2) => Math.log(v2 / v1) / Math.log(n2 / n1);

/** Collects rows: a figure with its value, unit, input and how it was measured. */
export class Report {
  rows = [];

  section(title) {
    this.rows.push({ section: title });
  }

  add(figure, value, unit, input, how) {
    this.rows.push({ figure, value, unit, input, how });
  }

  /** A figure that could not be measured in this run; the reason goes where the method would. */
  na(figure, reason, input = '') {
    this.add(figure, 'n/a', '', input, reason);
  }

  table() {
    const cols = ['figure', 'input', 'value', 'unit', 'how'];
    const cells = this.rows.filter((r) => !r.section).map((r) => cols.map((c) => show(r[c])));
    const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
    const line = (row) => row.map((v, i) => (i === 2 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
    const out = [line(cols), line(widths.map((w) => '-'.repeat(w)))];
    for (const r of this.rows) out.push(r.section ? `\n[${r.section}]` : line(cols.map((c) => show(r[c]))));
    return out.join('\n');
  }

  markdown() {
    const out = ['| figure | input | value | unit | how measured |', '| --- | --- | ---: | --- | --- |'];
    for (const r of this.rows) {
      out.push(r.section ? `| **${r.section}** | | | | |`
        : `| ${[r.figure, r.input, r.value, r.unit, r.how].map((v) => show(v).replace(/\|/g, '\\|')).join(' | ')} |`);
    }
    return out.join('\n');
  }

  /** Writes `latest.json` and a timestamped copy under `dir`; returns the path of the copy. */
  async save(dir, meta) {
    await mkdir(dir, { recursive: true });
    const latest = join(dir, 'latest.json');
    await writeFile(latest, `${JSON.stringify({ ...meta, rows: this.rows }, null, 1)}\n`);
    const stamped = join(dir, `bench-${meta.date.replace(/[:.]/g, '-')}.json`);
    await copyFile(latest, stamped);
    return stamped;
  }
}

function show(v) {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return 'n/a';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
