// Only the timeline figures of the bench, for iterating on the timeline without the corpus runs:
//
//   node tests/bench/timeline-only.mjs [--dist DIR] [--runs N]
//
// Serves DIR (default dist/, a release build) with the 50,000-conference bundle of
// examples/gen_conferences (generated into target/bench/ when missing) and prints the same rows
// as the Timeline section of `./run bench`. --runs repeats the whole measurement in fresh pages
// and prints each run, since one run on a busy machine can be an outlier.
import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { serve } from '../browser/server.mjs';
import { measureTimeline, timelineFigures } from './app.mjs';
import { Report } from './report.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'target', 'bench');
const BUNDLE = join(OUT, 'conferences-50000.json');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const DIST = resolve(arg('--dist', join(ROOT, 'dist')));
const RUNS = Number(arg('--runs', 1));

async function main() {
  await access(join(DIST, 'index.html'));
  await access(BUNDLE).catch(() => promisify(execFile)('cargo',
    ['run', '--release', '--locked', '--quiet', '--example', 'gen_conferences', '--', '50000', BUNDLE],
    { cwd: ROOT, timeout: 900_000 }));
  const server = await serve({ '/bench/': OUT, '/': DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    for (let r = 0; r < RUNS; r++) {
      const report = new Report();
      report.section(`Timeline (50,000 conferences, ${DIST})`);
      timelineFigures(report, await measureTimeline(browser, server.url, '/bench/conferences-50000.json'), '50,000 conferences');
      console.log(report.table(), '\n');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
