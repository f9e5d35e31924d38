// The browser suite: the real release build in dist/, served on 127.0.0.1, driven in Debian's
// Chromium through playwright-core. Run it with `./run test` (which builds dist/ first), or
// directly with `node tests/browser/run.mjs` after `./run build`.
//
// Prints one line per test and closes with `N passed, N failed`; exits non-zero on any failure.
// Set SCREENSHOTS=1 to also refresh docs/screenshot*.png.
import { readFile, readdir, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const FIXTURES = join(ROOT, 'tests', 'browser', 'fixtures');
const SUB_PATH = '/archive/hoinghi/';

// What the scraped pages carry around the article text; none of it may reach the reader.
const CLUTTER = [
  'Thống kê truy cập', 'Đang truy cập', 'Tổng truy cập', 'Tháng hiện tại', 'Các tin khác',
  'Quay lại', 'Ý kiến ()', '500 ký tự', 'Đang tải dữ liệu', 'Liên kết web', 'BẢN ĐỒ HÀNH CHÍNH',
  '.jpg', '•', 'Lượt đọc', 'lượt xem',
];

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** Each seed's title: its first line, or the first real line when the first is the site banner. */
async function seedTitles() {
  const files = (await readdir(SEEDS)).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => {
    const lines = (await readFile(join(SEEDS, f), 'utf8')).normalize('NFC').split('\n')
      .map((l) => l.replace(/^\s*•\s*/, '').trim()).filter(Boolean);
    return /^TRANG THÔNG TIN/.test(lines[0]) ? lines[1] : lines[0];
  }));
}

/** Opens `path` and waits until the app has either listed articles or shown an error. */
async function open(page, base, path) {
  await page.goto(base + path);
  await page.waitForSelector('.results-pane, .error-screen, .reader', { timeout: 20000 });
}

const listedTitles = (page) => page.locator('.article-title').allTextContents();

test('the five seed articles are listed with date, province and source', async ({ page, base }) => {
  await open(page, base, '/');
  const shown = (await listedTitles(page)).map((t) => t.trim().normalize('NFC'));
  for (const title of await seedTitles()) {
    assert(shown.includes(title), `seed title missing from the list: ${title}\nshown: ${shown.join(' | ')}`);
  }
  assert(shown.length === 5, `expected 5 articles, got ${shown.length}`);
  const facts = await page.locator('.result-row .facts').allTextContents();
  // Seed 003 prints no publication date: it must say so rather than show a made-up one.
  const dated = facts.filter((f) => /\d{2}\/\d{2}\/\d{4}/.test(f));
  assert(dated.length === 4, `four seeds show a day-first date: ${facts}`);
  const undated = facts.find((f) => f.includes('Gia Lai'));
  assert(undated.includes('không rõ ngày'), `the undated seed says its date is unknown: ${undated}`);
  assert(facts.some((f) => f.includes('Phú Yên')), `Phú Yên shown as a province: ${facts}`);
});

test('opening an article shows its clean body, and back returns to the list', async ({ page, base }) => {
  await open(page, base, '/');
  await page.locator('.article-title', { hasText: 'Giao ban công tác Dân vận Quý I/2023' }).click();
  await page.waitForSelector('.reader');
  assert(page.url().includes('?a='), `the article is addressed in the URL: ${page.url()}`);
  const title = await page.locator('.reader-title').textContent();
  assert(title.includes('Giao ban công tác Dân vận Quý I/2023'), `reader title: ${title}`);
  const body = await page.locator('.reader-body').textContent();
  assert(body.includes('Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban'), 'the first paragraph is shown');
  const bodyParagraphs = await page.locator('.reader-body p').allTextContents();
  assert(!bodyParagraphs.some((p) => p.trim() === title.trim()), 'the title is not repeated in the body');
  await page.goBack();
  await page.waitForSelector('.results-pane');
  assert((await listedTitles(page)).length === 5, 'back shows the list again');
});

test('no seed article shows site clutter in the reader', async ({ page, base }) => {
  await open(page, base, '/');
  const count = await page.locator('.article-title').count();
  for (let i = 0; i < count; i++) {
    await page.locator('.article-title').nth(i).click();
    await page.waitForSelector('.reader');
    const text = await page.locator('.reader-body').textContent();
    const found = CLUTTER.filter((c) => text.includes(c));
    const title = await page.locator('.reader-title').textContent();
    assert(found.length === 0, `clutter in "${title}": ${found.join(', ')}`);
    await page.goBack();
    await page.waitForSelector('.results-pane');
  }
});

