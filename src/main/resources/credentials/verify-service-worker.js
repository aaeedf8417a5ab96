// Keeps the offline document verifier (/verify/offline) and its assets so that it opens where there is no network.
// The page: network first, the kept copy without a link. Stylesheets and scripts: the kept copy, refreshed in the
// background. Nothing else is touched: verifying a code online (/verify/CODE) always goes to the network, and the
// public keys live in the page's localStorage, not here. No personal data is ever kept.
const CACHE = 'pana-verify-v1';
const PAGE = '/verify/offline';
const ASSETS = /^\/(css|js|webjars|assets)\//;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(n => n.startsWith('pana-verify-') && n !== CACHE).map(n => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// The page names what it loaded before this worker controlled it; the worker answers when all is kept.
self.addEventListener('message', event => {
  const urls = (event.data && event.data.keep) || [];
  const own = urls.map(u => new URL(u, self.location.origin)).filter(u => u.origin === self.location.origin
    && (u.pathname === PAGE || ASSETS.test(u.pathname)));
  const done = caches.open(CACHE).then(cache => Promise.all(own.map(url => keep(cache, url.pathname === PAGE ? PAGE : url.href))));
  event.waitUntil(done.then(() => event.ports[0] && event.ports[0].postMessage('kept')));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    event.respondWith(page(request));
  } else if (ASSETS.test(url.pathname)) {
    event.respondWith(asset(request, event));
  }
});

async function keep(cache, url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    if (keepable(response)) await cache.put(url, response);
  } catch (noLink) {
    // kept next time
  }
}

function keepable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (keepable(response)) await cache.put(PAGE, response.clone());
    return response;
  } catch (noLink) {
    return (await cache.match(PAGE)) || Response.error();
  }
}

async function asset(request, event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  const fresh = fetch(request).then(response => {
    if (keepable(response)) return cache.put(request, response.clone()).then(() => response);
    return response;
  });
  if (kept) {
    event.waitUntil(fresh.catch(() => undefined));
    return kept;
  }
  return fresh;
}
