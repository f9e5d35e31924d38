// Bookmarks and the reading list: saved in the browser, listed with notes, exported and imported
// as a JSON file; foreign ids are kept and malformed files explain themselves.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, settledUrl } from './helpers.mjs';

const LIST = '/?view=danhsachdoc';

async function openList(page, base) {
  await page.goto(base + LIST);
  await page.waitForSelector('.reading-list');
}

const savedTitles = (page) => page.locator('.saved-article .article-title').allTextContents();

export default function (test) {
  test('bookmarks: save from the list and the reader, survive a reload, note and remove', async ({ page, base }) => {
    await open(page, base, '/?sort=cu');
    const star = page.locator('.result-row .bookmark-toggle').first();
    assert((await star.getAttribute('aria-pressed')) === 'false', 'not saved yet');
    assert((await star.getAttribute('aria-label')) === 'Lưu vào danh sách đọc', 'an accessible label');
    await star.click();
    assert((await star.getAttribute('aria-pressed')) === 'true', 'pressed once saved');
    const first = (await page.locator('.result-row .article-title').first().textContent()).trim();
    await page.locator('.result-row .article-title').nth(1).click();
    await page.waitForSelector('.reader');
    const second = (await page.locator('.reader-title').textContent()).trim();
    await page.locator('.reader > .bookmark-toggle').click();
    await page.waitForSelector('.reader > .bookmark-toggle[aria-pressed="true"]');
    assert((await page.locator('.reading-list-link').textContent()).includes('(2)'), 'the header counts two');

    await page.reload();
    await page.waitForSelector('.reader > .bookmark-toggle[aria-pressed="true"]');
    await page.locator('.reading-list-link').click();
    await page.waitForSelector('.saved-article');
    assert((await savedTitles(page)).join('|') === [first, second].join('|'), `both listed in order: ${await savedTitles(page)}`);
    assert((await page.locator('.saved-article .date').first().textContent()) === '02/04/2021', 'with their date');

    await page.locator('.saved-article textarea').first().fill('đọc lại phần kết luận');
    await page.locator('.saved-article textarea').first().blur();
    await page.locator(`.saved-article .remove[aria-label="Bỏ khỏi danh sách: ${second}"]`).click();
    await page.waitForFunction(() => document.querySelectorAll('.saved-article').length === 1);
    await openList(page, base);
    assert((await savedTitles(page)).join() === first, 'the removal survives a reload');
    assert((await page.locator('.saved-article textarea').inputValue()) === 'đọc lại phần kết luận', 'the note too');
    await page.locator('.saved-article .article-title').click();
    await page.waitForSelector('.reader');
  });

  test('bookmarks: export, then import into a fresh browser profile, foreign ids kept', async ({ page, context, base, scratch }) => {
    await open(page, base, '/');
    await page.locator('.result-row .bookmark-toggle').nth(0).click();
    await page.locator('.result-row .bookmark-toggle').nth(2).click();
    await openList(page, base);
    await page.locator('.saved-article textarea').first().fill('ghi chú');
    await page.locator('.saved-article textarea').first().blur();
    await page.waitForFunction(() => localStorage.getItem('hoinghi-bookmarks')?.includes('ghi chú'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#bookmarks-export').click()]);
    assert(download.suggestedFilename() === 'hoinghi-danh-sach-doc.json', download.suggestedFilename());
    const file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert(file.format === 'hoinghi-bookmarks' && file.version === 1, 'format and version');
    assert(file.bundle.title === 'Hội nghị công tác dân vận · 5 bài mẫu' && file.bundle.generated, 'the bundle it came from');
    assert(file.bookmarks.length === 2 && file.bookmarks.every((b) => b.id && b.title), 'ids with titles');
    assert(file.bookmarks[0].note === 'ghi chú', 'the note');
    file.bookmarks.push({ id: 'khong-co-o-day', title: 'Bài của bộ khác', bundle: 'Bộ khác' });
    const path = join(scratch, 'bookmarks.json');
    await writeFile(path, JSON.stringify(file));

    const fresh = await context.browser().newContext();
    try {
      const other = await fresh.newPage();
      await openList(other, base);
      assert((await other.locator('.saved-article').count()) === 0, 'a fresh profile has none');
      await other.locator('#bookmarks-import').setInputFiles(path);
      await other.waitForSelector('.import-outcome .ok');
      assert((await other.locator('.import-outcome').textContent()).includes('3 bài mới, 0 bài'), 'three new');
      const titles = await savedTitles(other);
      assert(titles.length === 3 && titles[2] === 'Bài của bộ khác', `imported: ${titles}`);
      assert((await other.locator('.missing-note').textContent()).includes('Bộ khác'), 'the foreign id is shown as such');
      assert((await other.locator('.saved-article textarea').first().inputValue()) === 'ghi chú', 'notes come along');
      // Importing again merges: nothing new.
      await other.locator('#bookmarks-import').setInputFiles(path);
      await other.waitForFunction(() => document.querySelector('.import-outcome').textContent.includes('0 bài mới, 3 bài'));
      await other.reload();
      await other.waitForSelector('.saved-article');
      assert((await other.locator('.saved-article').count()) === 3, 'kept after a reload');
    } finally {
      await fresh.close();
    }
  });

  test('bookmarks: a damaged stored list is set aside, not overwritten unseen', async ({ page, base }) => {
    await open(page, base, '/');
    await page.evaluate(() => localStorage.setItem('hoinghi-bookmarks', '{"format": "hoinghi-b'));
    await page.reload();
    await page.waitForSelector('.result-row');
    await page.locator('.result-row .bookmark-toggle').first().click();
    const [damaged, saved] = await page.evaluate(() =>
      [localStorage.getItem('hoinghi-bookmarks-damaged'), JSON.parse(localStorage.getItem('hoinghi-bookmarks'))]);
    assert(damaged === '{"format": "hoinghi-b', `the damaged text is kept: ${damaged}`);
    assert(saved.bookmarks.length === 1, 'a fresh list is saved');
  });

  test('bookmarks: a malformed or foreign file shows why and changes nothing', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('.result-row .bookmark-toggle').first().click();
    await openList(page, base);
    let previous = '';
    const importing = async (name, text) => {
      await page.locator('#bookmarks-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await page.waitForFunction((before) => {
        const shown = document.querySelector('.import-outcome .import-error')?.textContent;
        return shown && shown !== before;
      }, previous);
      previous = await page.locator('.import-outcome').textContent();
      return previous;
    };
    const broken = await importing('broken.json', '{"format": "hoinghi-bookmarks", "version": 1, "bookmarks": [');
    assert(broken.includes('không phải JSON hợp lệ') && broken.includes('dòng 1'), `broken: ${broken}`);
    const bundle = await importing('articles.json', '{"schema": 1, "articles": []}');
    assert(bundle.includes('không phải danh sách đọc'), `not ours: ${bundle}`);
    const future = await importing('future.json', '{"format": "hoinghi-bookmarks", "version": 9, "bookmarks": []}');
    assert(future.includes('phiên bản 9'), `future version: ${future}`);
    assert((await page.locator('.saved-article').count()) === 1, 'the list is unchanged');
    // The reading list does not follow the search: searching from it shows the results.
    await page.locator('#q').fill('giao ban');
    await page.waitForSelector('.results-pane');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'giao ban', null, { timeout: 3000 });
    assert(!new URL(await settledUrl(page)).searchParams.get('view'), `a search leaves the reading list: ${page.url()}`);
  });
}