test('a bundle with a JSON syntax error names the line and column', async ({ page, base }) => {
  await open(page, base, '/?bundle=fixtures/malformed.json');
  const text = await page.locator('.error-screen').textContent();
  assert(/line 5, column \d+/.test(text), `error names the position: ${text}`);
  assert(text.includes('fixtures/malformed.json'), 'error names the file');
});

test('a missing bundle shows the HTTP status', async ({ page, base, allowConsoleErrors }) => {
  allowConsoleErrors(/404/);
  await open(page, base, '/?bundle=fixtures/no-such-bundle.json');
  const text = await page.locator('.error-screen .cause').textContent();
  assert(text.includes('HTTP 404'), `cause names the status: ${text}`);
});

test('a bundle of an unsupported schema version says which', async ({ page, base }) => {
  await open(page, base, '/?bundle=fixtures/future-schema.json');
  const text = await page.locator('.error-screen .cause').textContent();
  assert(text.includes('schema version 99'), `cause names the version: ${text}`);
});

test('malformed and duplicate articles are skipped, counted, and the rest still shows', async ({ page, base }) => {
  await open(page, base, '/?bundle=fixtures/partly-broken.json');
  assert((await listedTitles(page)).join() === 'Bài viết còn tốt', 'only the sound article is listed');
  const warning = await page.locator('.warning').textContent();
  assert(warning.includes('2'), `warning counts the skipped articles: ${warning}`);
  await page.locator('.warning summary').click();
  const details = await page.locator('.warning li').allTextContents();
  assert(details.some((d) => d.includes('bad-type')) && details.some((d) => d.includes('duplicate id')),
    `warning names each skipped article: ${details}`);
});

test('article text is shown as text: markup and script URLs stay inert', async ({ page, base }) => {
  await open(page, base, '/?bundle=fixtures/hostile.json&a=x1');
  await page.waitForSelector('.reader');
  const title = await page.locator('.reader-title').textContent();
  assert(title.includes('<img src=x'), `markup in the title is shown literally: ${title}`);
  const body = await page.locator('.reader-body').textContent();
  assert(body.includes("<script>window.__pwned='body'</script>"), 'script in the body is shown as text');
  const hrefs = await page.locator('.reader a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert(hrefs.every((h) => !/^\s*(javascript|data):/i.test(h ?? '')), `no script or data links: ${hrefs}`);
  assert(hrefs.includes('https://example.org/video.mp4'), 'the https link is a link');
  assert((await page.locator('.reader img, .reader script').count()) === 0, 'no element was created from text');
  assert((await page.evaluate(() => window.__pwned)) === undefined, 'no script ran');
});

test('dist/ works unchanged under a sub-path', async ({ page, base }) => {
  await open(page, base, SUB_PATH);
  assert((await listedTitles(page)).length === 5, 'the default bundle loads under the sub-path');
  await page.locator('.article-title').first().click();
  await page.waitForSelector('.reader');
  assert(new URL(page.url()).pathname === SUB_PATH, `navigation stays under the sub-path: ${page.url()}`);
  await page.reload();
  await page.waitForSelector('.reader');
});

test('a shared article link opens the reader directly', async ({ page, base }) => {
  await open(page, base, '/');
  await page.locator('.article-title').nth(2).click();
  await page.waitForSelector('.reader');
  const link = page.url();
  const title = await page.locator('.reader-title').textContent();
  await page.goto('about:blank');
  await page.goto(link);
  await page.waitForSelector('.reader');
  assert((await page.locator('.reader-title').textContent()) === title, 'same article after reload');
});

const resultTitles = async (page) => (await page.locator('.result-row .article-title').allTextContents())
  .map((t) => t.trim());
const resultCount = async (page) => (await page.locator('.result-count').textContent()).trim();

test('a query without diacritics finds and highlights the accented words', async ({ page, base }) => {
  await open(page, base, '/');
  await page.locator('#q').pressSequentially('dan van kheo', { delay: 20 });
  await page.waitForFunction(() => document.querySelectorAll('.result-row mark').length > 0);
  const marks = await page.locator('.result-row mark').allTextContents();
  assert(marks.some((m) => m.normalize('NFC') === 'khéo'), `"khéo" is highlighted: ${marks}`);
  assert(marks.some((m) => m.normalize('NFC') === 'Dân' || m === 'dân'), `"Dân" is highlighted: ${marks}`);
  assert(new URL(page.url()).searchParams.get('q') === 'dan van kheo', `the query is in the URL: ${page.url()}`);
  // Upper case with diacritics finds the same articles.
  const folded = await resultTitles(page);
  await open(page, base, '/?q=' + encodeURIComponent('DÂN VẬN KHÉO'));
  assert((await resultTitles(page)).join('|') === folded.join('|'), 'case and marks do not change the hits');
});

test('a prefix finds words while typing, and no match says so', async ({ page, base }) => {
  await open(page, base, '/?q=' + encodeURIComponent('Rạch Miễ'));
  const titles = await resultTitles(page);
  assert(titles.length === 1 && titles[0].startsWith('Phó Bí thư'), `only the Bến Tre seed mentions Rạch Miễu: ${titles}`);
  await open(page, base, '/?q=zzqqxx');
  assert((await page.locator('.empty').count()) === 1, 'an empty result says so');
});

test('facet counts follow the search and a facet click filters (and back undoes it)', async ({ page, base }) => {
  await open(page, base, '/');
  assert((await resultCount(page)).startsWith('5'), 'all five to start with');
  const kind = page.locator('[data-facet="loai"] .facet-value', { hasText: 'Tổng kết' });
  const label = (await kind.textContent()).replace(/\s+/g, ' ');
  assert(/Tổng kết.*2/.test(label), `two seeds report a tổng kết: ${label}`);
  await kind.click();
  await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('2'));
  assert(new URL(page.url()).searchParams.get('loai') === 'tong_ket', `the facet is in the URL: ${page.url()}`);
  // Disjunctive within a facet: the other kinds still show what they would add.
  const giaoBan = (await page.locator('[data-facet="loai"] .facet-value', { hasText: 'Giao ban' }).textContent());
  assert(/1\s*$/.test(giaoBan.trim()), `Giao ban still counts 1 while Tổng kết is selected: ${giaoBan}`);
  // Conjunctive across facets: provinces count only within tổng kết.
  const provinces = await page.locator('[data-facet="tinh"] .facet-label').allTextContents();
  assert(provinces.sort().join() === 'Gia Lai,Điện Biên'.split(',').sort().join(), `provinces within tổng kết: ${provinces}`);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('5'));
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('2'));
});

