// A plain static server for the browser suite: dist/ at the root and again under a sub-path (the
// app must not care where it lives), and the suite's fixture bundles under /fixtures/.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `mounts` ({urlPrefix: directory}, longest prefix wins) on 127.0.0.1; resolves to
 * {url, close, requests}, where `requests` records every request's URL, headers and the bytes of
 * the body served (0 when none was).
 */
export async function serve(mounts) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const server = createServer(async (req, res) => {
    const record = { url: req.url, headers: req.headers, bytes: 0 };
    requests.push(record);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return notFound(res);
    const root = mounts[prefix];
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
      record.bytes = body.length;
    } catch {
      notFound(res);
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((ok) => server.close(ok)) };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
