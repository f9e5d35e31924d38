// Hostile bundles: absurd sizes are refused record by record, and nothing about the user leaves
// with a request for a bundle.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assert, open, resultTitles } from './helpers.mjs';

const article = (id, extra = {}) => ({
  id, title: `Bài ${id}`, published: '2023-04-07', source: null, author: null, views: null,
  body: [{ type: 'paragraph', text: 'Nội dung.' }], province: null, conferences: [], ...extra,
});

export default function (test) {
  test('a 50 MB title and a million conferences are skipped with the limit named', async ({ page, base, scratch }) => {
    const bundle = {
      schema: 1, generated: '2024-01-01T00:00:00Z', title: 'absurd',
      articles: [
        article('huge-title', { title: 'x'.repeat(50 << 20) }),
        article('conferences', { conferences: Array.from({ length: 1_000_000 }, () => ({ date: null, kind: 'khac' })) }),
        article('bad-date', { published: '2023-02-30' }),
        article('fine'),
      ],
    };
    await writeFile(join(scratch, 'absurd.json'), JSON.stringify(bundle));
    await open(page, base, '/?bundle=scratch/absurd.json');
    assert((await resultTitles(page)).join() === 'Bài fine', 'the sound article shows');
    await page.locator('.warning summary').click();
    const reasons = (await page.locator('.warning li').allTextContents()).join('\n');
    assert(/article #1.*the limit is 8388608 bytes/.test(reasons), `the oversized title record is named: ${reasons}`);
    assert(/article #2.*the limit is 8388608 bytes/.test(reasons), `the conference flood is named: ${reasons}`);
    assert(reasons.includes('published: `2023-02-30` is not a valid ISO 8601 date'), `the invalid date is named: ${reasons}`);
  });

  test('bundles are fetched without cookies or credentials', async ({ page, context, base, requests }) => {
    await context.addCookies([{ name: 'session', value: 'secret', url: base }]);
    await open(page, base, '/?bundle=fixtures/partly-broken.json');
    const fetches = requests.filter((r) => r.url.startsWith('/fixtures/partly-broken.json'));
    assert(fetches.length > 0, 'the bundle was requested');
    assert(fetches.every((r) => !r.headers.cookie), `no cookie sent: ${JSON.stringify(fetches.map((r) => r.headers.cookie))}`);
  });
}
