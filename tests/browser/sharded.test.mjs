// Sharded bundles (hoinghi shard): the first page from the manifest alone, search and the reader
// over shards fetched on demand, damaged shards named where they were needed while the rest
// works, and the download for offline reading.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, resultTitles, seedTitles, FIXTURES } from './helpers.mjs';

const SHARDED = join(FIXTURES, 'sharded');
const manifestOf = async (dir) => JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));

/** Opens a sharded bundle and waits for the whole archive (not just the first page). */
async function openSharded(page, base, path) {
  await page.goto(base + path);
  await page.waitForSelector('.results-pane, .reader, .error-screen', { timeout: 20000 });
}

/** A copy of the seeds' sharded fixture under scratch/NAME with one file's byte flipped. */
async function damaged(scratch, name, file) {
  const dir = join(scratch, name);
  await cp(SHARDED, dir, { recursive: true });
  const bytes = await readFile(join(dir, file));
  bytes[Math.floor(bytes.length / 2)] ^= 1;
  await writeFile(join(dir, file), bytes);
  return manifestOf(dir);
}

/** The term chunk a folded word is in: the last whose first term sorts at or before it. */
const chunkOf = (manifest, word) => manifest.terms.filter((t) => t.first <= word).at(-1) ?? manifest.terms[0];

/** Every article's id, in document order. */
async function ids(dir) {
  const manifest = await manifestOf(dir);
  const out = [];
  for (const m of manifest.meta) out.push(...JSON.parse(await readFile(join(dir, m.file.name), 'utf8')).map((a) => a.id));
  return out;
}

async function search(page, q) {
  await page.fill('#q', q);
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, q);
}

