// Themes: the system's by default, a remembered choice in the header, and a layout that holds
// on a 360 px phone.
import { join } from 'node:path';
import { assert, open, ROOT } from './helpers.mjs';

const rootBackground = (page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

export default function (test) {
  test('theme: follows the system, switches from the header, and is remembered', async ({ page, base }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await open(page, base, '/');
    const systemDark = await rootBackground(page);
    assert(systemDark === 'rgb(22, 24, 27)', `dark system gives the dark theme: ${systemDark}`);
    await page.locator('#theme').click();
    assert((await page.locator('#theme').textContent()).includes('sáng'), 'the switch says light');
    assert((await rootBackground(page)) === 'rgb(251, 250, 247)', 'light although the system is dark');
    await page.reload();
    await page.waitForSelector('.result-row');
    assert((await rootBackground(page)) === 'rgb(251, 250, 247)', 'the choice survives a reload');
    await page.locator('#theme').click();
    await page.locator('#theme').click();
    assert((await rootBackground(page)) === 'rgb(22, 24, 27)', 'back to following the system');
  });

  test('phone: at 360 px nothing overflows sideways and the reader reads', async ({ page, base }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, base, '/');
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= 360, `no horizontal scroll on the list: ${wide}px`);
    await page.locator('.result-row .article-title').first().click();
    await page.waitForSelector('.reader-body');
    const readerWide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(readerWide <= 360, `no horizontal scroll in the reader: ${readerWide}px`);
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(ROOT, 'docs', 'screenshot-phone.png') });
  });
}
