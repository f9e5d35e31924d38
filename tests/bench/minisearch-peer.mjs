// MiniSearch over a hoinghi bundle, for the bench: indexes title + body text, then times queries.
// bench.mjs serves MiniSearch's ES build at /minisearch/ and calls `window.peer` from Playwright.
import MiniSearch from '/minisearch/index.js';

// Diacritic folding, so `dan van` finds `dân vận` as it does in hoinghi: NFD splits letters from
// their marks, the marks go, and đ (a letter of its own, not d + mark) becomes d.
const fold = (term) => term.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd');

let index = null;

window.peer = {
  /** Fetches and parses the bundle, then builds the index; the three times in ms. */
  async load(url, folded) {
    const t0 = performance.now();
    const text = await (await fetch(url)).text();
    const t1 = performance.now();
    const docs = JSON.parse(text).articles.map((a) => ({
      id: a.id,
      title: a.title,
      body: a.body.map((b) => b.text ?? '').join('\n'),
    }));
    const t2 = performance.now();
    index = new MiniSearch({ fields: ['title', 'body'], ...(folded ? { processTerm: fold } : {}) });
    index.addAll(docs);
    const t3 = performance.now();
    return { fetchMs: t1 - t0, parseMs: t2 - t1, buildMs: t3 - t2, docs: docs.length };
  },
  /** Each query's search time in ms and hit count, as the app would ask while typing. */
  search(queries) {
    return queries.map((q) => {
      const t0 = performance.now();
      const hits = index.search(q, { prefix: true, combineWith: 'AND' }).length;
      return { q, ms: performance.now() - t0, hits };
    });
  },
  /** Result ids for `q`, best first. */
  rank(q) {
    return index.search(q, { prefix: true, combineWith: 'AND' }).map((r) => r.id);
  },
};
