// Measures the app itself in Chromium: cold start, keystrokes, facet toggles, reader, memory,
// relevance ranks and (once it exists) the timeline. Every timing is taken inside the page with
// performance.now(), so Playwright's own round trips are not in the figures.
import { median, pct } from './report.mjs';

/**
 * Installed before any page script: records when `selector` first enters the DOM (and the frame
 * after, when it is on screen) and the wasm exports.
 */
function watchFirst(selector) {
  const bench = (window.__bench = { seen: null, frame: null, wasm: null, ready: null });
  // When the whole archive is usable (a sharded bundle draws its first rows before that).
  const whole = new MutationObserver(() => {
    if (bench.ready !== null || !document.querySelector('.results-pane')) return;
    whole.disconnect();
    bench.ready = performance.now();
  });
  whole.observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => { bench.wasm = e.detail.wasm; });
  const observer = new MutationObserver(() => {
    if (bench.seen !== null || !document.querySelector(`${selector}, .error-screen`)) return;
    observer.disconnect();
    bench.seen = performance.now();
    bench.error = document.querySelector('.error-screen')?.textContent ?? null;
    requestAnimationFrame(() => { bench.frame = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-painted'] });
}

/** Installed in every bench page (and profile-keystrokes.mjs's): the waits and the keystroke and
 * click measures the measuring functions share. */
export function waits() {
  // The next task, without the 4 ms that browsers add to the sixth and later nested zero-delay
  // timers (which every wait loop here would otherwise pay once per measurement).
  window.__task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  // The side panels catch up in a task after the next frame (src/app/panels.rs): waits for the
  // frame, then task by task, forces their layout and returns the ms since `t0`.
  window.__panelsFollowed = async (t0, cap) => {
    const behind = () => document.querySelector('.facets[aria-busy="true"], .entity-card[aria-busy="true"]') !== null;
    if (behind()) await new Promise((r) => requestAnimationFrame(r));
    while (behind() && performance.now() - t0 < cap) await window.__task();
    document.querySelector('.facets')?.getBoundingClientRect();
    return performance.now() - t0;
  };
  const tick = () => new Promise((r) => setTimeout(r, 0));
  window.__sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  // The pauses of a paced round (`INPUT_PACE`), one per call: a Lehmer generator with a fixed
  // seed, so that every run pauses alike.
  window.__pauses = ({ minMs, maxMs }) => {
    let seed = 2017;
    return () => {
      seed = (seed * 48271) % 2147483647;
      return minMs + ((maxMs - minMs) * seed) / 2147483647;
    };
  };
  // Times `act` until `done()` holds (checked from the next task, after Leptos'
  // microtask-scheduled effects; `cap` ms at most, so what never follows shows as an outlier
  // rather than hanging the run), plus a forced layout: `ms`. Then until the side panels follow:
  // `panelsMs`. `search` is the app's own `hoinghi:search` measure in between (see freshPage).
  //
  // `paintedMs` runs to the end of the first frame after `act`, which draws what `act` changed
  // (the app draws results in microtasks, before any frame): a zero-delay timer posted by a
  // frame callback registered first runs right after that frame, before the timers the app's
  // own frame callbacks post.
  const timed = async (act, done, cap) => {
    performance.clearMeasures('hoinghi:search');
    let painted;
    const framed = new Promise((r) => { painted = r; });
    const t0 = performance.now();
    requestAnimationFrame(() => setTimeout(() => painted(performance.now() - t0), 0));
    act();
    await window.__task();
    while (!done() && performance.now() - t0 < cap) await tick();
    document.querySelector('.results-pane')?.getBoundingClientRect();
    const ms = performance.now() - t0;
    const panelsMs = await window.__panelsFollowed(t0, 30_000);
    const search = performance.getEntriesByName('hoinghi:search').reduce((sum, e) => sum + e.duration, 0);
    return { ms, panelsMs, search, paintedMs: await framed };
  };
  // A keystroke: sets #q to `value` and waits for the results pane to name it (`data-query`)
  // and, in a sharded bundle, for its index chunks (no `.index-loading`).
  window.__type = async (value) => {
    const box = document.querySelector('#q');
    const shown = () => document.querySelector('.results-pane')?.dataset.query;
    const input = () => { box.value = value; box.dispatchEvent(new Event('input', { bubbles: true })); };
    const t = await timed(input, () => shown() === value && !document.querySelector('.index-loading'), 30_000);
    return { ...t, settled: shown() === value };
  };
  // A click on a facet value: waits for the result count to change. `changed` is false for a
  // value that holds every article, which is then not a measurement.
  window.__click = async (link) => {
    const count = () => document.querySelector('.result-count')?.textContent ?? '';
    const before = count();
    const t = await timed(() => link.click(), () => count() !== before, 10_000);
    return { ...t, changed: count() !== before };
  };
}

/** A fresh context and page that report when `selector` first shows. */
async function freshPage(browser, selector) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(watchFirst, selector);
  await context.addInitScript(waits);
  // The app then times each search as a `hoinghi:search` user-timing measure (src/app/context.rs),
  // a few microseconds each: the search alone compares like for like with a peer's query.
  await context.addInitScript(() => { window.hoinghiProfile = true; });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { context, page, errors };
}

/** Navigates and waits for the first `selector` (or the error screen) to be drawn. */
async function coldLoad(page, url, errors, timeout = 300_000) {
  await page.goto(url, { timeout });
  await page.waitForFunction(() => window.__bench.frame !== null, null, { timeout, polling: 100 })
    .catch((e) => { throw new Error(`${url}: nothing drawn (${errors.join(' | ') || e.message})`); });
  // Resource entries are queued a little after each response ends, so what was fetched before
  // the first draw is read now and selected by its end time.
  const bench = await page.evaluate(() => ({
    ...window.__bench,
    wasm: undefined,
    fetched: [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((r) => r.responseEnd <= window.__bench.seen)
      .map((r) => ({ url: r.name, bytes: r.encodedBodySize })),
  }));
  if (bench.error !== null) throw new Error(`${url}: error screen: ${bench.error}`);
  return bench;
}

/**
 * The pauses before each input of the paced rounds, in ms: as keystrokes, 100 ms apart is 120
 * words a minute, a fast typist, and 250 ms a steady one; as clicks, faster than anyone clicks.
 * They vary from input to input, as a person's do: one fixed pause falls in step with the
 * browser's own timers. At 100 ms, inputs often came soon after the extra frame of Chromium's
 * link observer (its NavigationPredictor's IntersectionObserver, run at most every 100 ms), just
 * as the compositor stopped asking for display ticks, and a frame asked for then waits for the
 * next tick with the page idle (docs/performance.md).
 */
export const INPUT_PACE = { minMs: 100, maxMs: 250 };

/** JS heap after a forced GC (needs --js-flags=--expose-gc) and the wasm linear memory, bytes. */
const memory = (page) => page.evaluate(() => {
  window.gc();
  return { jsHeap: performance.memory.usedJSHeapSize, wasm: window.__bench.wasm?.memory.buffer.byteLength ?? NaN };
});

/**
 * Types each query one character at a time into #q (`__type` in `waits`). The address bar
 * follows only when typing pauses, so it is not waited for. The side panels (facet counts,
 * histogram, entity card) follow one frame later (src/app/panels.rs): `panelsMs` times the keystroke to them
 * being up to date (no `aria-busy`), and the next keystroke waits for that, as a typist's would.
 * `search` is the search alone, without drawing. With `pace` (`INPUT_PACE`), each keystroke
 * waits a pause after the last one's panels instead, as a person typing does: the browser then
 * draws a frame as soon as the results change, often before the next task, so `ms` holds that
 * frame too.
 */
function typeQueries([queries, pace = null]) {
  const set = window.__type;
  const pause = pace && window.__pauses(pace);
  return (async () => {
    const keystrokes = [];
    for (const q of queries) {
      const chars = [...q];
      for (let i = 1; i <= chars.length; i++) {
        if (pause) await window.__sleep(pause());
        keystrokes.push({ q: chars.slice(0, i).join(''), ...(await set(chars.slice(0, i).join(''))) });
      }
      await set('');
    }
    return { keystrokes };
  })();
}

/** Clicks up to two values of each facet group on, then off again, timing each until the count
 * changes (`ms`) and until the side panels have followed (`panelsMs`), as keystrokes are; with
 * `pace`, each click a pause after the last one's panels. */
async function toggleFacets(pace = null) {
  const find = (group, label) => [...document.querySelectorAll(`[data-facet="${group}"] .facet-value`)]
    .find((a) => a.querySelector('.facet-label')?.textContent === label);
  const pause = pace && window.__pauses(pace);
  const toggles = [];
  for (const group of ['tinh', 'nam', 'loai', 'nguon', 'nguoi', 'vanban', 'cap']) {
    const labels = [...document.querySelectorAll(`[data-facet="${group}"] .facet-label`)].slice(0, 2).map((l) => l.textContent);
    for (const label of labels) {
      for (const step of ['on', 'off']) {
        const link = find(group, label);
        if (!link) break;
        if (pause) await window.__sleep(pause());
        const { ms, panelsMs, paintedMs, changed } = await window.__click(link);
        if (changed) toggles.push({ group, label, step, ms, panelsMs, paintedMs });
      }
    }
  }
  return toggles;
}

/** Opens the i-th result in the reader (click → `.reader` in the DOM), then goes back, `times` times. */
async function openReader(times) {
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const task = window.__task;
  const opens = [];
  for (let i = 0; i < times; i++) {
    const link = document.querySelectorAll('.result-row .article-title')[i];
    if (!link) break;
    const t0 = performance.now();
    link.click();
    await task();
    while (!document.querySelector('.reader') && performance.now() - t0 < 10_000) await tick();
    document.querySelector('.reader')?.getBoundingClientRect();
    opens.push(performance.now() - t0);
    // The article's history entry is written after the frame that shows it (src/app/location.rs).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    history.back();
    while (!document.querySelector('.result-row') || document.querySelector('.reader')) await tick();
  }
  return opens;
}

/** Waits until the whole archive is usable, not just its first rows. */
const whenReady = (page) => page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 300_000, polling: 100 });

/**
 * All browser figures for one bundle: `runs` cold starts in fresh contexts (the figures of each),
 * then, in the last page, memory, two rounds of keystrokes and of facet toggles, each input as
 * soon as the last one's side panels have followed; with `pacedRounds`, two more of each with
 * a pause of `INPUT_PACE` before every input; then reader opens and memory again. With
 * `firstKeystrokes`, every page but the last also types the first query a second after it is
 * usable, as someone who has just opened it would: a page's first keystrokes run code the
 * browser has not optimised yet.
 */
export async function measureApp(browser, base, bundleUrl, { runs, queries, firstKeystrokes = false, pacedRounds = false }) {
  const cold = [];
  const first = [];
  let last;
  for (let r = 0; r < runs; r++) {
    if (last) await last.context.close();
    last = await freshPage(browser, '.result-row');
    cold.push(await coldLoad(last.page, `${base}/?bundle=${encodeURIComponent(bundleUrl)}`, last.errors));
    if (firstKeystrokes && r < runs - 1) {
      await whenReady(last.page);
      await last.page.waitForTimeout(1000);
      first.push(...(await last.page.evaluate(typeQueries, [queries.slice(0, 1)])).keystrokes);
    }
  }
  const { page, context } = last;
  try {
    await whenReady(page);
    const ready = await page.evaluate(() => window.__bench.ready);
    const loaded = await memory(page);
    // Two rounds of typing and of toggling: a p95 over one round is its sixth-slowest keystroke
    // (its second-slowest toggle) and moved by a few milliseconds from run to run. The first round
    // starts right after loading, as a user's first keystrokes do.
    const toggleTwice = async (pace) => [...await page.evaluate(toggleFacets, pace), ...await page.evaluate(toggleFacets, pace)];
    const typed = await page.evaluate(typeQueries, [[...queries, ...queries]]);
    const toggles = await toggleTwice(null);
    const paced = pacedRounds ? {
      keystrokes: (await page.evaluate(typeQueries, [[...queries, ...queries], INPUT_PACE])).keystrokes,
      toggles: await toggleTwice(INPUT_PACE),
    } : null;
    const reader = await page.evaluate(openReader, 5);
    const afterUse = await memory(page);
    return { cold, first, ready, loaded, typed, toggles, paced, reader, afterUse };
  } finally {
    await context.close();
  }
}

/** The ids of the rows our app lists for `q` on `bundleUrl`, in order. */
export async function ourRanking(browser, base, bundleUrl, q) {
  const { context, page, errors } = await freshPage(browser, '.result-row');
  try {
    await coldLoad(page, `${base}/?bundle=${encodeURIComponent(bundleUrl)}&q=${encodeURIComponent(q)}`, errors);
    return await page.$$eval('.result-row .article-title',
      (links) => links.map((a) => new URL(a.href).searchParams.get('a')));
  } finally {
    await context.close();
  }
}

/** Whether this build has the timeline view (`?view=timeline` draws `.timeline`). */
export async function hasTimeline(browser, base, bundleUrl) {
  const { context, page } = await freshPage(browser, '.timeline');
  try {
    await page.goto(`${base}/?view=timeline&bundle=${encodeURIComponent(bundleUrl)}`);
    await page.waitForSelector('.timeline', { timeout: 15_000 });
    return true;
  } catch {
    return false;
  } finally {
    await context.close();
  }
}

/** The timeline is drawn when its canvas is first painted (marks and clusters are pixels), or,
 * in builds that draw elements, when the first mark or cluster element is there. */
const TIMELINE_DRAWN = '.timeline .tl-canvas[data-painted], .timeline .tl-mark, .timeline .tl-cluster';
/** Its accessible layer: one focusable element per mark or cluster in view. */
const TIMELINE_LAYER = '.timeline .tl-mark, .timeline .tl-cluster';

/**
 * In the page: clicks the header's view switch from the list and times it to the frame after the
 * timeline is drawn, and to its accessible layer being there, `runs` times (back to the list in
 * between, unmeasured).
 */
async function switchToTimeline({ runs, drawn, layer, marks = false }) {
  const tick = () => new Promise((r) => setTimeout(r, 0));
  const task = window.__task;
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const times = [];
  const layers = [];
  for (let i = 0; i < runs; i++) {
    while (!document.querySelector('.result-row')) await tick();
    await frame();
    const t0 = performance.now();
    if (marks) performance.mark(`switch${i}`);
    document.querySelector('.view-switch').click();
    await task();
    while (!document.querySelector(drawn) && performance.now() - t0 < 30_000) await tick();
    await frame();
    if (marks) performance.mark(`switched${i}`);
    times.push(performance.now() - t0);
    while (!document.querySelector(layer) && performance.now() - t0 < 30_000) await tick();
    layers.push(performance.now() - t0);
    document.querySelector('.view-switch').click();
  }
  return { times, layers };
}

/**
 * In the page: zoom and pan steps (keys + − → ← on the lanes, wheel on the plot), each timed
 * from dispatching the event to the next task (Leptos' effects have run, whatever they draw is
 * drawn) plus a forced layout.
 */
async function panZoomSteps({ count, marks = false }) {
  const lanes = document.querySelector('.tl-lanes');
  const plot = document.querySelector('.tl-plot');
  const { left, top, width } = plot.getBoundingClientRect();
  const task = window.__task;
  const key = (k) => () => lanes.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  const wheel = (dy) => () => plot.dispatchEvent(new WheelEvent('wheel',
    { deltaY: dy, clientX: left + width / 2, clientY: top + 60, bubbles: true, cancelable: true }));
  const events = [key('+'), key('ArrowRight'), wheel(-120), key('ArrowLeft'), wheel(120), key('-')];
  lanes.focus();
  const times = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    if (marks) performance.mark(`step${i}`);
    events[i % events.length]();
    await task();
    plot.getBoundingClientRect();
    if (marks) performance.mark(`stepped${i}`);
    times.push(performance.now() - t0);
  }
  return times;
}

