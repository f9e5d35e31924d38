// The interface language: Vietnamese by default, English on request, remembered, with dates and
// numbers written the way each language writes them, on every screen including the error screen.
import { assert, open, back } from './helpers.mjs';

const text = async (page, selector) => (await page.locator(selector).first().textContent()).trim();
const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

export default function (test) {
  test('language: Vietnamese by default, English from the header, remembered', async ({ page, base }) => {
    await open(page, base, '/');
    assert((await htmlLang(page)) === 'vi', 'html lang is vi');
    assert((await text(page, '.result-count')) === '5 bài viết', 'count in Vietnamese');
    assert((await page.locator('#q').getAttribute('placeholder')).startsWith('Tìm:'), 'placeholder in Vietnamese');
    assert((await text(page, '#language')) === 'English', 'the switch offers English');

    await page.locator('#language').click();
    assert((await htmlLang(page)) === 'en', 'html lang follows the choice');
    assert((await text(page, '.result-count')) === '5 articles', `count in English: ${await text(page, '.result-count')}`);
    assert((await page.locator('#q').getAttribute('placeholder')).startsWith('Search:'), 'placeholder in English');
    assert((await text(page, '.facet[data-facet="loai"] h2')) === 'Conference kind', 'facet heading in English');
    const kinds = await page.locator('.facet[data-facet="loai"] .facet-label').allTextContents();
    assert(kinds.includes('Annual review') && kinds.includes('Signing'), `kind values in English: ${kinds}`);
    assert((await text(page, '.view-switch')) === 'Timeline', 'view switch in English');
    assert((await text(page, '#language')) === 'Tiếng Việt', 'the switch offers Vietnamese back');

    // A query that cannot parse explains itself in the chosen language.
    await page.fill('#q', '"giao ban');
    await page.waitForSelector('.notices li');
    assert((await text(page, '.notices li')).startsWith('Unclosed quote'), 'query notice in English');
    await page.fill('#q', '');

    await page.reload();
    await page.waitForSelector('.result-row');
    assert((await htmlLang(page)) === 'en', 'the choice survives a reload');
    await page.locator('.article-title', { hasText: 'Giao ban công tác Dân vận Quý I/2023' }).click();
    await page.waitForSelector('.reader-body');
    assert((await text(page, '.conf-date')) === '7 April 2023', `conference date in English: ${await text(page, '.conf-date')}`);
    assert((await text(page, '.conference .kind')) === 'Briefing', 'conference kind in English');
    assert((await text(page, '.cite h2')) === 'Cite this', 'reader headings in English');

    await page.locator('#language').count().then((n) => assert(n === 1, 'the switch is there in the reader'));
    // The timeline and the overview speak it too.
    await open(page, base, '/?view=timeline');
    assert((await page.locator('.timeline').getAttribute('aria-label')) === 'Conference timeline', 'timeline in English');
    assert((await page.locator('.tl-legend').getAttribute('aria-label')) === 'Legend', 'timeline legend in English');
    await back(page);
    await page.waitForSelector('.reader-body');
    await page.locator('#language').click();
    assert((await text(page, '.conf-date')) === 'ngày 7 tháng 4 năm 2023', 'and back in Vietnamese');
    assert((await htmlLang(page)) === 'vi', 'html lang back to vi');
  });

  test('language: the error screen speaks the chosen language', async ({ page, base, allowConsoleErrors }) => {
    allowConsoleErrors(/404/);
    await open(page, base, '/');
    await page.locator('#language').click();
    await page.goto(`${base}/?bundle=missing.json`);
    await page.waitForSelector('.error-screen');
    assert((await text(page, '.error-screen h1')) === 'Could not open the bundle', 'error heading in English');
    assert((await text(page, '.error-screen .cause')).startsWith('the server answered HTTP 404'), 'the cause in English too');
    await page.locator('.error-screen #language').click();
    assert((await text(page, '.error-screen h1')) === 'Không mở được bộ dữ liệu', 'switchable on the error screen');
  });
}
