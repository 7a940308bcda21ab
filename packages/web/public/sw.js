/* global self, caches, fetch, Response, URL */
// Liaison service worker: lets the installed app start offline by caching the app shell
// (index.html, the hashed build assets, icons, manifest).
//
// It NEVER touches /api/: answers there carry identities and health metadata, must always be fresh,
// and must not outlive a logout in a cache on a shared workstation. Non-GET requests pass through too.

const CACHE = 'liaison-shell-v1';
const STATIC = [
  '/manifest.webmanifest',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/icon-maskable-512.png',
];

/** The build's asset URLs, read from index.html itself so no build step has to list them here. */
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) urls.add(match[1]);
  return [...urls];
}

/** Stores this index.html and its assets, and drops assets of older builds. */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  const assets = assetsOf(html);
  await cache.put('/index.html', response);
  const missing = [];
  for (const url of assets) {
    if (!(await cache.match(url))) missing.push(url);
  }
  await cache.addAll(missing);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(request);
  }
}

async function precache() {
  const cache = await caches.open(CACHE);
  await cache.addAll(STATIC);
  const response = await fetch('/index.html', { cache: 'no-store' });
  if (response.ok) await storeShell(cache, response);
}

/** Navigations: the network first (a new build must show up at once), the cached shell offline. */
async function navigate(event) {
  try {
    const response = await fetch(event.request);
    const type = response.headers.get('content-type') ?? '';
    if (response.ok && type.includes('text/html')) {
      const cache = await caches.open(CACHE);
      event.waitUntil(storeShell(cache, response.clone()));
    }
    return response;
  } catch {
    const cached = await caches.match('/index.html');
    return cached ?? Response.error();
  }
}

/** Hashed assets never change under the same name, so the cache answers first. */
async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** Icons and manifest: answer from the cache, refresh it in the background. */
async function staleWhileRevalidate(event) {
  const cached = await caches.match(event.request);
  const refresh = fetch(event.request)
    .then(async (response) => {
      if (response.ok) {
        const cache = await caches.open(CACHE);
        await cache.put(event.request, response.clone());
      }
      return response;
    })
    .catch(() => cached ?? Response.error());
  event.waitUntil(refresh.then(() => undefined));
  return cached ?? refresh;
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return; // never cached, see above
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (STATIC.includes(url.pathname)) {
    event.respondWith(staleWhileRevalidate(event));
  }
});

/**
 * A chat notification shown through this worker (installed apps on Android allow no other kind): the
 * click brings the app forward on the conversation it names. Only same-origin paths are followed, so a
 * notification cannot send the app elsewhere. The notification itself never carries message text.
 */
function notificationTarget(notification) {
  const url = notification.data && typeof notification.data.url === 'string' ? notification.data.url : '/';
  const target = new URL(url, self.location.origin);
  return target.origin === self.location.origin ? target.href : new URL('/', self.location.origin).href;
}

async function openTarget(href) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus();
    // navigate() works on windows this worker controls; an uncontrolled one at least comes forward.
    if (focused.url !== href && 'navigate' in focused) {
      await focused.navigate(href).catch(() => undefined);
    }
    return;
  }
  await self.clients.openWindow(href);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil(openTarget(notificationTarget(event.notification)));
});
