// Exporting the current result set: the files hold exactly the results shown.
import { readFile } from 'node:fs/promises';
import { assert, open } from './helpers.mjs';

async function exported(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-export="${name}"]`).click(),
  ]);
  assert(download.suggestedFilename() === name, `file name: ${download.suggestedFilename()}`);
  return readFile(await download.path(), 'utf8');
}

export default function (test) {
  test('export: the filtered results as article and conference CSV and JSON', async ({ page, base }) => {
    await open(page, base, '/?loai=tong_ket');
    await page.locator('.export summary').click();
    const csv = await exported(page, 'bai-viet.csv');
    const lines = csv.trim().split('\r\n');
    assert(lines.length === 3 && lines[0].replace(/^\ufeff/, '').startsWith('id,title'), `header and two tổng kết articles: ${lines.length}`);
    assert(lines.some((l) => l.includes('Điện Biên')) && lines.some((l) => l.includes('Gia Lai')), 'the two provinces');
    const conferences = JSON.parse(await exported(page, 'hoi-nghi.json'));
    assert(conferences.length === 2 && conferences.every((c) => c.kind === 'tong_ket'), `conferences: ${conferences.length}`);
    assert(conferences.every((c) => c.article_id && c.article_title), 'each names its article');
    const articles = JSON.parse(await exported(page, 'bai-viet.json'));
    assert(articles.length === 2 && articles[0].body.length > 0, 'articles in full');
  });
}
