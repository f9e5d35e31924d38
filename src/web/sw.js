// hoinghi's service worker. The build prepends `VERSION` (a hash of every file in the build) and
// `FILES` (those files, relative to this script), so each build is one atomic cache: the app and
// the bundle it was built with are installed, served and replaced together, never mixed.
/* global VERSION, FILES */

const CACHE = `hoinghi-${VERSION}`;
// Bundles opened with ?bundle= from elsewhere are kept too, so they also read offline, and so
// are the shards of a sharded bundle (.json and .bin files) once fetched.
const RUNTIME = 'hoinghi-bundles';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('hoinghi-') && key !== CACHE && key !== RUNTIME) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// The page asks the waiting worker to take over when the user accepts the update.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (request.mode === 'navigate' && url.origin === scope.origin && url.pathname.startsWith(scope.pathname)) {
    // Every view is the same page with a different query.
    event.respondWith(fromCache(new URL('index.html', scope).href).then((hit) => hit ?? fetch(request)));
    return;
  }
  event.respondWith((async () => {
    const hit = await fromCache(request);
    if (hit) return hit;
    try {
      const response = await fetch(request);
      if (response.ok && isBundle(url)) {
        const copy = response.clone();
        event.waitUntil(caches.open(RUNTIME).then((c) => c.put(request, copy)));
      }
      return response;
    } catch (error) {
      const kept = await caches.open(RUNTIME).then((c) => c.match(request));
      if (kept) return kept;
      throw error;
    }
  })());
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return cache.match(request);
}

function isBundle(url) {
  return /\.(json|bin)$/.test(url.pathname);
}
