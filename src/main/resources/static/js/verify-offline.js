// The offline verifier (issue 6): checks a document code's Ed25519 signature in the browser with the public keys
// published at /verify/keys.json, kept in localStorage, so that a document can be checked where there is no network.
// It can say whether the signature is genuine and what the code itself carries (type, number, validity); the live
// status (revoked, replaced) needs the network and is said NOT to be checked.
(() => {
  const KEYS = 'pana-verify-keys';
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const HASH = 16, SIGNATURE = 64, NO_END = 0xFFFF;
  const main = document.getElementById('offline-verifier');
  const text = name => main.dataset[name] || '';

  function storedKeys() {
    try {
      const keys = JSON.parse(localStorage.getItem(KEYS));
      return Array.isArray(keys) ? keys : [];
    } catch (unreadable) {
      return [];
    }
  }

  async function refreshKeys() {
    try {
      const response = await fetch('/verify/keys.json', { cache: 'no-cache', credentials: 'omit' });
      if (response.ok) {
        const body = await response.json();
        if (Array.isArray(body.keys)) localStorage.setItem(KEYS, JSON.stringify(body.keys));
      }
    } catch (noNetwork) {
      // the keys kept from an earlier visit are used
    }
    document.getElementById('keys-status').textContent = text('keysCount').replace('{0}', String(storedKeys().length));
  }

  function fromBase32(code) {
    const clean = code.trim().toUpperCase();
    if (clean.length === 0 || clean.length > 300 || [1, 3, 6].includes(clean.length % 8)) return null;
    const out = [];
    let buffer = 0, bits = 0;
    for (const ch of clean) {
      const value = ALPHABET.indexOf(ch);
      if (value < 0) return null;
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8) {
        out.push((buffer >> (bits - 8)) & 0xFF);
        bits -= 8;
      }
      buffer &= (1 << bits) - 1;
    }
    if (buffer !== 0) return null;
    return new Uint8Array(out);
  }

  function fromBase64Url(text) {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(base64 + '==='.slice((base64.length + 3) % 4)), c => c.charCodeAt(0));
  }

  function parse(bytes) {
    if (!bytes || bytes.length < 1 + 4 + 16 + 1 + 2 + 2 + 1 + 1 + HASH + SIGNATURE || bytes[0] !== 1) return null;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const hex = (from, to) => Array.from(bytes.slice(from, to), b => b.toString(16).padStart(2, '0')).join('');
    const numberLength = bytes[26];
    if (numberLength < 1 || numberLength > 32 || bytes.length - 27 !== numberLength + HASH + SIGNATURE) return null;
    const signed = 27 + numberLength + HASH;
    const day = n => new Date(n * 86400000).toISOString().slice(0, 10).split('-').reverse().join('.');
    const until = view.getUint16(24);
    return {
      keyId: hex(1, 5),
      type: bytes[21],
      validFrom: day(view.getUint16(22)),
      validUntil: until === NO_END ? '' : day(until),
      number: String.fromCharCode(...bytes.slice(27, 27 + numberLength)),
      message: bytes.slice(0, signed),
      signature: bytes.slice(signed),
    };
  }

  async function genuine(payload) {
    const key = storedKeys().find(k => k.id === payload.keyId);
    if (!key) return false;
    const publicKey = await crypto.subtle.importKey('raw', fromBase64Url(key.key), { name: 'Ed25519' }, false, ['verify']);
    return crypto.subtle.verify({ name: 'Ed25519' }, publicKey, payload.signature, payload.message);
  }

  function show(outcome, status, explanation, payload) {
    const result = document.getElementById('offline-result');
    result.hidden = false;
    result.dataset.outcome = outcome;
    document.getElementById('offline-verdict').className = 'pana-verdict pana-verdict--' + (outcome === 'genuine' ? 'offline' : 'not_genuine');
    document.getElementById('offline-status').textContent = status;
    document.getElementById('offline-explanation').textContent = explanation;
    const fields = document.getElementById('offline-fields');
    fields.hidden = !payload;
    for (const id of ['offline-type', 'offline-number', 'offline-valid-from', 'offline-valid-until']) document.getElementById(id).textContent = '';
    if (payload) {
      document.getElementById('offline-type').textContent = text('type' + payload.type) || String(payload.type);
      document.getElementById('offline-number').textContent = payload.number;
      document.getElementById('offline-valid-from').textContent = payload.validFrom;
      document.getElementById('offline-valid-until').textContent = payload.validUntil;
    }
  }

  async function check(code) {
    if (!code) return;
    if (!window.crypto || !crypto.subtle) {
      show('unsupported', text('unsupported'), '', null);
      return;
    }
    if (storedKeys().length === 0) {
      show('no-keys', text('noKeys'), '', null);
      return;
    }
    const payload = parse(fromBase32(code));
    let ok = false;
    try {
      ok = payload !== null && await genuine(payload);
    } catch (unsupportedOrBroken) {
      ok = false;
    }
    const [status, explanation] = (ok ? text('genuine') : text('notGenuine')).split('|');
    show(ok ? 'genuine' : 'not-genuine', status, explanation || '', ok ? payload : null);
  }

  function codeFromFragment() {
    const code = decodeURIComponent(location.hash.replace(/^#/, ''));
    if (code) {
      document.getElementById('code').value = code;
      check(code);
    }
  }

  document.getElementById('offline-form').addEventListener('submit', event => {
    event.preventDefault();
    check(document.getElementById('code').value);
  });
  window.addEventListener('hashchange', codeFromFragment);

  async function keepForOffline() {
    if (!('serviceWorker' in navigator)) return;
    const registration = await navigator.serviceWorker.register('/verify/service-worker.js', { scope: '/verify/' });
    await navigator.serviceWorker.ready;
    const worker = registration.active || navigator.serviceWorker.controller;
    const urls = [location.pathname, ...performance.getEntriesByType('resource').map(entry => entry.name)];
    await new Promise(resolve => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      worker.postMessage({ keep: urls }, [channel.port2]);
      setTimeout(resolve, 10000);
    });
  }

  refreshKeys().then(codeFromFragment).then(keepForOffline).catch(() => undefined).finally(() => {
    main.dataset.ready = 'true';
  });
})();
