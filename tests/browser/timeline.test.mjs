// The conference timeline (?view=timeline): marks in the right lanes and order, zoom by buttons,
// keys and wheel, keyboard walking in time order, clicks that open the article, brushing that
// sets the conference-date filter, the window kept in the URL, and lanes that follow the search.
// The marks are painted on a canvas; what is checked here is the accessible layer over them
// (one focusable element per mark, placed over it), which is what keyboard users, screen
// readers and clicks reach.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, ROOT, settledUrl, back } from './helpers.mjs';

/** Each seed conference by province: its article id and conference date. */
async function seedConferences() {
  const bundle = JSON.parse(await readFile(join(ROOT, 'public', 'articles.json'), 'utf8'));
  const byProvince = {};
  for (const a of bundle.articles) {
    byProvince[a.province.name] = { id: a.id, title: a.title, date: a.conferences[0].date };
  }
  return byProvince;
}

async function openTimeline(page, base, query = '') {
  await page.goto(`${base}/?view=timeline${query}`);
  await page.waitForSelector('.timeline .tl-mark, .timeline .empty', { timeout: 20000 });
}

const laneLabels = (page) => page.locator('.tl-lane-label').allTextContents();

/** The marks in DOM order (the Tab order): lane name, article id, date and x on screen. */
async function marks(page) {
  return page.$$eval('.tl-mark', (els) => els.map((el) => {
    const lane = el.getAttribute('data-lane');
    const label = document.querySelectorAll('.tl-lane-label')[Number(lane)]?.textContent;
    const box = el.getBoundingClientRect();
    return { lane: label, article: el.dataset.article, date: el.dataset.date, x: box.x + box.width / 2 };
  }));
}

const axisLabels = (page) => page.locator('.tl-tick-label').allTextContents();

const focused = (page) => page.evaluate(() => ({
  date: document.activeElement?.dataset?.date,
  article: document.activeElement?.dataset?.article,
}));

