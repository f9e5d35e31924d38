// The reader's facts lead to entity pages: a chair to their person page, a cited document to its
// page, a province to its page; and the citation is ready to copy.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, settledUrl, back } from './helpers.mjs';

export default function (test) {
  test('a chair in the reader opens their person page with titles over time', async ({ page, base }) => {
    await open(page, base, '/?q=giao+ban+quy+I');
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader .conference');
    const chair = page.locator('.conf-people a.person', { hasText: 'Đinh Thị Thu Thanh' });
    await chair.click();
    await page.waitForSelector('.entity-card');
    assert((await page.locator('.entity-card h2').textContent()) === 'Đinh Thị Thu Thanh', 'the person page');
    const titles = await page.locator('.held-title').allTextContents();
    assert(titles.includes('Trưởng Ban Dân vận Tỉnh ủy'), `her titles: ${titles}`);
    assert((await page.locator('.entity-card').textContent()).includes('07/04/2023'), 'dated by the conference');
    assert(new URL(await settledUrl(page)).searchParams.get('nguoi') === 'Đinh Thị Thu Thanh', 'the page is a link');
  });

  test('the entity card follows the search: it leaves with its entity and shows the next one', async ({ page, base }) => {
    await open(page, base, '/?nguoi=' + encodeURIComponent('Đinh Thị Thu Thanh'));
    await page.waitForSelector('.entity-card h2');
    assert((await page.locator('.entity-card h2').textContent()) === 'Đinh Thị Thu Thanh', 'her card');
    await page.locator('[data-facet="nguoi"] .facet-value.selected').click();
    await page.waitForFunction(() => !document.querySelector('.entity-card'), null, { timeout: 2000 })
      .catch(() => assert(false, 'the card leaves once she is no longer selected'));
    await page.locator('.result-row .facts a.province', { hasText: 'Điện Biên' }).first().click();
    await page.waitForFunction(() => document.querySelector('.entity-card h2')?.textContent === 'Điện Biên'
      && !document.querySelector('.entity-card[aria-busy]'), null, { timeout: 2000 })
      .catch(() => assert(false, 'the province card shows, up to date'));
  });

  test('a person named with many titles lists the most mentioned first, the rest on request', async ({ page, base, scratch }) => {
    // Twelve titles: "Chức vụ 1" is mentioned once, "Chức vụ 12" twelve times, each first held
    // in the month of its number, so the eight most mentioned are 5 to 12, in that order.
    const articles = [];
    for (let k = 1; k <= 12; k++) {
      for (let m = 1; m <= k; m++) {
        const month = String(k).padStart(2, '0');
        articles.push({
          id: `a${k}-${m}`, title: `Bài ${k}.${m}`, published: `2023-${month}-${String(m).padStart(2, '0')}`,
          source: null, author: null, views: null, body: [{ type: 'paragraph', text: 'Nội dung.' }],
          province: null, conferences: [], people: [{ name: 'Lò Văn Mười', titles: [`Chức vụ ${k}`] }],
        });
      }
    }
    const bundle = { schema: 1, generated: '2024-01-01T00:00:00Z', title: 'chức vụ', articles };
    await writeFile(join(scratch, 'titles.json'), JSON.stringify(bundle));
    await open(page, base, `/?bundle=scratch/titles.json&nguoi=${encodeURIComponent('Lò Văn Mười')}`);
    await page.waitForSelector('.entity-card .held-title');
    const titles = () => page.locator('.held-title').allTextContents();
    const expected = (from) => Array.from({ length: 13 - from }, (_, i) => `Chức vụ ${from + i}`);
    assert(JSON.stringify(await titles()) === JSON.stringify(expected(5)), `the eight most mentioned, by date: ${await titles()}`);
    const more = page.locator('.entity-card button.more');
    assert((await more.textContent()) === 'Thêm 4…', `the rest are one click away: ${await more.textContent()}`);
    await more.click();
    await page.waitForFunction(() => document.querySelectorAll('.held-title').length === 12);
    assert(JSON.stringify(await titles()) === JSON.stringify(expected(1)), `every title, by date: ${await titles()}`);
    assert((await more.textContent()) === 'Thu gọn', 'and can be folded again');
  });

  test('a cited document opens its page with first and last mention', async ({ page, base }) => {
    await open(page, base, '/?q=giao+ban+quy+I');
    await page.locator('.result-row .article-title').first().click();
    await page.locator('.cited a.document', { hasText: '132-KH/TU' }).click();
    await page.waitForSelector('.entity-card');
    const card = await page.locator('.entity-card').textContent();
    assert(card.includes('Kế hoạch') && card.includes('23/02/2023'), `type and date of issue: ${card}`);
    assert(card.includes('Được dẫn trong 1 bài'), `cited once: ${card}`);
  });

  test('a province opens its page with counts per year, and the citation names the source', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('.result-row .facts a.province', { hasText: 'Điện Biên' }).click();
    await page.waitForSelector('.entity-card .year-bars');
    const years = await page.locator('.year-bars li').allTextContents();
    assert(years.length === 1 && years[0].includes('2024') && years[0].includes('Tổng kết 1'), `years: ${years}`);
    // Its one conference sits on the mini timeline, 17 January being early in 2024.
    const marks = page.locator('.entity-card .mini-mark');
    assert((await marks.count()) === 1, 'one conference on the mini timeline');
    const label = await marks.first().getAttribute('aria-label');
    assert(label.startsWith('Tổng kết · ngày 17 tháng 1 năm 2024'), `the mark names kind and date: ${label}`);
    const left = await marks.first().evaluate((el) => parseFloat(el.style.left));
    assert(left > 0 && left < 10, `placed early in the year: ${left}%`);
    await marks.first().click();
    await page.waitForSelector('.reader-body');
    assert((await page.locator('.reader-title').textContent()).startsWith('Hội nghị tổng kết công tác dân vận năm 2023'),
      'the mark opens its article');
    await back(page);
    await page.waitForSelector('.entity-card .year-bars');
    await page.locator('.result-row .article-title').first().click();
    const citation = await page.locator('.citation').textContent();
    assert(citation.includes('Trang thông tin điện tử Đảng bộ tỉnh Điện Biên') && citation.includes('18/01/2024'),
      `citation: ${citation}`);
  });

  test('printing the reader prints the article and its citation, nothing around it', async ({ page, base }) => {
    await open(page, base, '/?q=giao+ban+quy+I');
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader-body');
    await page.emulateMedia({ media: 'print' });
    const shown = async (selector) => page.locator(selector).first().isVisible();
    for (const hidden of ['.topbar', '.reader-nav', '.cite button', '.cite h2']) {
      assert(!(await shown(hidden)), `${hidden} is not printed`);
    }
    for (const printed of ['.reader-title', '.conference', '.reader-body', '.citation']) {
      assert(await shown(printed), `${printed} is printed`);
    }
    const citation = await page.locator('.citation').textContent();
    assert(citation.includes('Giao ban công tác Dân vận Quý I/2023') && citation.includes('http'),
      `the printed source line names the article and where it is: ${citation}`);
    await page.emulateMedia({ media: 'screen' });
    assert(await shown('.topbar'), 'the screen view is back');
  });

  test('opening articles and going back in quick succession keeps the app alive', async ({ page, base }) => {
    await open(page, base, '/');
    // No pause: each article opens as soon as the list is back, before the list's first frame.
    await page.evaluate(async () => {
      const tick = () => new Promise((r) => setTimeout(r, 0));
      for (let i = 0; i < 5; i++) {
        document.querySelectorAll('.result-row .article-title')[i].click();
        while (!document.querySelector('.reader')) await tick();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        history.back();
        while (!document.querySelector('.result-row') || document.querySelector('.reader')) await tick();
      }
    });
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader-body p');
    assert((await page.locator('.error-screen').count()) === 0, 'no error screen');
  });
}
