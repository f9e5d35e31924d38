// Where a keystroke's time goes: types the bench's queries into a built app over one bundle and
// reports, per keystroke, p50 / p95 of: wall time to the results and to the side panels (as
// tests/bench/app.mjs measures them), the renderer's task (both phases), script, layout and style time (CDP Performance.getMetrics deltas, thread
// time), the search itself (the app's `hoinghi:search` user-timing measures, recorded while
// `window.hoinghiProfile` is set) and the router's history writes. Facet toggles the same way.
//
//   node tests/bench/profile-keystrokes.mjs [DIST] [BUNDLE.json] [--rounds N] [--toggles N] [--json OUT]
//     [--cpuprofile OUT.cpuprofile] [--trace OUT.json] [--pause MS | --pause MIN-MAX]
//     [--chromium-args "ARGS"]
//
// `--pause` waits before each input: `--pause 100-250` as the bench's paced rounds do (pauses
// from MIN to MAX ms drawn as theirs are), `--pause 100` always the same. `paintedMs` then holds
// the frame a person sees (see docs/performance.md). `--chromium-args` adds to Chromium's command
// line, e.g. "--disable-features=NavigationPredictor" to run without its link observer.
//
// DIST defaults to dist/, BUNDLE to target/bench/bundle-10000.json (./run bench builds it, or
// `target/release/hoinghi bundle DIR -o FILE`). Function names in --cpuprofile need a wasm
// built with names (wasm-bindgen --keep-debug, no wasm-opt).
import { writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../browser/server.mjs';
import { waits } from './app.mjs';
import { QUERIES } from './inputs.mjs';
import { pct } from './report.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};
const rounds = Number(flag('--rounds', 1));
// Rounds of facet toggles after the typing; the bench does two, and a first click on a facet
// is slower than the next.
const toggleRounds = Number(flag('--toggles', 1));
const jsonOut = flag('--json', null);
const cpuProfile = flag('--cpuprofile', null);
const traceOut = flag('--trace', null);
const pauseFlag = flag('--pause', null);
const [minMs, maxMs = minMs] = pauseFlag?.split('-').map(Number) ?? [];
const pace = pauseFlag && { minMs, maxMs };
const chromiumArgs = flag('--chromium-args', '').split(' ').filter(Boolean);
const dist = resolve(args[0] ?? 'dist');
const bundle = resolve(args[1] ?? 'target/bench/bundle-10000.json');


/** In the page: one keystroke as the bench times it (`__type` in app.mjs's `waits`), with the
 * router's history writes and the hit count; the CDP metrics cover it all. */
async function typeOne(value) {
  window.__history = 0;
  const t = await window.__type(value);
  return { ...t, history: window.__history, hits: document.querySelector('.result-count')?.textContent ?? '' };
}

/** In the page: clicks the value `label` of facet `group` as the bench does (`__click`). */
async function clickFacet([group, label]) {
  const link = [...document.querySelectorAll(`[data-facet="${group}"] .facet-value`)]
    .find((a) => a.querySelector('.facet-label')?.textContent === label);
  if (!link) return null;
  window.__history = 0;
  const { changed, ...t } = await window.__click(link);
  return changed ? { ...t, history: window.__history } : null;
}

async function metrics(cdp) {
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (name) => (m.find((x) => x.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), layout: get('LayoutDuration'), style: get('RecalcStyleDuration'), task: get('TaskDuration') };
}

/** Runs `step` in the page and returns its result with the CDP metric deltas around it. */
async function measured(page, cdp, fn, arg) {
  if (pace) await page.evaluate(() => window.__sleep(window.__pause()));
  const before = await metrics(cdp);
  const result = await page.evaluate(fn, arg);
  const after = await metrics(cdp);
  if (!result) return null;
  for (const k of Object.keys(before)) result[k] = after[k] - before[k];
  return result;
}

const server = await serve({ '/bundle/': dirname(bundle), '/': dist });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', ...chromiumArgs],
});
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(waits);
  await context.addInitScript(() => {
    window.hoinghiProfile = true;
    // Time spent in the router's history writes: Chromium makes them cost milliseconds.
    window.__history = 0;
    for (const name of ['replaceState', 'pushState']) {
      const original = history[name];
      history[name] = function (...args) {
        const t0 = performance.now();
        try { return original.apply(this, args); } finally { window.__history += performance.now() - t0; }
      };
    }
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  page.on('crash', () => console.error('page crashed'));
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  const t0 = Date.now();
  await page.goto(`${server.url}/?bundle=${encodeURIComponent(`bundle/${basename(bundle)}`)}`);
  await page.waitForSelector('.result-row', { timeout: 300_000 });
  console.error(`loaded ${basename(bundle)} in ${Date.now() - t0} ms`);
  if (pace) await page.evaluate((p) => { window.__pause = window.__pauses(p); }, pace);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });

  // `cc` and `viz`: when the compositor sends a frame, and when it waits for the display's next
  // tick (`Scheduler::BeginFrame` without a `Scheduler::BeginImplFrame` after a request).
  if (traceOut) await browser.startTracing(page, { path: traceOut, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'cc', 'viz'] });
  if (cpuProfile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const keystrokes = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const chars = [...q];
      for (let i = 1; i <= chars.length; i++) {
        const value = chars.slice(0, i).join('');
        keystrokes.push({ q: value, ...(await measured(page, cdp, typeOne, value)) });
      }
      await page.evaluate(typeOne, '');
    }
  }
  const toggles = [];
  for (let r = 0; r < toggleRounds; r++) for (const group of ['tinh', 'nam', 'loai', 'nguon', 'nguoi', 'vanban', 'cap']) {
    const labels = await page.$$eval(`[data-facet="${group}"] .facet-label`,
      (l) => l.slice(0, 2).map((x) => x.textContent));
    for (const label of labels) {
      for (const step of ['on', 'off']) {
        const t = await measured(page, cdp, clickFacet, [group, label]);
        if (t) toggles.push({ round: r, group, label, step, ...t });
      }
    }
  }

  if (traceOut) await browser.stopTracing();
  if (cpuProfile) {
    const { profile } = await cdp.send('Profiler.stop');
    await writeFile(cpuProfile, JSON.stringify(profile));
  }
  const row = (name, list) => {
    const cols = ['ms', 'paintedMs', 'panelsMs', 'task', 'search', 'history', 'script', 'layout', 'style'];
    const cells = cols.map((c) => `${c} ${pct(list.map((k) => k[c]), 50).toFixed(1)} / ${pct(list.map((k) => k[c]), 95).toFixed(1)}`);
    return `${name.padEnd(11)} n=${String(list.length).padEnd(4)} ${cells.join('  ')}`;
  };
  console.log(`${basename(bundle)}, ${basename(dist)}: p50 / p95, ms`);
  console.log(row('keystrokes', keystrokes));
  console.log(row('toggles', toggles));
  const slow = [...keystrokes].sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.log('slowest keystrokes:', slow.map((k) => `${JSON.stringify(k.q)} ${k.ms.toFixed(0)} (search ${k.search.toFixed(0)}, script ${k.script.toFixed(0)})`).join(', '));
  if (jsonOut) await writeFile(jsonOut, JSON.stringify({ bundle, dist, keystrokes, toggles }, null, 1));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
