// Shared by the browser suite's test files: paths, assertions and page helpers.
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built app; HOINGHI_DIST points the suite at another build. */
export const DIST = process.env.HOINGHI_DIST ?? join(ROOT, 'dist');
export const SEEDS = join(ROOT, '..', 'shared', 'seeds');
export const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
export const SUB_PATH = '/archive/hoinghi/';

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Each seed's title: its first line, or the first real line when the first is the site banner. */
export async function seedTitles() {
  const files = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => {
    const lines = (await readFile(join(SEEDS, f), 'utf8')).normalize('NFC').split('\n')
      .map((l) => l.replace(/^\s*•\s*/, '').trim()).filter(Boolean);
    return /^TRANG THÔNG TIN/.test(lines[0]) ? lines[1] : lines[0];
  }));
}

/** Opens `path` and waits until the app has shown results, an article, the timeline, the
 * overview, the reading list or an error. */
export async function open(page, base, path) {
  await page.goto(base + path);
  await page.waitForSelector('.results-pane, .error-screen, .reader, .timeline, .overview, .reading-list', { timeout: 20000 });
}

/** The page's address once the app has written its pending history entry: a click's right
 * after the next frame, typing's once it pauses for 250 ms (src/app/location.rs). */
export const settledUrl = (page) =>
  page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(location.href), 300))));

/** Back, once the current view is in history (a click's entry is written after its frame). */
export async function back(page) {
  await settledUrl(page);
  await page.goBack();
}

export const listedTitles = (page) => page.locator('.article-title').allTextContents();

export const resultTitles = async (page) =>
  (await page.locator('.result-row .article-title').allTextContents()).map((t) => t.trim());

export const resultCount = async (page) => (await page.locator('.result-count').textContent()).trim();