/**
 * Main-thread CPU time (thread clock, from a Chrome trace) of list → timeline switches and of
 * pan/zoom steps, the same actions as the wall-clock figures: unlike those, it does not grow
 * when other processes load the machine. A step's time is the CPU of the tasks between its
 * marks, clipped to them.
 */
async function tracedTimeline(context, page, switches) {
  await page.click('.view-switch');
  await page.waitForSelector('.result-row');
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] } });
  await page.evaluate(switchToTimeline, { runs: switches, drawn: TIMELINE_DRAWN, layer: TIMELINE_LAYER, marks: true });
  await page.click('.view-switch');
  await page.waitForSelector(TIMELINE_DRAWN, { state: 'attached' });
  await page.evaluate(panZoomSteps, { count: 36, marks: true });
  await cdp.send('Tracing.end');
  await complete;
  const markEvent = events.find((e) => e.name === 'step0');
  const main = events.filter((e) => e.pid === markEvent.pid && e.tid === markEvent.tid);
  const at = (name) => main.find((e) => e.name === name)?.ts;
  const cpu = (a, b) => main.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts < b && e.ts + e.dur > a)
    .reduce((sum, e) => sum + (e.tdur ?? e.dur) * (Math.min(b, e.ts + e.dur) - Math.max(a, e.ts)) / Math.max(1, e.dur), 0) / 1000;
  return {
    switched: [...Array(switches).keys()].map((i) => cpu(at(`switch${i}`), at(`switched${i}`))),
    steps: [...Array(36).keys()].map((i) => cpu(at(`step${i}`), at(`stepped${i}`))),
  };
}

