// Pagefind as a second peer: its Node API indexes the same bundle's articles (title + body text,
// as MiniSearch and hoinghi see them) into a static Pagefind site, which pagefind.html then loads
// in the same Chromium as everything else. Pagefind fetches index chunks and result fragments on
// demand, so bytes fetched per query are its headline figure beside latency.
import { readFile, rm } from 'node:fs/promises';
import * as pagefind from 'pagefind';

/** Indexes `bundleFile` into `outDir`; the wall time in ms and the record count. */
export async function buildPagefind(bundleFile, outDir) {
  const { articles } = JSON.parse(await readFile(bundleFile, 'utf8'));
  await rm(outDir, { recursive: true, force: true });
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const a of articles) {
    const body = a.body.map((b) => b.text ?? '').join('\n');
    const added = await index.addCustomRecord({
      url: `/?a=${encodeURIComponent(a.id)}`,
      content: `${a.title}\n${body}`,
      language: 'vi',
      meta: { title: a.title, id: a.id },
    });
    if (added.errors.length) throw new Error(`pagefind: ${a.id}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: outDir });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  const ms = performance.now() - t0;
  await pagefind.close();
  return { ms, records: articles.length };
}