export default function (test) {
  test('timeline: the five seed conferences sit in their province lanes, in time order', async ({ page, base }) => {
    const seeds = await seedConferences();
    await openTimeline(page, base);
    const lanes = await laneLabels(page);
    assert(lanes.join('|') === 'Bến Tre|Điện Biên|Gia Lai|Ninh Bình|Phú Yên', `lanes in Vietnamese order: ${lanes}`);
    const shown = await marks(page);
    assert(shown.length === 5, `five marks: ${JSON.stringify(shown)}`);
    for (const m of shown) {
      const seed = seeds[m.lane];
      assert(seed && seed.id === m.article && seed.date === m.date, `mark in the right lane at its conference date: ${JSON.stringify(m)}`);
    }
    const dates = shown.map((m) => m.date);
    assert(dates.join() === [...dates].sort().join(), `marks in time order: ${dates}`);
    const xs = shown.map((m) => m.x);
    assert(xs.every((x, i) => i === 0 || x > xs[i - 1]), `later conferences further right: ${xs}`);
    const periods = await page.$$eval('.tl-mark', (els) => els.map((el) => el.dataset.period));
    assert(periods.includes('2022-01-01~2022-06-30') && periods.every(Boolean), `each mark carries its reviewed period: ${periods}`);
    const painted = await page.$eval('.tl-canvas', (c) => c.width > 0 && c.height > 0);
    assert(painted, 'the canvas has a size');
    const legend = (await page.locator('.tl-legend').textContent()).normalize('NFC');
    for (const kind of ['Giao ban', 'Sơ kết', 'Tổng kết', 'Ký kết']) assert(legend.includes(kind), `legend lists ${kind}`);
    assert((await page.locator('.view-switch').textContent()).trim() === 'Danh sách', 'the header links back to the list');
  });

  test('timeline: zoom with buttons, keys and wheel adapts the axis', async ({ page, base }) => {
    await openTimeline(page, base);
    const first = await axisLabels(page);
    assert(first.every((l) => /^(\d{4}|Quý [IV]+\/\d{4})$/.test(l)), `fitted to years or quarters: ${first}`);
    const spread = async () => { const xs = (await marks(page)).map((m) => m.x); return xs[xs.length - 1] - xs[0]; };
    const before = await spread();
    await page.click('.tl-zoom-in');
    await page.waitForFunction((b) => {
      const xs = [...document.querySelectorAll('.tl-mark')].map((e) => e.getBoundingClientRect().x);
      return xs.length < 5 || Math.max(...xs) - Math.min(...xs) > b * 1.3;
    }, before);
    await page.focus('.tl-lanes');
    for (let i = 0; i < 12; i++) await page.keyboard.press('+');
    const days = await axisLabels(page);
    assert(days.length > 0 && days.every((l) => /^\d{1,2}\/\d{1,2}$/.test(l)), `zoomed in to days: ${days}`);
    assert((await page.locator('.tl-context').count()) >= 1, 'the month is named above the days');
    for (let i = 0; i < 20; i++) await page.keyboard.press('-');
    const decades = await axisLabels(page);
    assert(decades.every((l) => /^\d{4}$/.test(l)), `zoomed out to years: ${decades}`);
    await page.keyboard.press('0');
    await page.waitForFunction(() => document.querySelectorAll('.tl-mark').length === 5);
    const fitted = await spread();
    const box = await page.locator('.tl-lanes').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((b) => {
      const xs = [...document.querySelectorAll('.tl-mark')].map((e) => e.getBoundingClientRect().x);
      return xs.length < 5 || Math.max(...xs) - Math.min(...xs) > b * 1.5;
    }, fitted);
  });

  test('timeline: Tab and arrows walk marks in time order, the card shows, Enter opens', async ({ page, base }) => {
    const seeds = await seedConferences();
    await openTimeline(page, base);
    await page.focus('.tl-lanes');
    await page.keyboard.press('Tab');
    assert((await focused(page)).date === '2021-04-02', `Tab reaches the earliest first: ${JSON.stringify(await focused(page))}`);
    await page.keyboard.press('Tab');
    assert((await focused(page)).date === '2022-08-04', 'then the next in time');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.dataset?.date === '2022-12-20');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.activeElement?.dataset?.date === '2022-08-04');
    const card = (await page.locator('.tl-card').textContent()).normalize('NFC');
    assert(card.includes('Sơ kết') && card.includes('04/08/2022') && card.includes('Bến Tre'), `card: ${card}`);
    assert(card.includes('6 tháng đầu năm 2022'), `the card names the reviewed period: ${card}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.reader');
    const url = new URL(await settledUrl(page));
    assert(url.searchParams.get('a') === seeds['Bến Tre'].id, `Enter opened the Bến Tre article: ${page.url()}`);
    assert(url.searchParams.get('view') === 'timeline', 'back leads to the timeline');
  });

  test('timeline: a click opens the right article, and brushing sets the date filter', async ({ page, base }) => {
    const seeds = await seedConferences();
    await openTimeline(page, base);
    await page.locator(`.tl-mark[data-article="${seeds['Gia Lai'].id}"]`).click();
    await page.waitForSelector('.reader');
    const title = (await page.locator('.reader-title').textContent()).trim().normalize('NFC');
    assert(title === seeds['Gia Lai'].title.normalize('NFC'), `the Gia Lai article opened: ${title}`);
    await back(page);
    await page.waitForSelector('.tl-mark');
    const xs = (await marks(page)).map((m) => m.x);
    const box = await page.locator('.tl-lanes').boundingBox();
    await page.keyboard.down('Shift');
    await page.mouse.move(xs[1] - 10, box.y + 20);
    await page.mouse.down();
    await page.mouse.move((xs[1] + xs[3]) / 2, box.y + 30, { steps: 4 });
    await page.mouse.move(xs[3] + 10, box.y + 40, { steps: 4 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('hop_tu'));
    const url = new URL(await settledUrl(page));
    const [from, to] = [url.searchParams.get('hop_tu'), url.searchParams.get('hop_den')];
    assert(from <= '2022-08-04' && from > '2022-07-01' && to >= '2023-04-07' && to < '2023-05-01', `brushed range of conference dates: ${from} – ${to}`);
    assert(!url.searchParams.has('tu'), 'the publication dates are left alone');
    assert(url.searchParams.get('view') === 'timeline' && url.searchParams.has('tl'), 'still on the timeline, showing the range');
    // What was under the brush is what stays: the three conferences held in it.
    await page.waitForFunction(() => document.querySelectorAll('.tl-mark').length === 3);
    const kept = (await marks(page)).map((m) => m.date).sort();
    assert(kept.join() === '2022-08-04,2022-12-20,2023-04-07', `conferences in the range: ${kept}`);
    assert((await page.locator('.tl-held').textContent()).includes(from), 'the range is shown with a way to clear it');
    await page.locator('.view-switch').click();
    await page.waitForSelector('.results-pane');
    assert((await page.locator('.result-row').count()) === 3, 'the list holds the same three articles');
  });

  test('timeline: the window is kept in the URL, for links and for back and forward', async ({ page, base }) => {
    await openTimeline(page, base);
    assert(!new URL(await settledUrl(page)).searchParams.has('tl'), 'everything is shown without a window in the URL');
    await page.focus('.tl-lanes');
    for (let i = 0; i < 3; i++) await page.keyboard.press('+');
    await page.waitForFunction(() => new URL(location.href).searchParams.has('tl'));
    const zoomed = await settledUrl(page);
    const labels = await axisLabels(page);
    // Pan, then come back with the browser's back button.
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((u) => location.href !== u, zoomed);
    await back(page);
    await page.waitForFunction((l) => [...document.querySelectorAll('.tl-tick-label')].map((t) => t.textContent).join() === l.join(), labels);
    await back(page);
    await page.waitForFunction(() => !new URL(location.href).searchParams.has('tl'));
    await page.waitForFunction(() => document.querySelectorAll('.tl-mark').length === 5);
    // A shared link shows the same window.
    const other = await page.context().newPage();
    await other.goto(zoomed);
    await other.waitForSelector('.tl-tick-label');
    const shared = await axisLabels(other);
    assert(shared.join() === labels.join(), `the link shows the same window: ${shared} vs ${labels}`);
    await other.close();
    // Leaving right after a gesture: the pending URL update must not reach into the list.
    await page.focus('.tl-lanes');
    await page.keyboard.press('+');
    await page.locator('.view-switch').click();
    await page.waitForSelector('.results-pane');
    await page.waitForTimeout(800);
    assert((await page.locator('.result-row').count()) === 5, 'the list is still there');
  });

  test('timeline: lanes follow the search and the lane choice in the URL', async ({ page, base }) => {
    await openTimeline(page, base, '&loai=tong_ket');
    assert((await laneLabels(page)).join('|') === 'Điện Biên|Gia Lai', 'only the tổng kết provinces have lanes');
    assert((await page.locator('.tl-mark').count()) === 2, 'two conferences');
    await openTimeline(page, base, '&lan=loai&xeplan=nhieu');
    const lanes = await laneLabels(page);
    assert(lanes[0] === 'Tổng kết' && lanes.length === 4, `lanes by kind, busiest first: ${lanes}`);
    await page.selectOption('#tl-lanes', 'vung');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('lan') === 'vung');
    await page.waitForFunction(() => document.querySelector('.tl-lane-label')?.textContent.startsWith('Duyên hải'));
    // Narrowing from the timeline keeps the timeline and its lane choice.
    await page.locator('[data-facet="loai"] .facet-value', { hasText: 'Tổng kết' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.tl-mark').length === 2);
    const url = new URL(await settledUrl(page));
    assert(url.searchParams.get('view') === 'timeline' && url.searchParams.get('lan') === 'vung',
      `a facet click stays on the timeline: ${url}`);
    await page.locator('#q').fill('dien bien');
    await page.waitForFunction(() => document.querySelectorAll('.tl-mark').length === 1);
    assert(new URL(await settledUrl(page)).searchParams.get('view') === 'timeline', 'typing stays on the timeline');
    await page.locator('.view-switch').click();
    await page.waitForSelector('.results-pane');
    assert(!new URL(await settledUrl(page)).searchParams.has('view'), 'the list view drops view=timeline');
  });
}
