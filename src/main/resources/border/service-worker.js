// Keeps the border encounter form and its assets so the page reloads at a post with no link.
// The form page: network first (fresh for the signed-in officer), the kept copy when there is no link.
// Stylesheets, scripts and fonts: the kept copy at once, refreshed in the background.
// Nothing else is touched: saving, the session and other pages go to the network as usual, and what the
// officer saved lives in IndexedDB (the page's queue), never here. Sign-out deletes these caches.
const CACHE = 'pana-border-v1';
const FORM = '/border/encounters/new';
const ASSETS = /^\/(css|js|webjars|assets)\//;
const NETWORK_WAIT_MS = 8000;

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(names => Promise.all(names.filter(n => n.startsWith('pana-border-') && n !== CACHE).map(n => caches.delete(n))))
    .then(() => self.clients.claim()));
});

// The page names what it loaded before this worker controlled it.
self.addEventListener('message', event => {
  const urls = (event.data && event.data.keep) || [];
  const own = urls.map(u => new URL(u, self.location.origin)).filter(u => u.origin === self.location.origin
    && (u.pathname === FORM || ASSETS.test(u.pathname)));
  event.waitUntil(caches.open(CACHE).then(cache => Promise.all(own.map(url => keepFresh(cache, url.pathname === FORM ? FORM : url.href)))));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === FORM) {
    event.respondWith(formPage(request));
  } else if (ASSETS.test(url.pathname)) {
    event.respondWith(asset(request, event));
  }
});

async function keepFresh(cache, url) {
  try {
    // Revalidated against the browser's HTTP cache: what the page just loaded is not downloaded a second time.
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-cache' });
    if (keepable(response)) await cache.put(url, response);
  } catch (noLink) {
    // kept next time
  }
}

/** Only a real answer is kept: never a redirect to the sign-in page or an error. */
function keepable(response) {
  return response && response.ok && !response.redirected && response.type === 'basic';
}

async function formPage(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async response => {
    if (keepable(response)) await cache.put(FORM, response.clone());
    return response;
  });
  try {
    return await withTimeout(network, NETWORK_WAIT_MS);
  } catch (slowOrNoLink) {
    const kept = await cache.match(FORM);
    return kept || network;
  }
}

async function asset(request, event) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request, { ignoreSearch: false });
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

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('slow link')), ms);
    promise.then(value => { clearTimeout(timer); resolve(value); }, error => { clearTimeout(timer); reject(error); });
  });
}