/**
 * The timeline on one bundle: cold load (navigation start → frame after the timeline is
 * painted), the switch from the list with the bundle already loaded (`switches` times, in one
 * page), then 36 zoom and pan steps.
 */
export async function measureTimeline(browser, base, bundleUrl, { switches = 5 } = {}) {
  const bundle = encodeURIComponent(bundleUrl);
  let { context, page, errors } = await freshPage(browser, TIMELINE_DRAWN);
  let cold;
  try {
    cold = await coldLoad(page, `${base}/?view=timeline&bundle=${bundle}`, errors);
  } finally {
    await context.close();
  }
  ({ context, page, errors } = await freshPage(browser, '.result-row'));
  try {
    await coldLoad(page, `${base}/?bundle=${bundle}`, errors);
    // A person reads the list for a moment before switching; the app may use idle time.
    await page.waitForTimeout(1000);
    const { times: switched, layers } = await page.evaluate(switchToTimeline,
      { runs: switches, drawn: TIMELINE_DRAWN, layer: TIMELINE_LAYER });
    await page.click('.view-switch');
    await page.waitForSelector(TIMELINE_DRAWN, { state: 'attached' });
    const steps = await page.evaluate(panZoomSteps, { count: 36 });
    const cpu = await tracedTimeline(context, page, switches);
    return { coldDraw: cold.frame, switched, layers, steps, cpu };
  } finally {
    await context.close();
  }
}

