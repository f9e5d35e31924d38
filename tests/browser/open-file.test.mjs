// Bringing your own bundle: the file picker and drag-and-drop read it locally.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, resultTitles, FIXTURES } from './helpers.mjs';

export default function (test) {
  test('a bundle chosen with the file picker opens, a broken one explains itself', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('#open-file').setInputFiles(join(FIXTURES, 'partly-broken.json'));
    await page.waitForFunction(() => document.querySelector('.bundle-title')?.textContent === 'partly broken');
    assert((await resultTitles(page)).join() === 'Bài viết còn tốt', 'its article is listed');
    await page.locator('#open-file').setInputFiles(join(FIXTURES, 'future-schema.json'));
    await page.waitForSelector('.error-screen');
    const text = await page.locator('.error-screen').textContent();
    assert(text.includes('future-schema.json') && text.includes('lược đồ phiên bản 99'), `names file and cause: ${text}`);
  });

  test('a bundle dropped on the page opens', async ({ page, base }) => {
    await open(page, base, '/');
    const json = await readFile(join(FIXTURES, 'partly-broken.json'), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, json);
    await page.waitForFunction(() => document.querySelector('.bundle-title')?.textContent === 'partly broken');
  });
}