export default function (test) {
  test('sharded: the first page shows from the manifest before any shard arrives', async ({ page, context, base }) => {
    // Shards never answer: only the manifest can be drawn. Routed on the context, which also
    // sees the service worker's fetches once it controls the page.
    await context.route(/fixtures\/sharded\/(meta|docs)/, () => {});
    await page.goto(`${base}/?bundle=fixtures/sharded/manifest.json`);
    await page.waitForSelector('.first-page .result-row');
    const manifest = await manifestOf(SHARDED);
    const shown = await resultTitles(page);
    assert(shown.join('|') === manifest.first_page.rows.map((r) => r.title).join('|'), `first page rows: ${shown}`);
    assert((await page.locator('.first-page-count').textContent()).startsWith('5 '), 'the article count is known');
  });

  test('sharded: the seeds load, search and open an article', async ({ page, base, requests }) => {
    await openSharded(page, base, '/?bundle=fixtures/sharded/manifest.json');
    const titles = await resultTitles(page);
    assert([...titles].sort().join('|') === [...(await seedTitles())].sort().join('|'), `all five seeds listed: ${titles}`);
    const before = requests.filter((r) => /fixtures\/sharded\/terms-/.test(r.url)).length;
    assert(before === 0, 'no term chunk is fetched before a search');
    await search(page, 'dan van kheo');
    await page.waitForSelector('.result-row mark');
    const sharded = await resultTitles(page);
    // The same search on the single-file default bundle (the same seeds) ranks the same.
    await open(page, base, '/?q=dan+van+kheo');
    const single = await resultTitles(page);
    assert(sharded.join('|') === single.join('|'), `same results as the single file: ${sharded} vs ${single}`);
    await openSharded(page, base, '/?bundle=fixtures/sharded/manifest.json&q=dan+van+kheo');
    await page.waitForSelector('.result-row mark');
    const manifest = await manifestOf(SHARDED);
    const fetched = new Set(requests.map((r) => r.url).filter((u) => /terms-/.test(u)).map((u) => u.split('/').pop()));
    assert(fetched.size < manifest.terms.length, `only the needed chunks are fetched: ${[...fetched]}`);
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader-body p');
    const body = await page.locator('.reader-body').textContent();
    assert(body.length > 500 && /khéo/i.test(body), 'the whole body shows, not just the lead');
    assert((await page.locator('.reader-body mark').count()) > 0, 'the search words are marked in the body');
  });

  test('sharded: a corrupt body shard is named in the reader; other articles open', async ({ page, base, scratch }) => {
    const manifest = await damaged(scratch, 'bad-body', 'bodies-0001.json');
    const all = await ids(join(scratch, 'bad-body'));
    const per = manifest.bodies.per_file;
    const inBad = all[per];
    const fine = all[0];
    await openSharded(page, base, `/?bundle=scratch/bad-body/manifest.json&a=${inBad}`);
    const problem = page.locator('.body-problem');
    await problem.waitFor();
    const text = await problem.textContent();
    assert(text.includes('bodies-0001.json') && text.includes('sai mã SHA-256'), `the shard and the cause are named: ${text}`);
    assert((await page.locator('.reader-title').textContent()).length > 10, 'the metadata still shows');
    await page.goto(`${base}/?bundle=scratch/bad-body/manifest.json&a=${fine}`);
    await page.waitForSelector('.reader-body p:not(.body-problem):not(.body-loading)');
    assert((await page.locator('.body-problem').count()) === 0, 'an article in a sound shard opens fine');
    assert((await page.locator('.reader-body').textContent()).length > 500, 'with its body');
  });

  test('sharded: a corrupt index chunk is named by the search that needs it', async ({ page, base, scratch }) => {
    const chunk = chunkOf(await manifestOf(SHARDED), "kheo").file.name;
    const other = chunkOf(await manifestOf(SHARDED), "giao").file.name;
    assert(chunk !== other, 'the test words are in different chunks');
    await damaged(scratch, 'bad-terms', chunk);
    await openSharded(page, base, '/?bundle=scratch/bad-terms/manifest.json');
    await search(page, 'kheo');
    const problem = page.locator('.index-problem');
    await problem.waitFor();
    const text = await problem.textContent();
    assert(text.includes(chunk) && text.includes('sai mã SHA-256'), `the chunk and the cause are named: ${text}`);
    await search(page, 'giao ban quy');
    await page.waitForFunction(() => document.querySelector('.result-row .article-title')?.textContent.startsWith('Giao ban'));
    assert((await page.locator('.index-problem').count()) === 0, 'a search in sound chunks shows no problem');
    assert((await resultTitles(page))[0].startsWith('Giao ban'), 'and finds its article');
  });

  test('sharded: a manifest chosen as a local file says to open it by its address', async ({ page, base }) => {
    await page.goto(`${base}/`);
    await page.waitForSelector('.results-pane');
    await page.locator('#open-file').setInputFiles(join(SHARDED, 'manifest.json'));
    await page.waitForSelector('.error-screen');
    const text = await page.locator('.error-screen').textContent();
    assert(text.includes('manifest.json') && text.includes('?bundle='), `explains how to open it: ${text}`);
  });

  test('sharded: a damaged metadata shard stops loading with its name', async ({ page, base, scratch }) => {
    await damaged(scratch, 'bad-meta', 'meta-0000.json');
    await openSharded(page, base, '/?bundle=scratch/bad-meta/manifest.json');
    const text = await page.locator('.error-screen').textContent();
    assert(text.includes('meta-0000.json') && text.includes('sai mã SHA-256'), `names the shard: ${text}`);
  });

  test('sharded: download for offline shows the size and its progress, then reads offline', async ({ page, context, base }) => {
    await openSharded(page, base, '/?bundle=fixtures/sharded/manifest.json');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    const button = page.locator('.offline-download');
    assert(/Tải về để đọc offline \(0,\d MB\)/.test(await button.textContent()), `the size is on the button: ${await button.textContent()}`);
    await button.click();
    await page.waitForSelector('.offline-done', { timeout: 20000 });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.results-pane');
    await search(page, 'ky ket');
    await page.waitForFunction(() => /^[1-9]/.test(document.querySelector('.result-count').textContent.trim()));
    await page.locator('.result-row .article-title').last().click();
    await page.waitForSelector('.reader-body p');
    assert((await page.locator('.body-problem').count()) === 0, 'bodies read offline');
  });

  test('sharded: the archive downloads itself for offline reading in the background, and pauses', async ({ page, context, base }) => {
    // Body shards answer slowly, so the download is still running when paused.
    await context.route(/fixtures\/sharded\/bodies-/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.continue();
    });
    await openSharded(page, base, '/?bundle=fixtures/sharded/manifest.json');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
      }
    });
    // Nothing clicked: it starts by itself a few seconds after opening.
    await page.waitForSelector('.offline-pause', { timeout: 10000 });
    assert(/Đang tải về để đọc offline 0,\d MB \/ 0,\d MB/.test(await page.locator('.offline-progress').textContent()),
      `progress is shown: ${await page.locator('.offline-progress').textContent()}`);
    await page.locator('.offline-pause').click();
    const paused = await page.locator('.offline-progress').textContent();
    assert(paused.includes('Đã tạm dừng'), `it says it is paused: ${paused}`);
    await page.waitForTimeout(1500);
    assert((await page.locator('.offline-progress').textContent()) === paused, 'a paused download stays where it was');
    // The pause is remembered: a reload does not start it again.
    await page.reload();
    await page.waitForSelector('.offline-download');
    await page.waitForTimeout(4000);
    assert(await page.locator('.offline-download').isVisible(), 'after a pause, the download waits for the user');
    await page.locator('.offline-download').click();
    await page.waitForSelector('.offline-done', { timeout: 20000 });
    await context.unroute(/fixtures\/sharded\/bodies-/);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.results-pane');
    await page.locator('.result-row .article-title').last().click();
    await page.waitForSelector('.reader-body p');
    assert((await page.locator('.body-problem').count()) === 0, 'bodies read offline');
  });
}
