/* global self, caches, fetch, Request, URL, VERSION, PRECACHE */
// VAE Playground's service worker, written by scripts/sw/plugin.ts into each build with the
// build's own file list and version (the lines above this comment). What it does:
// - app shell and hashed assets: cache-first, precached on install, so a second visit opens offline;
// - the dataset manifest: network-first with the last copy as fallback (the data files it names are
//   kept in IndexedDB by the app itself, so they pass straight through here);
// - a new version waits until the page asks for it (SKIP_WAITING), never skipping on its own;
// - every same-origin response it gives carries COOP same-origin + COEP require-corp (the
//   coi-serviceworker pattern), so the page is cross-origin isolated, and its WASM kernels get
//   threads, even on a static host that cannot send those headers (src/app/serviceWorker.ts
//   reloads once when the first load was not).
const SHELL = `vae-shell-${VERSION}`;
const RUNTIME = 'vae-runtime';
const scoped = (path) => new URL(path, self.registration.scope).href;
const PRECACHE_URLS = new Set(PRECACHE.map(scoped));
const INDEX = scoped('index.html');
const MANIFEST = scoped('datasets/manifest.json');
const isManifest = (url) => url.pathname.endsWith('/datasets/manifest.json');
/** Requests whose responses decide whether a worker is cross-origin isolated (COEP). */
const SCRIPT_DESTINATIONS = new Set(['worker', 'sharedworker', 'script']);

self.addEventListener('install', (event) => {
  // 'reload': straight from the server, never an older copy from the HTTP cache.
  const requests = [...PRECACHE_URLS].map((url) => new Request(url, { cache: 'reload' }));
  // The dataset manifest too, so the built-in list shows offline even after a visit that never
  // asked for it under this worker (the first page load's request predates it). Best effort: a
  // site without datasets still installs.
  const manifest = caches.open(RUNTIME).then((cache) => cache.add(new Request(MANIFEST, { cache: 'no-cache' }))).catch(() => undefined);
  event.waitUntil(Promise.all([caches.open(SHELL).then((cache) => cache.addAll(requests)), manifest]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith('vae-shell-') && k !== SHELL).map((k) => caches.delete(k)));
      // The first install takes the open page at once, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

/** The response with the headers that make a page (and its workers) cross-origin isolated. */
function isolated(response) {
  // Opaque and error responses cannot be rebuilt; they pass as they are.
  if (!response || response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  const headers = new Headers(response.headers);
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function cacheFirst(request, key) {
  const hit = await caches.match(key, { cacheName: SHELL });
  return hit ?? fetch(request);
}

async function networkFirst(request) {
  const cache = await caches.open(RUNTIME);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request.url, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request.url);
    if (hit) return hit;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.href.startsWith(self.registration.scope)) {
    // Any address inside the app (with a config in its hash or a query) is the one page.
    event.respondWith(cacheFirst(request, INDEX).then(isolated));
  } else if (PRECACHE_URLS.has(url.origin + url.pathname)) {
    event.respondWith(cacheFirst(request, url.origin + url.pathname).then(isolated));
  } else if (isManifest(url)) {
    event.respondWith(networkFirst(request).then(isolated));
  } else if (SCRIPT_DESTINATIONS.has(request.destination) && request.headers.get('range') === null) {
    // A worker or script not precached: the network's answer, with the headers that keep it isolated.
    // Data (dataset files, a course's manifest) is left to the network untouched: it needs no headers.
    event.respondWith(fetch(request).then(isolated));
  }
});

