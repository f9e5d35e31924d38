// The packed single file: app, styles and bundle in one HTML page opened from file://.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assert, resultTitles, ROOT } from './helpers.mjs';

export default function (test) {
  test('the packed single file works from file:// with no server', async ({ page, scratch }) => {
    const file = join(scratch, 'hoinghi.html');
    execFileSync('cargo', ['run', '--quiet', '--', 'pack', 'public/articles.json', '-o', file], { cwd: ROOT });
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
}
