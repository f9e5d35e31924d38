// The packed single file: app, styles and bundle in one HTML page opened from file://.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchFirefox } from './firefox.mjs';
import { assert, resultTitles, ROOT } from './helpers.mjs';

const pack = (file) => execFileSync('cargo', ['run', '--quiet', '--', 'pack', 'public/articles.json', '-o', file], { cwd: ROOT });

export default function (test) {
  test('the packed single file works from file:// with no server', async ({ page, scratch }) => {
    const file = join(scratch, 'hoinghi.html');
    pack(file);
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('.result-row');
    assert((await resultTitles(page)).length === 5, 'the five seeds are listed');
    await page.locator('#q').fill('rach mieu');
    await page.waitForFunction(() => document.querySelectorAll('.result-row').length === 1);
    await page.locator('.result-row .article-title').click();
    await page.waitForSelector('.reader-body');
    assert((await page.locator('.reader mark').count()) > 0, 'the reader highlights the search');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert(policy.startsWith("default-src 'none'"), `the file may load nothing from anywhere: ${policy}`);
  });

  test('the packed single file works from file:// in Firefox too', async ({ scratch }) => {
    const file = join(scratch, 'hoinghi.html');
    pack(file);
    const firefox = await launchFirefox();
    try {
      await firefox.goto(pathToFileURL(file).href);
      await firefox.waitFor('document.querySelectorAll(".result-row").length === 5', 'the five seeds');
      // Typing, as the search box hears it: the value, then an input event.
      await firefox.evaluate(`(() => {
        const q = document.getElementById('q');
        q.value = 'rach mieu';
        q.dispatchEvent(new Event('input', { bubbles: true }));
      })()`);
      await firefox.waitFor('document.querySelectorAll(".result-row").length === 1', 'one result for rach mieu');
      await firefox.evaluate('document.querySelector(".result-row .article-title").click()');
      await firefox.waitFor('document.querySelector(".reader-body")', 'the reader');
      const marks = await firefox.evaluate('document.querySelectorAll(".reader mark").length');
      assert(marks > 0, 'the reader highlights the search in Firefox');
      assert(firefox.errors.length === 0, `no errors in Firefox's console: ${firefox.errors.join(' | ')}`);
    } finally {
      await firefox.close();
    }
  });
}
