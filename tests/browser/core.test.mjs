// The foundation: the seed bundle lists and reads cleanly, broken bundles explain themselves,
// hostile text stays text, and the build works under any sub-path.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { assert, open, seedTitles, listedTitles, DIST, SUB_PATH, settledUrl, back } from './helpers.mjs';

// What the scraped pages carry around the article text; none of it may reach the reader.
const CLUTTER = [
  'Thống kê truy cập', 'Đang truy cập', 'Tổng truy cập', 'Tháng hiện tại', 'Các tin khác',
  'Quay lại', 'Ý kiến ()', '500 ký tự', 'Đang tải dữ liệu', 'Liên kết web', 'BẢN ĐỒ HÀNH CHÍNH',
  '.jpg', '•', 'Lượt đọc', 'lượt xem',
];

export default function (test) {
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
    assert((await settledUrl(page)).includes('?a='), `the article is addressed in the URL: ${page.url()}`);
    const title = await page.locator('.reader-title').textContent();
    assert(title.includes('Giao ban công tác Dân vận Quý I/2023'), `reader title: ${title}`);
    const body = await page.locator('.reader-body').textContent();
    assert(body.includes('Ban Dân vận Tỉnh ủy tổ chức Hội nghị giao ban'), 'the first paragraph is shown');
    const bodyParagraphs = await page.locator('.reader-body p').allTextContents();
    assert(!bodyParagraphs.some((p) => p.trim() === title.trim()), 'the title is not repeated in the body');
    await back(page);
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
      await back(page);
      await page.waitForSelector('.results-pane');
    }
  });

  test('a bundle with a JSON syntax error names the line and column', async ({ page, base }) => {
    await open(page, base, '/?bundle=fixtures/malformed.json');
    const text = await page.locator('.error-screen').textContent();
    assert(/dòng 5, cột \d+/.test(text), `error names the position: ${text}`);
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
    assert(text.includes('lược đồ phiên bản 99'), `cause names the version: ${text}`);
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
    assert(new URL(await settledUrl(page)).pathname === SUB_PATH, `navigation stays under the sub-path: ${page.url()}`);
    await page.reload();
    await page.waitForSelector('.reader');
  });

  test('a shared article link opens the reader directly', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('.article-title').nth(2).click();
    await page.waitForSelector('.reader');
    const link = await settledUrl(page);
    const title = await page.locator('.reader-title').textContent();
    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForSelector('.reader');
    assert((await page.locator('.reader-title').textContent()) === title, 'same article after reload');
  });

  test('the wasm arrives gzipped from a plain host, inflated by a compressing one, plain as a last resort', async ({ page: first, base, requests }) => {
    const wasmFetched = () => requests.filter((r) => /_bg\.wasm(\.gz)?$/.test(r.url)).map((r) => r.url.split('_bg').pop());
    // No service worker: it would answer from its cache, and the routes below would see nothing.
    const context = await first.context().browser().newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    await open(page, base, '/');
    assert(wasmFetched().length && wasmFetched().every((f) => f === '.wasm.gz'), `only the gzipped wasm is fetched: ${wasmFetched()}`);
    const gz = requests.find((r) => r.url.endsWith('.wasm.gz'));
    const plain = requests.find((r) => r.url.endsWith('_bg.wasm'));
    assert(!plain && gz.bytes < 600_000, `the wasm costs ${gz.bytes} bytes`);

    // A host that sends .gz files with Content-Encoding: gzip: the browser inflates them itself.
    const encoding = createServer(async (req, res) => {
      const path = new URL(req.url, 'http://x').pathname;
      const file = join(DIST, path === '/' ? 'index.html' : path.slice(1));
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }[extname(file)];
      try {
        const body = await readFile(file);
        res.writeHead(200, file.endsWith('.gz') ? { 'content-encoding': 'gzip', 'content-type': 'application/wasm' } : { 'content-type': type ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((ok) => encoding.listen(0, '127.0.0.1', ok));
    await open(page, `http://127.0.0.1:${encoding.address().port}`, '/');
    assert((await listedTitles(page)).length === 5, 'the app starts from a host that encodes .gz');
    await new Promise((ok) => encoding.close(ok));

    // The .gz missing from the host: the plain wasm is fetched instead.
    await context.route(/_bg\.wasm\.gz$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto('about:blank');
    await open(page, base, '/');
    assert((await listedTitles(page)).length === 5, 'the app starts from the plain wasm');
    assert(wasmFetched().includes('.wasm'), `the plain wasm was fetched: ${wasmFetched()}`);
    await context.close();
  });
}