test('field filters in the query narrow like facets; a malformed query degrades with a notice', async ({ page, base }) => {
  await open(page, base, '/?q=' + encodeURIComponent('tinh:phu yen'));
  assert((await resultTitles(page)).join() === 'Giao ban công tác Dân vận Quý I/2023', 'tinh:phu yen finds the Phú Yên seed');
  await open(page, base, '/?q=' + encodeURIComponent('"dân vận'));
  const notices = await page.locator('.notices li').allTextContents();
  assert(notices.length > 0, 'an unclosed quote is reported');
  assert((await resultTitles(page)).length > 0, 'and the words are still searched');
});

test('a shared search link restores query, filters and results', async ({ page, base }) => {
  await open(page, base, '/?q=hoi+nghi&nam=2022&nam=2023&sort=cu');
  const titles = await resultTitles(page);
  assert(titles.length === 2 && titles[0].includes('6 tháng đầu năm 2022') && titles[1].includes('Quý I/2023'),
    `the 2022 and 2023 seeds, oldest first: ${titles}`);
  assert((await page.locator('#q').inputValue()) === 'hoi nghi', 'the box shows the query');
  assert((await page.locator('#sort').inputValue()) === 'cu', 'the sort is restored');
  const selected = await page.locator('[data-facet="nam"] .facet-value.selected .facet-label').allTextContents();
  assert(selected.sort().join() === '2022,2023', `the years are shown selected: ${selected}`);
  await page.locator('.result-row .article-title').first().click();
  await page.waitForSelector('.reader');
  assert((await page.locator('.reader mark').count()) > 0, 'the reader highlights the search words');
  assert((await page.locator('.reader-nav .next').count()) === 1, 'the reader links to the next result');
});

async function screenshots(browser, base) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
  const page = await context.newPage();
  await open(page, base, '/');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-list.png') });
  await page.locator('.article-title').nth(1).click();
  await page.waitForSelector('.reader');
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-reader.png') });
  await context.close();
}

async function main() {
  await access(join(DIST, 'index.html')).catch(() => {
    throw new Error('dist/index.html is missing: build the app first (./run build)');
  });
  const server = await serve({ '/fixtures/': FIXTURES, [SUB_PATH]: DIST, '/': DIST });
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
        await fn({ page, base: server.url, allowConsoleErrors: (re) => { allowed = re; } });
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
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
