// Loaded as a module from the layout; no inline script anywhere, so the CSP can forbid it.
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('govuk-frontend-supported', 'js-enabled');
initAll();

// Signing out clears what the border encounter form keeps in this browser (its queue, cached pages and
// service worker), after warning when saved encounters have not been sent yet.
const signOut = document.querySelector('form[action$="/logout"]');
if (signOut) {
  signOut.addEventListener('submit', async event => {
    if (signOut.dataset.cleared) return;
    event.preventDefault();
    const waiting = await borderQueueSize();
    if (waiting > 0 && !window.confirm(signOut.dataset.unsentWarning.replace('{0}', waiting))) return;
    await clearBorderOffline();
    signOut.dataset.cleared = 'true';
    signOut.submit();
  });
}

async function borderQueueSize() {
  try {
    if (indexedDB.databases && !(await indexedDB.databases()).some(db => db.name === 'pana-border')) return 0;
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('pana-border', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('encounters', { keyPath: 'key' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = await new Promise(resolve => {
      const request = db.transaction('encounters').objectStore('encounters').count();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(0);
    });
    db.close();
    return count;
  } catch (unavailable) {
    return 0;
  }
}

async function clearBorderOffline() {
  try {
    await new Promise(resolve => {
      const request = indexedDB.deleteDatabase('pana-border');
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    });
    if (window.caches) {
      for (const name of await caches.keys()) if (name.startsWith('pana-border')) await caches.delete(name);
    }
    if (navigator.serviceWorker) {
      for (const registration of await navigator.serviceWorker.getRegistrations()) {
        if (new URL(registration.scope).pathname.startsWith('/border/')) await registration.unregister();
      }
    }
  } catch (unavailable) {
    // nothing kept in this browser
  }
}
