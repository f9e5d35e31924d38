// Offline reading and atomic updates through the service worker, and the page's security policy.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, resultTitles, DIST } from './helpers.mjs';

/** Waits until the service worker controls the page and has precached the build. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
}

export default function (test) {
  test('after one visit the archive reads offline, including articles never opened', async ({ page, context, base }) => {
    await open(page, base, '/');
    await controlled(page);
    const online = await resultTitles(page);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.result-row');
    assert((await resultTitles(page)).join('|') === online.join('|'), 'the same articles list offline');
    await page.locator('.result-row .article-title').last().click();
    await page.waitForSelector('.reader-body p');
    assert((await page.locator('.reader-body').textContent()).length > 200, 'an unopened article reads offline');
    await page.goto(base + '/?q=dan+van+kheo');
    await page.waitForSelector('.result-row mark');
  });

  test('a new build is offered, not forced, and replaces app and bundle together', async ({ page, base, scratch }) => {
    await cp(DIST, scratch, { recursive: true });
    await open(page, base, '/scratch/');
    await controlled(page);
    // A second build: a new bundle title changes the bundle, and so the worker's version.
    const bundle = JSON.parse(await readFile(join(scratch, 'articles.json'), 'utf8'));
    bundle.title = 'Bản cập nhật';
    await writeFile(join(scratch, 'articles.json'), JSON.stringify(bundle));
    const worker = await readFile(join(scratch, 'sw.js'), 'utf8');
    await writeFile(join(scratch, 'sw.js'), worker.replace(/const VERSION = "(\w+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await page.waitForSelector('.update-banner', { timeout: 15000 });
    assert((await page.locator('.bundle-title').textContent()) !== 'Bản cập nhật', 'the old version keeps running until the user agrees');
    await Promise.all([page.waitForEvent('load'), page.locator('.update-banner button').click()]);
    await page.waitForSelector('.result-row');
    assert((await page.locator('.bundle-title').textContent()) === 'Bản cập nhật', 'after reloading, the new bundle shows');
  });

  test('the page forbids inline script beyond the loader, yet runs the app', async ({ page, base, allowConsoleErrors }) => {
    allowConsoleErrors(/Content Security Policy/);
    await open(page, base, '/');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/.test(policy), `policy: ${policy}`);
    assert(!/unsafe-inline/.test(policy), 'no unsafe-inline');
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = 1';
      document.body.append(s);
    });
    assert((await page.evaluate(() => window.__injected)) === undefined, 'an injected inline script is refused');
  });

  test('the manifest makes it installable', async ({ page, base }) => {
    await open(page, base, '/');
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
    assert(manifest.start_url === './' && manifest.display === 'standalone', 'relative start, standalone');
    const sizes = manifest.icons.map((i) => i.sizes);
    assert(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
  });
}
