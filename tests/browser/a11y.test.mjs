// Accessibility: axe-core on the main views; any serious or critical violation fails the test.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, ROOT } from './helpers.mjs';

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

async function violations(page) {
  // Injected through the DevTools protocol, so the page's own CSP does not have to allow it.
  await page.evaluate(await readFile(AXE, 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

// A reading list with an article of the default bundle (with a note) and one it lacks.
const SAVED = JSON.stringify({
  format: 'hoinghi-bookmarks',
  version: 1,
  bookmarks: [
    { id: '757e41f54ae12bcf', title: 'Phú Yên', note: 'đọc lại' },
    { id: 'khong-co', title: 'Bài của bộ khác', bundle: 'Bộ khác' },
  ],
});

export default function (test) {
  const views = [
    ['the search page', '/'],
    ['a filtered search', '/?q=dan+van&loai=tong_ket'],
    ['the reader', '/?q=giao+ban&a=__FIRST__'],
    ['an entity page', '/?nguoi=M%C3%B9a%20A%20S%C6%A1n'],
    ['the timeline', '/?view=timeline'],
    ['the overview', '/?view=tongquan'],
    ['the reading list', '/?view=danhsachdoc', SAVED],
  ];
  for (const [name, path, stored] of views) {
    test(`accessibility: ${name} has no serious or critical axe violation`, async ({ page, base }) => {
      if (stored) await page.addInitScript((s) => localStorage.setItem('hoinghi-bookmarks', s), stored);
      if (path.includes('__FIRST__')) {
        await open(page, base, '/?q=giao+ban');
        await page.locator('.result-row .article-title').first().click();
        await page.waitForSelector('.reader');
      } else {
        await open(page, base, path);
      }
      const found = await violations(page);
      assert(found.length === 0, `axe: ${found.join(' | ')}`);
    });
  }
}
