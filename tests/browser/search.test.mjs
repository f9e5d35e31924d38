// Search and facets: folding, prefixes, disjunctive facet counts, field filters, shareable links.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, resultTitles, resultCount, settledUrl, back } from './helpers.mjs';

export default function (test) {
  test('a query without diacritics finds and highlights the accented words', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('#q').pressSequentially('dan van kheo', { delay: 20 });
    await page.waitForFunction(() => document.querySelectorAll('.result-row mark').length > 0);
    const marks = await page.locator('.result-row mark').allTextContents();
    assert(marks.some((m) => m.normalize('NFC') === 'khéo'), `"khéo" is highlighted: ${marks}`);
    assert(marks.some((m) => m.normalize('NFC') === 'Dân' || m === 'dân'), `"Dân" is highlighted: ${marks}`);
    // The address bar follows once typing pauses.
    await page.waitForFunction(() => new URLSearchParams(location.search).get('q') === 'dan van kheo', null, { timeout: 3000 })
      .catch(() => assert(false, `the query is in the URL: ${page.url()}`));
    // Upper case with diacritics finds the same articles.
    const folded = await resultTitles(page);
    await open(page, base, '/?q=' + encodeURIComponent('DÂN VẬN KHÉO'));
    assert((await resultTitles(page)).join('|') === folded.join('|'), 'case and marks do not change the hits');
  });

  test('a prefix finds words while typing, and no match says so', async ({ page, base }) => {
    await open(page, base, '/?q=' + encodeURIComponent('Rạch Miễ'));
    const titles = await resultTitles(page);
    assert(titles.length === 1 && titles[0].startsWith('Phó Bí thư'), `only the Bến Tre seed mentions Rạch Miễu: ${titles}`);
    await open(page, base, '/?q=zzqqxx');
    assert((await page.locator('.empty').count()) === 1, 'an empty result says so');
  });

  test('facet counts follow the search and a facet click filters (and back undoes it)', async ({ page, base }) => {
    await open(page, base, '/');
    assert((await resultCount(page)).startsWith('5'), 'all five to start with');
    const kind = page.locator('[data-facet="loai"] .facet-value', { hasText: 'Tổng kết' });
    const label = (await kind.textContent()).replace(/\s+/g, ' ');
    assert(/Tổng kết.*2/.test(label), `two seeds report a tổng kết: ${label}`);
    await kind.click();
    await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('2'));
    assert(new URL(await settledUrl(page)).searchParams.get('loai') === 'tong_ket', `the facet is in the URL: ${page.url()}`);
    // Disjunctive within a facet: the other kinds still show what they would add.
    const giaoBan = (await page.locator('[data-facet="loai"] .facet-value', { hasText: 'Giao ban' }).textContent());
    assert(/1\s*$/.test(giaoBan.trim()), `Giao ban still counts 1 while Tổng kết is selected: ${giaoBan}`);
    // Conjunctive across facets: provinces count only within tổng kết.
    const provinces = await page.locator('[data-facet="tinh"] .facet-label').allTextContents();
    assert(provinces.sort().join() === 'Gia Lai,Điện Biên'.split(',').sort().join(), `provinces within tổng kết: ${provinces}`);
    await back(page);
    await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('5'));
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('2'));
  });

  test('the side panels follow the results a frame later, and at once when the pointer reaches them', async ({ page, base }) => {
    await open(page, base, '/');
    // In one task: type, let the results follow (microtasks), and read both sides.
    const state = () => ({
      busy: document.querySelector('.facets').getAttribute('aria-busy'),
      count: document.querySelector('.result-count').textContent.trim(),
      provinces: [...document.querySelectorAll('[data-facet="tinh"] .facet-label')].map((l) => l.textContent),
    });
    const typed = await page.evaluate(async (read) => {
      const box = document.querySelector('#q');
      box.value = 'Rạch Miễu';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await Promise.resolve();
      await new Promise((r) => queueMicrotask(r));
      const before = (0, eval)(read)();
      document.querySelector('.facets').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      await new Promise((r) => queueMicrotask(r));
      return { before, after: (0, eval)(read)() };
    }, `(${state})`);
    assert(typed.before.count.startsWith('1'), `the results follow within the keystroke: ${typed.before.count}`);
    assert(typed.before.busy === 'true' && typed.before.provinces.length === 5,
      `the panel still shows the previous search, and says so: ${JSON.stringify(typed.before)}`);
    assert(typed.after.busy === null && typed.after.provinces.join() === 'Bến Tre',
      `a pointer on the panel brings it up to date: ${JSON.stringify(typed.after)}`);
    // Without any pointer, it follows by itself after the frame.
    await page.evaluate(() => {
      const box = document.querySelector('#q');
      box.value = '';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForFunction(() => !document.querySelector('.facets[aria-busy]')
      && document.querySelectorAll('[data-facet="tinh"] .facet-label').length === 5, null, { timeout: 2000 });
  });

  test('a row that stays in view while the query grows keeps its element and marks the new words', async ({ page, base }) => {
    await open(page, base, '/?q=' + encodeURIComponent('Rạch'));
    const row = await page.locator('.result-row').first().elementHandle();
    const title = await row.$eval('.article-title', (a) => a.textContent);
    await page.locator('#q').fill('Rạch Miễu');
    await page.waitForFunction((r) => [...r.querySelectorAll('.snippet mark')].some((m) => m.textContent === 'Miễu'), row, { timeout: 2000 })
      .catch(() => assert(false, 'the kept row marks the new word in its snippet'));
    assert(await row.evaluate((r) => r.isConnected), 'the same element still shows the article');
    assert((await row.$eval('.article-title', (a) => a.textContent)) === title, 'and the same article');
    assert((await row.$eval('.article-title', (a) => a.getAttribute('href'))).includes('Mi%E1%BB%85u'),
      'its link carries the new query');
  });

  test('while typing pauses, the likeliest next keystrokes are searched ahead, and only then', async ({ page, base }) => {
    // The app then names each prepared query in a user-timing mark (src/app/context.rs).
    await page.addInitScript(() => { window.hoinghiProfile = true; });
    await open(page, base, '/');
    const prepared = () => page.evaluate(() => performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('hoinghi:prepared ')).map((m) => m.name.slice('hoinghi:prepared '.length)));
    const type = (q) => page.evaluate((q) => {
      performance.clearMarks();
      const box = document.querySelector('#q');
      box.value = q;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, q);
    await type('dân v');
    await page.waitForFunction(() => performance.getEntriesByType('mark').some((m) => m.name.startsWith('hoinghi:prepared ')),
      null, { timeout: 3000 }).catch(() => assert(false, 'a pause after "dân v" prepares the next keystrokes'));
    await page.waitForTimeout(500);
    const next = await prepared();
    // The seeds write `v` before `a` most (và, vận, văn, vào): that one first.
    assert(next[0] === 'dân va', `"dân va" is prepared first: ${next}`);
    assert(next.length <= 4 && new Set(next).size === next.length, `at most four, each once: ${next}`);
    assert(next.every((q) => q.startsWith('dân v') && [...q].length === 6), `each is "dân v" and one more letter: ${next}`);
    // Between words the next keystroke starts a word, which matches that one word only: nothing to prepare.
    await type('dân ');
    await page.waitForTimeout(500);
    assert((await prepared()).length === 0, `nothing prepared after a space: ${await prepared()}`);
    // A query that changes before the pause is over prepares nothing for the old one.
    await type('dân v');
    await type('zzqq');
    await page.waitForTimeout(500);
    assert((await prepared()).every((q) => q.startsWith('zzqq')), `only the latest query's: ${await prepared()}`);
  });

  test('field filters in the query narrow like facets; a malformed query degrades with a notice', async ({ page, base }) => {
    await open(page, base, '/?q=' + encodeURIComponent('tinh:phu yen'));
    assert((await resultTitles(page)).join() === 'Giao ban công tác Dân vận Quý I/2023', 'tinh:phu yen finds the Phú Yên seed');
    await open(page, base, '/?q=' + encodeURIComponent('"dân vận'));
    const notices = await page.locator('.notices li').allTextContents();
    assert(notices.length > 0, 'an unclosed quote is reported');
    assert((await resultTitles(page)).length > 0, 'and the words are still searched');
  });

  test('a shared search link restores query, filters and results', async ({ page, base }) => {
    await open(page, base, '/?q=hoi+nghi&nam=2022&nam=2023&sort=cu');
    const titles = await resultTitles(page);
    assert(titles.length === 2 && titles[0].includes('6 tháng đầu năm 2022') && titles[1].includes('Quý I/2023'),
      `the 2022 and 2023 seeds, oldest first: ${titles}`);
    assert((await page.locator('#q').inputValue()) === 'hoi nghi', 'the box shows the query');
    assert((await page.locator('#sort').inputValue()) === 'cu', 'the sort is restored');
    const selected = await page.locator('[data-facet="nam"] .facet-value.selected .facet-label').allTextContents();
    assert(selected.sort().join() === '2022,2023', `the years are shown selected: ${selected}`);
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader');
    assert((await page.locator('.reader mark').count()) > 0, 'the reader highlights the search words');
    assert((await page.locator('.reader-nav .next').count()) === 1, 'the reader links to the next result');
  });

  test('the date fields narrow by publication date and show the range from a link', async ({ page, base }) => {
    await open(page, base, '/');
    await page.locator('#date-from').fill('2023-01-01');
    await page.waitForFunction(() => document.querySelector('.result-count').textContent.trim().startsWith('2'));
    assert(new URL(await settledUrl(page)).searchParams.get('tu') === '2023-01-01', `tu in the URL: ${page.url()}`);
    await open(page, base, '/?den=2022-12-31');
    assert((await page.locator('#date-to').inputValue()) === '2022-12-31', 'the field shows the linked bound');
    assert((await resultCount(page)).startsWith('2'), 'two seeds published before 2023');
  });

  test('a long result list scrolls in its own box and draws only the rows in view', async ({ page, base, scratch }) => {
    const articles = Array.from({ length: 2000 }, (_, i) => ({
      id: `bai-${i}`, title: `Bài số ${i}`, published: `2023-${String(1 + (i % 12)).padStart(2, '0')}-10`,
      source: null, author: null, views: null, province: null, conferences: [],
      body: [{ type: 'paragraph', text: `Nội dung bài số ${i}.` }],
    }));
    await writeFile(join(scratch, 'long.json'), JSON.stringify({ schema: 1, generated: '2024-01-01T00:00:00Z', title: 'dài', articles }));
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, base, '/?bundle=scratch/long.json');
    const rows = () => page.locator('.result-row').count();
    const drawn = await rows();
    assert(drawn > 3 && drawn < 20, `only the rows in view are drawn: ${drawn}`);
    const box = await page.locator('.results-viewport').evaluate((v) => [v.clientHeight, v.scrollHeight]);
    assert(box[0] < 900 && box[1] > 2000 * 100, `the list scrolls inside its box: ${box}`);
    await page.locator('.results-viewport').evaluate((v) => { v.scrollTop = v.scrollHeight; });
    await page.waitForSelector('.result-row[aria-posinset="2000"]', { timeout: 5000 });
    assert(await rows() < 30, `still only a window of rows: ${await rows()}`);
    await page.locator('.results-viewport').evaluate((v) => { v.scrollTop = v.scrollHeight / 2; });
    await page.waitForSelector('.result-row[aria-posinset="1000"], .result-row[aria-posinset="1001"]', { timeout: 5000 });
  });

  test('rows scrolled out of view are reused for the rows scrolled in, each showing its own article', async ({ page, base, scratch }) => {
    // Every third article undated, so reused rows switch between a date and "date unknown".
    const date = (i) => (i % 3 === 0 ? null : `2023-${String(1 + (i % 12)).padStart(2, '0')}-10`);
    const articles = Array.from({ length: 300 }, (_, i) => ({
      id: `bai-${i}`, title: `Bài số ${i}`, published: date(i),
      source: null, author: null, views: null, province: null, conferences: [],
      body: [{ type: 'paragraph', text: `Nội dung bài số ${i}.` }],
    }));
    await writeFile(join(scratch, 'reuse.json'), JSON.stringify({ schema: 1, generated: '2024-01-01T00:00:00Z', title: 'dài', articles }));
    // Without a query the list is newest first, undated last, ties in archive order. The search
    // ranks only the first screen's worth at once and the rest when scrolled to: both must
    // follow this one order.
    const ranked = articles.map((_, i) => i).sort((x, y) => {
      const [dx, dy] = [date(x), date(y)];
      if (dx === dy) return x - y;
      if (dx === null || dy === null) return dx === null ? 1 : -1;
      return dx < dy ? 1 : -1;
    });
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, base, '/?bundle=scratch/reuse.json');
    const starred = Number((await page.locator('.result-row .article-title').first().textContent()).replace('Bài số ', ''));
    await page.locator('.result-row .bookmark-toggle').first().click();
    await page.waitForSelector('.result-row .bookmark-toggle[aria-pressed="true"]');
    const rows = () => page.evaluate(() => [...document.querySelectorAll('.result-row')].map((r) => ({
      pos: Number(r.getAttribute('aria-posinset')),
      n: Number(r.querySelector('.article-title').textContent.replace('Bài số ', '')),
      link: new URL(r.querySelector('.article-title').href).searchParams.get('a'),
      date: r.querySelector('.facts time')?.getAttribute('datetime') ?? null,
      unknown: r.querySelector('.facts .date.unknown') !== null,
      pressed: r.querySelector('.bookmark-toggle').getAttribute('aria-pressed') === 'true',
    })));
    const check = async (where) => {
      const shown = await rows();
      assert(shown.length > 3, `${where}: rows are drawn`);
      shown.forEach((r, k) => {
        const what = `${where}, row ${k} (Bài số ${r.n})`;
        assert(k === 0 || r.pos === shown[k - 1].pos + 1, `${what}: the page lists rows in order: ${shown.map((x) => x.pos)}`);
        assert(r.n === ranked[r.pos - 1], `${what}: is in rank order at ${r.pos}, where Bài số ${ranked[r.pos - 1]} belongs`);
        assert(r.link === `bai-${r.n}`, `${what}: links to its own article: ${r.link}`);
        assert(r.date === date(r.n) && r.unknown === (date(r.n) === null), `${what}: shows its own date: ${r.date}`);
        assert(r.pressed === (r.n === starred), `${what}: its star is its own`);
      });
    };
    await page.locator('.results-viewport').evaluate((v) => { v.scrollTop = 150 * 132; });
    await page.waitForSelector('.result-row[aria-posinset="151"]', { timeout: 5000 });
    await check('scrolled to the middle');
    await page.locator('.results-viewport').evaluate((v) => { v.scrollTop = 0; });
    await page.waitForSelector('.result-row[aria-posinset="1"]', { timeout: 5000 });
    await check('back at the top');
  });
}
