// The browser suite: the real release build in dist/, served on 127.0.0.1, driven in Debian's
// Chromium through playwright-core. Run it with `./run test` (which builds dist/ first), or
// directly with `node tests/browser/run.mjs` after `./run build`.
//
// Every `*.test.mjs` file beside this one registers its tests; each test gets a fresh browser
// context and fails on any console error it did not expect. Prints one line per test and closes
// with `N passed, N failed`; exits non-zero on any failure. SCREENSHOTS=1 also refreshes
// docs/screenshot-*.png.
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { assert, open, DIST, FIXTURES, ROOT, SUB_PATH } from './helpers.mjs';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

async function registerTests() {
  const here = dirname(fileURLToPath(import.meta.url));
  // `node run.mjs lang timeline` runs only those files; no names runs them all.
  const only = process.argv.slice(2);
  const files = (await readdir(here))
    .filter((f) => f.endsWith('.test.mjs') && (!only.length || only.includes(f.replace('.test.mjs', ''))))
    .sort();
  for (const f of files) (await import(pathToFileURL(join(here, f)))).default(test);
}

async function screenshots(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await open(page, base, '/');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-list.png') });
  await page.locator('.article-title').nth(1).click();
  await page.waitForSelector('.reader');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-reader.png') });
  await open(page, base, '/?view=timeline');
  await page.waitForSelector('.tl-mark');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-timeline.png') });
  await context.close();
}

async function main() {
  await registerTests();
  await access(join(DIST, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: build the app first (./run build)');
  });
  // A folder tests may fill and change while the server runs (e.g. a second build to update to).
  const scratch = await mkdtemp(join(tmpdir(), 'hoinghi-suite-'));
  const server = await serve({ '/fixtures/': FIXTURES, '/scratch/': scratch, [SUB_PATH]: DIST, '/': DIST });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  let passed = 0;
  let failed = 0;
  try {
    for (const { name, fn } of tests) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      let allowed = null;
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      try {
        await fn({ page, context, base: server.url, requests: server.requests, scratch, allowConsoleErrors: (re) => { allowed = re; } });
        const unexpected = errors.filter((e) => !(allowed && allowed.test(e)));
        assert(unexpected.length === 0, `console errors: ${unexpected.join(' | ')}`);
        passed++;
        console.log(`ok - ${name}`);
      } catch (e) {
        failed++;
        console.log(`not ok - ${name}\n    ${String(e.message ?? e).split('\n').join('\n    ')}`);
      } finally {
        await context.close();
      }
    }
    if (process.env.SCREENSHOTS) await screenshots(browser, server.url);
  } finally {
    await browser.close();
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