/** The timeline's rows; also used by tests/bench/timeline-only.mjs. */
export function timelineFigures(report, t, input) {
  const list = (values) => values.map((v) => v.toFixed(0)).join(', ');
  report.add('first draw: list → timeline, first switch', t.switched[0], 'ms', input,
    'bundle loaded and searched, list shown for 1 s; click on the view switch → frame after the timeline is painted (canvas painted, or first mark element in element-drawn builds)');
  report.add('first draw: list → timeline, median', median(t.switched), 'ms', input,
    `same, ${t.switched.length} switches in one page, back to the list in between (${list(t.switched)})`);
  report.add('accessible layer ready: list → timeline, median', median(t.layers), 'ms', input,
    `same click → first focusable .tl-mark or .tl-cluster in the DOM (${list(t.layers)})`);
  report.add('cold load → timeline drawn', t.coldDraw, 'ms', input,
    'navigation start to ?view=timeline → frame after the timeline is painted (includes fetching, parsing and indexing the 52 MB bundle)');
  report.add('pan/zoom step, p50', pct(t.steps, 50), 'ms', `${t.steps.length} steps`,
    'key + − → ← on .tl-lanes or wheel on .tl-plot → next task (effects run, canvas drawn) + forced layout');
  report.add('pan/zoom step, p95', pct(t.steps, 95), 'ms', `${t.steps.length} steps`, 'same; a 60 Hz frame is 16.7 ms');
  report.add('first draw, main-thread CPU, first / median', `${t.cpu.switched[0].toFixed(0)} / ${median(t.cpu.switched).toFixed(0)}`, 'ms', input,
    `the same switches again, thread-clock time of the page's main thread from a Chrome trace (not inflated by other load on the machine): ${list(t.cpu.switched)}`);
  report.add('pan/zoom step, main-thread CPU, p50 / p95', `${pct(t.cpu.steps, 50).toFixed(1)} / ${pct(t.cpu.steps, 95).toFixed(1)}`, 'ms', `${t.cpu.steps.length} steps`,
    'the same 36 steps again, thread-clock time of the tasks between each step\'s marks');
}
