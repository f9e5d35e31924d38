// The overview: the current results as a heat map of provinces by year, the most cited documents
// and the busiest months, each cell and bar a link to the narrowed search.
import { join } from 'node:path';
import { assert, open, resultCount, ROOT, settledUrl, back } from './helpers.mjs';

const rows = (page) => page.locator('.heat tbody tr').evaluateAll((trs) => trs.map((tr) =>
  [tr.querySelector('th').textContent, ...[...tr.querySelectorAll('.heat-cell')].map((td) => td.textContent.trim())]));

export default function (test) {
  test('overview: a heat map of the seeds by province and year; a cell opens its narrowed search', async ({ page, base }) => {
    await open(page, base, '/?view=tongquan');
    await page.waitForSelector('.heat');
    const years = await page.locator('.heat thead th').allTextContents();
    assert(years.join() === 'Tỉnh, thành,2021,2022,2023,2024,Không rõ năm,Tổng', `years as columns: ${years}`);
    // One article each; Gia Lai's seed has no publication date, so it is in the unknown year.
    const table = await rows(page);
    const cells = table.map((r) => r.map((c) => c.replace(/Gia Lai, không rõ năm.*$/, '').trim()));
    assert(JSON.stringify(cells) === JSON.stringify([
      ['Bến Tre', '0', '1', '0', '0', '0'],
      ['Điện Biên', '0', '0', '0', '1', '0'],
      ['Gia Lai', '0', '0', '0', '0', '1'],
      ['Ninh Bình', '1', '0', '0', '0', '0'],
      ['Phú Yên', '0', '0', '1', '0', '0'],
    ]), `rows in Vietnamese order with zeros: ${JSON.stringify(table)}`);
    assert((await page.locator('.heat-total a').allTextContents()).join() === '1,1,1,1,1', 'row totals');
    if (process.env.SCREENSHOTS) {
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-overview.png') });
    }
    assert((await page.locator('.ov-totals').textContent()).includes('5 bài viết, 5 hội nghị'), 'totals');
    const cell = page.locator('.heat-cell a[title^="Phú Yên, năm 2023"]');
    assert((await cell.getAttribute('aria-label')) === 'Phú Yên, năm 2023: 1 bài, 1 hội nghị', 'the cell says what it counts');
    await cell.click();
    await page.waitForSelector('.results-pane');
    const url = new URL(await settledUrl(page)).searchParams;
    assert(url.get('tinh') === 'Phú Yên' && url.get('nam') === '2023' && !url.get('view'), `narrowed list: ${page.url()}`);
    assert((await resultCount(page)).startsWith('1 / 5'), `one article: ${await resultCount(page)}`);
    await page.waitForSelector('.entity-card');
  });

  test('overview: follows the search and facets; documents and months link to their articles', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('.overview-link').click();
    await page.waitForSelector('.heat');
    assert((await rows(page)).length === 5, 'all provinces at first');
    await page.locator('[data-facet="loai"] .facet-value', { hasText: 'Tổng kết' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.heat tbody tr').length === 2);
    assert(new URL(await settledUrl(page)).searchParams.get('view') === 'tongquan', 'a facet click stays on the overview');
    assert((await page.locator('.ov-totals').textContent()).includes('2 bài viết'), 'totals of the two tổng kết');
    const docs = await page.locator('#docs-heading + .bar-list .bar-label').allTextContents();
    assert(docs.length === 4 && docs.includes('844-QĐ/HU'), `documents of the Gia Lai seed: ${docs}`);
    await page.locator('.heat-total a[title^="Gia Lai"]').click();
    await page.waitForSelector('.results-pane');
    assert(new URL(await settledUrl(page)).searchParams.get('tinh') === 'Gia Lai', 'a row total opens its province');
    assert((await resultCount(page)).startsWith('1 / 5'), 'the undated Gia Lai seed');
    await back(page);
    await page.waitForSelector('.heat');
    await page.locator('#docs-heading + .bar-list .bar-item', { hasText: '844-QĐ/HU' }).click();
    await page.waitForSelector('.results-pane');
    assert((await resultCount(page)).startsWith('1 / 5'), 'the document narrows to its article');
    assert(new URL(await settledUrl(page)).searchParams.get('loai') === 'tong_ket', 'the search is kept');

    await open(page, base, '/?view=tongquan');
    await page.waitForSelector('.heat');
    const month = page.locator('#months-heading + .bar-list .bar-item', { hasText: 'tháng 4 năm 2023' });
    assert((await month.textContent()).includes('1 bài · 1 hội nghị'), 'a month counts articles and conferences');
    await month.click();
    await page.waitForSelector('.results-pane');
    const url = new URL(await settledUrl(page)).searchParams;
    assert(url.get('tu') === '2023-04' && url.get('den') === '2023-04', `month range: ${page.url()}`);
    assert((await resultCount(page)).startsWith('1 / 5'), 'one article that month');
    await back(page);
    await page.waitForSelector('.heat');
    await page.locator('.list-link').click();
    await page.waitForSelector('.results-pane');
  });

  test('overview and reading list: at 360 px only the heat map scrolls sideways', async ({ page, base }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    for (const path of ['/?view=tongquan', '/?view=danhsachdoc']) {
      await open(page, base, path);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert(wide <= 360, `no horizontal scroll on ${path}: ${wide}px`);
    }
  });

  test('overview and reading list follow the language switch', async ({ page, base }) => {
    await open(page, base, '/?view=tongquan');
    await page.locator('#language').click();
    await page.waitForFunction(() => document.querySelector('#overview-heading').textContent === 'Overview');
    const cell = await page.locator('.heat-cell a[title^="Phú Yên"]').getAttribute('aria-label');
    assert(cell === 'Phú Yên, 2023: 1 article, 1 conference', `the cell in English: ${cell}`);
    assert((await page.locator('#months-heading + .bar-list').textContent()).includes('April 2023'), 'months in English');
    await page.locator('.reading-list-link').click();
    await page.waitForSelector('.reading-list');
    assert((await page.locator('#reading-list-heading').textContent()) === 'Reading list', 'the reading list in English');
  });

  test('overview: the heat map reads in the dark theme too', async ({ page, base }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, base, '/?view=tongquan');
    await page.waitForSelector('.heat');
    const [bg, fg] = await page.locator('.heat-cell a').first().evaluate((a) => {
      const td = getComputedStyle(a.parentElement);
      return [td.backgroundColor, getComputedStyle(a).color];
    });
    assert(bg !== fg && !bg.includes('255, 255, 255'), `dark cell ${bg} with text ${fg}`);
  });
}
