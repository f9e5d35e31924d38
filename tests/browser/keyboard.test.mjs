// The keyboard path end to end: / to search, j/k to move, Enter to open, j in the reader for the
// next result, Esc back to the list, ? for the list of shortcuts.
import { assert, open, settledUrl } from './helpers.mjs';

export default function (test) {
  test('keyboard: search, move, open, next, back, and the shortcut list', async ({ page, base }) => {
    await open(page, base, '/');
    await page.keyboard.press('/');
    assert(await page.evaluate(() => document.activeElement.id === 'q'), '/ focuses the search box');
    await page.keyboard.type('dan van');
    await page.keyboard.press('Escape');
    assert(await page.evaluate(() => document.activeElement.id !== 'q'), 'Esc leaves the box');
    const titles = (await page.locator('.result-row .article-title').allTextContents()).map((t) => t.trim());
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const cursor = (await page.locator('.result-row.cursor .article-title').textContent()).trim();
    assert(cursor === titles[1], `j j k lands on the second result: ${cursor}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reader');
    assert((await page.locator('.reader-title').textContent()).trim() === titles[1], 'Enter opens it');
    await page.keyboard.press('j');
    await page.waitForFunction((t) => document.querySelector('.reader-title')?.textContent.trim() === t, titles[2]);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.results-pane');
    assert(new URL(await settledUrl(page)).searchParams.get('q') === 'dan van', 'back to the same search');
    await page.keyboard.press('?');
    assert(await page.locator('.shortcuts').isVisible(), '? lists the shortcuts');
    await page.keyboard.press('Escape');
    assert((await page.locator('.shortcuts').count()) === 0, 'Esc closes the list');
  });
}
