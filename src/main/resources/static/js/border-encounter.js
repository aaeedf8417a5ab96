// The border encounter form. It works with no network: every saved encounter is first put in a queue in
// IndexedDB with an Idempotency-Key made once, at save time, and is sent from there; a request whose answer
// was lost goes again with the same key, so the server records it once. The queue belongs to the signed-in
// officer (owner id from the page and /border/encounters/session), is cleared on sign-out (pana.js) and
// drops entries older than 72 hours with a warning.
const DB = 'pana-border';
const STORE = 'encounters';
const MAX_AGE_MS = 72 * 3600 * 1000;
const RETRY_MS = 15000;
const TOP_FIELDS = new Set(['encounteredAt', 'borderPoint', 'arrival', 'asylumIntentExpressed', 'intentInOwnWords', 'leafletLanguage',
  'interpreterLanguage', 'profile', 'person', 'personId', 'accompanyingPersons', 'Idempotency-Key']);

const form = document.getElementById('encounter-form');
const texts = document.getElementById('encounter-texts').dataset;
const jurisdiction = form.dataset.jurisdiction;
let owner = form.dataset.owner;
let sending = false;
/** The refused entry the form was filled from: it stays in the queue until its correction is saved. */
let replacing = null;
const sent = [];
const $ = id => document.getElementById(id);

// ---- the queue in IndexedDB ----
function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function inStore(mode, work) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = work(tx.objectStore(STORE));
    tx.oncomplete = () => { db.close(); resolve(request ? request.result : undefined); };
    tx.onerror = tx.onabort = () => { db.close(); reject(tx.error); };
  });
}
const entries = () => inStore('readonly', s => s.getAll());
const keep = entry => inStore('readwrite', s => s.put(entry));
const forget = key => inStore('readwrite', s => s.delete(key));

function newKey() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map(x => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Entries older than 72 hours are dropped; the officer is told how many of theirs. */
async function dropExpired() {
  const now = Date.now();
  let mine = 0;
  for (const entry of await entries()) {
    if (now - entry.savedAt > MAX_AGE_MS) {
      await forget(entry.key);
      if (entry.owner === owner) mine++;
    }
  }
  if (mine > 0) {
    $('queue-warning-text').textContent = texts.dropped.replace('{0}', mine);
    $('queue-warning').hidden = false;
  }
}

// ---- sending ----
async function session() {
  try {
    const response = await fetch('/border/encounters/session', { headers: { Accept: 'application/json' }, redirect: 'manual', cache: 'no-store' });
    if (response.status !== 200) {
      if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) status(texts.signIn);
      return null;
    }
    const current = await response.json();
    owner = current.owner;
    return current;
  } catch (offline) {
    return null;
  }
}

/** 'sent', 'refused' (kept with its problems) or 'later' (no link, signed out, still in flight: same key later). */
async function send(entry, current) {
  let response;
  try {
    response = await fetch('/border/encounters', {
      method: 'POST', redirect: 'manual', cache: 'no-store', body: JSON.stringify(entry.body),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': entry.key,
        [current.csrfHeader]: current.csrfToken }
    });
  } catch (linkDropped) {
    return { outcome: 'later' };
  }
  if (response.status === 200 || response.status === 201) {
    let result = {};
    try { result = await response.json(); } catch (answerCut) { return { outcome: 'later' }; }
    await forget(entry.key);
    sent.push({ label: entry.label, result });
    return { outcome: 'sent', result };
  }
  if (response.status === 400 || response.status === 404 || response.status === 422) {
    const problem = await response.json().catch(() => ({}));
    entry.status = 'refused';
    entry.problems = problem.errors || [{ field: '', message: problem.detail || String(response.status) }];
    await keep(entry);
    return { outcome: 'refused', problems: entry.problems };
  }
  return { outcome: 'later' };
}

async function sendWaiting() {
  if (sending) return;
  sending = true;
  try {
    await dropExpired();
    const waiting = (await entries()).filter(e => e.owner === owner && e.status === 'waiting').sort((a, b) => a.savedAt - b.savedAt);
    if (waiting.length === 0) return;
    const current = await session();
    if (!current) return;
    for (const entry of waiting) {
      if (entry.owner !== current.owner) continue;
      if ((await send(entry, current)).outcome === 'later') break;
    }
  } finally {
    sending = false;
    await render();
  }
}

// ---- what the officer sees ----
function status(text) {
  $('link-status').textContent = text;
}

function linkStatus() {
  status(navigator.onLine ? texts.online : texts.offline);
}

async function render() {
  const mine = (await entries()).filter(e => e.owner === owner).sort((a, b) => a.savedAt - b.savedAt);
  $('queue-items').replaceChildren(...mine.map(entry => {
    const item = document.createElement('li');
    item.dataset.testid = 'queued-encounter';
    item.dataset.key = entry.key;
    item.textContent = `${entry.label} – ${entry.status === 'refused' ? texts.refused : texts.waiting}`;
    if (entry.status === 'refused') {
      const problems = document.createElement('span');
      problems.className = 'govuk-error-message';
      problems.textContent = entry.problems.map(p => (p.field ? p.field + ': ' : '') + p.message).join(' ');
      const open = document.createElement('button');
      open.type = 'button';
      open.className = 'govuk-button govuk-button--secondary pana-button--small';
      open.textContent = texts.open;
      open.addEventListener('click', () => reopen(entry));
      item.append(problems, open);
    }
    return item;
  }));
  $('queue-empty').hidden = mine.length > 0;
  $('sent-items').replaceChildren(...sent.map(({ label, result }) => {
    const item = document.createElement('li');
    item.dataset.testid = 'sent-encounter';
    let text = `${label} – ${texts.sent.replace('{0}', result.registrationNumber || '')}`;
    if (result.referral) text += ' ' + texts.referral.replace('{0}', new Date(result.referral.dueAt).toLocaleString());
    item.textContent = text;
    return item;
  }));
}

function clearErrors() {
  $('error-summary').hidden = true;
  $('error-list').replaceChildren();
  form.querySelectorAll('.pana-field-error').forEach(e => e.remove());
  form.querySelectorAll('.govuk-form-group--error').forEach(e => e.classList.remove('govuk-form-group--error'));
}

/** The main person's errors may come as "names[0].given" or "person.names[0].given": both land on the person's field. */
function fieldName(field) {
  const top = field.split(/[.[]/)[0];
  return !field || TOP_FIELDS.has(top) ? field : 'person.' + field;
}

function elementFor(field) {
  for (let name = field; name; name = name.replace(/(\.[^.[]*|\[\d+\])$/, '')) {
    const found = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    if (found) return found;
    if (!/(\.[^.[]*|\[\d+\])$/.test(name)) break;
  }
  return null;
}

function showErrors(problems) {
  clearErrors();
  for (const problem of problems) {
    const field = fieldName(problem.field || '');
    const element = elementFor(field);
    const message = document.createElement('p');
    message.className = 'govuk-error-message pana-field-error';
    message.dataset.errorFor = field;
    message.textContent = problem.message;
    if (element) {
      const group = element.closest('.govuk-form-group') || element;
      group.classList.add('govuk-form-group--error');
      group.insertBefore(message, group.querySelector('input, select, textarea, .govuk-radios, .pana-row, div') || group.firstChild);
    }
    const item = document.createElement('li');
    const link = document.createElement('a');
    const target = element && (element.id ? element : element.querySelector('[id]'));
    link.href = target ? '#' + target.id : '#encounter-form';
    link.textContent = problem.message;
    item.append(link);
    $('error-list').append(item);
  }
  $('error-summary').hidden = false;
  $('error-summary').focus();
}

// ---- the form ----
function addRow(container, templateId, idPrefix, fieldPrefix) {
  const row = $(templateId).content.firstElementChild.cloneNode(true);
  container.append(row);
  row.querySelectorAll('[data-countries]').forEach(select => {
    select.append(new Option('', ''), ...[...$('nationalities').options].map(o => new Option(o.text, o.value)));
  });
  row.querySelectorAll('[data-remove-row]').forEach(button => button.addEventListener('click', () => {
    row.remove();
    renumber(container, idPrefix, fieldPrefix);
  }));
  renumber(container, idPrefix, fieldPrefix);
  return row;
}

function renumber(container, idPrefix, fieldPrefix) {
  const idPattern = new RegExp(`^${idPrefix}-(#|\\d+)-`);
  const fieldPattern = new RegExp(`^${fieldPrefix.replace(/[.[\]]/g, '\\$&')}\\[(#|\\d+)\\]`);
  [...container.children].forEach((row, index) => {
    for (const element of [row, ...row.querySelectorAll('[id], [for], [data-field]')]) {
      if (element.id) element.id = element.id.replace(idPattern, `${idPrefix}-${index}-`);
      if (element.htmlFor) element.htmlFor = element.htmlFor.replace(idPattern, `${idPrefix}-${index}-`);
      if (element.dataset.field) element.dataset.field = element.dataset.field.replace(fieldPattern, `${fieldPrefix}[${index}]`);
    }
  });
}

const rows = {
  names: () => addRow($('name-rows'), 'name-template', 'names', 'person.names'),
  documents: () => addRow($('document-rows'), 'document-template', 'documents', 'person.documents'),
  companions: () => addRow($('companion-rows'), 'companion-template', 'companions', 'accompanyingPersons')
};

const text = element => (element.value || '').trim() || null;
const within = (row, suffix) => text(row.querySelector(`[id$="-${suffix}"]`));

function birthDate(day, month, year) {
  if (!year) return { date: null, precision: null };
  const pad = v => String(v).padStart(2, '0');
  if (!month) return { date: `${year}-01-01`, precision: 'YEAR' };
  if (!day) return { date: `${year}-${pad(month)}-01`, precision: 'MONTH' };
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'DAY' };
}

function companionBirthDate(typed) {
  if (!typed) return { date: null, precision: null };
  if (/^\d{4}$/.test(typed)) return { date: `${typed}-01-01`, precision: 'YEAR' };
  if (/^\d{4}-\d{2}$/.test(typed)) return { date: `${typed}-01`, precision: 'MONTH' };
  return { date: typed, precision: 'DAY' };
}

function collect() {
  const typedAt = text($('encounteredAt'));
  const at = typedAt ? new Date(typedAt) : null;
  const intent = form.querySelector('input[name=asylumIntentExpressed]:checked');
  const born = birthDate(text($('birthDay')), text($('birthMonth')), text($('birthYear')));
  const body = {
    encounteredAt: at && !isNaN(at) ? at.toISOString() : typedAt,
    borderPoint: text($('borderPoint')),
    arrival: text($('arrival')),
    asylumIntentExpressed: intent ? intent.value === 'true' : null,
    intentInOwnWords: text($('intentInOwnWords')),
    leafletLanguage: text($('leafletLanguage')),
    interpreterLanguage: text($('interpreterLanguage')),
    profile: text($('profile')),
    person: {
      jurisdiction,
      names: [...$('name-rows').children].map(row => ({ given: within(row, 'given'), family: within(row, 'family'),
        patronymic: within(row, 'patronymic'), script: within(row, 'script'), kind: within(row, 'kind') })),
      sex: text($('sex')),
      birthDate: born.date,
      birthDatePrecision: text($('birthDatePrecision')) || born.precision,
      nationalities: [...$('nationalities').selectedOptions].map(o => o.value),
      languages: ($('languages').value || '').split(/[\s,;]+/).filter(Boolean),
      documents: [...$('document-rows').children].map(row => ({ type: within(row, 'type'), number: within(row, 'number'),
        issuingCountry: within(row, 'issuingCountry'), expiresOn: within(row, 'expiresOn') })),
      specificNeeds: [...form.querySelectorAll('input[name=specificNeeds]:checked')].map(c => c.value)
    }
  };
  const companions = [...$('companion-rows').children].map(row => {
    const companionBorn = companionBirthDate(within(row, 'birthDate'));
    return {
      person: { jurisdiction, names: [{ given: within(row, 'given'), family: within(row, 'family'), script: within(row, 'script'), kind: 'DECLARED' }],
        sex: within(row, 'sex'), birthDate: companionBorn.date, birthDatePrecision: within(row, 'precision') || companionBorn.precision },
      relationship: within(row, 'relationship')
    };
  });
  if (companions.length > 0) body.accompanyingPersons = companions;
  return body;
}

function labelOf(body) {
  const name = body.person && body.person.names[0] ? [body.person.names[0].given, body.person.names[0].family].filter(Boolean).join(' ') : '';
  const at = new Date(body.encounteredAt);
  return `${name || body.personId || ''} (${body.borderPoint || ''}, ${isNaN(at) ? '' : at.toLocaleString()})`;
}

function nowForInput() {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
}

function resetForm() {
  form.reset();
  ['name-rows', 'document-rows', 'companion-rows'].forEach(id => $(id).replaceChildren());
  rows.names();
  $('encounteredAt').value = nowForInput();
  $('candidates').hidden = true;
}

/** Puts a refused entry back in the form to correct; saving it again makes a new entry with a new key. */
async function reopen(entry) {
  const body = entry.body;
  resetForm();
  const set = (id, value) => { if (value != null) $(id).value = value; };
  if (body.encounteredAt) set('encounteredAt', new Date(new Date(body.encounteredAt).getTime() - new Date().getTimezoneOffset() * 60000).toISOString().slice(0, 16));
  ['borderPoint', 'arrival', 'intentInOwnWords', 'leafletLanguage', 'interpreterLanguage', 'profile'].forEach(f => set(f, body[f]));
  if (body.asylumIntentExpressed != null) $(body.asylumIntentExpressed ? 'intent-yes' : 'intent-no').checked = true;
  const person = body.person;
  if (person) {
    $('name-rows').replaceChildren();
    person.names.forEach((name, i) => {
      rows.names();
      ['given', 'family', 'patronymic', 'script', 'kind'].forEach(p => set(`names-${i}-${p}`, name[p]));
    });
    set('sex', person.sex);
    if (person.birthDate) {
      const [y, m, d] = person.birthDate.split('-');
      set('birthYear', y);
      if (person.birthDatePrecision !== 'YEAR') set('birthMonth', m);
      if (person.birthDatePrecision === 'DAY' || person.birthDatePrecision === 'ESTIMATED') set('birthDay', d);
    }
    set('birthDatePrecision', person.birthDatePrecision);
    [...$('nationalities').options].forEach(o => { o.selected = person.nationalities.includes(o.value); });
    set('languages', person.languages.join(', '));
    person.documents.forEach((doc, i) => {
      rows.documents();
      ['type', 'number', 'issuingCountry', 'expiresOn'].forEach(p => set(`documents-${i}-${p}`, doc[p]));
    });
    form.querySelectorAll('input[name=specificNeeds]').forEach(c => { c.checked = person.specificNeeds.includes(c.value); });
  }
  (body.accompanyingPersons || []).forEach((companion, i) => {
    rows.companions();
    const p = companion.person || {};
    const name = (p.names || [])[0] || {};
    set(`companions-${i}-given`, name.given);
    set(`companions-${i}-family`, name.family);
    set(`companions-${i}-script`, name.script);
    set(`companions-${i}-sex`, p.sex);
    set(`companions-${i}-birthDate`, p.birthDate);
    set(`companions-${i}-precision`, p.birthDatePrecision);
    set(`companions-${i}-relationship`, companion.relationship);
  });
  replacing = entry.key;
  showErrors(entry.problems || []);
  await render();
}

/** Duplicate candidates for the person met: null when there is no link (the server's own check runs after saving). */
async function candidatesFor(person) {
  const current = await session();
  if (!current) return null;
  try {
    const response = await fetch('/border/encounters/duplicate-candidates', {
      method: 'POST', redirect: 'manual', cache: 'no-store', body: JSON.stringify(person),
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', [current.csrfHeader]: current.csrfToken }
    });
    if (response.status === 200) return { candidates: (await response.json()).candidates };
    if (response.status === 400 || response.status === 422) return { problems: ((await response.json()).errors || []).map(p => ({ ...p, field: fieldName(p.field) })) };
  } catch (linkDropped) {
    // saved without the check; registration's duplicate review still sees the person
  }
  return null;
}

function showCandidates(candidates, body) {
  const list = $('candidate-list');
  list.replaceChildren(...candidates.map(candidate => {
    const item = $('candidate-template').content.firstElementChild.cloneNode(true);
    item.dataset.person = candidate.personId;
    item.querySelector('.pana-candidate__number').textContent = candidate.registrationNumber;
    item.querySelector('.pana-candidate__name').textContent = candidate.name;
    item.querySelector('.pana-candidate__facts').textContent = [candidate.born, ...candidate.nationalities].filter(Boolean).join(', ');
    item.querySelector('.pana-candidate__score').textContent = candidate.score + '%';
    item.querySelector('[data-testid=same-person]').addEventListener('click', () => {
      const linked = { ...body, personId: candidate.personId };
      delete linked.person;
      save(linked);
    });
    return item;
  }));
  $('save-as-new').onclick = () => save(body);
  $('candidates').hidden = false;
  $('candidates').focus();
}

/** Queues first, then tries to send at once; the officer can go on to the next person either way. */
async function save(body, checked = true) {
  const entry = { key: newKey(), owner, savedAt: Date.now(), status: 'waiting', body, label: labelOf(body) };
  await keep(entry);
  if (replacing) {
    await forget(replacing);
    replacing = null;
  }
  $('candidates').hidden = true;
  const current = navigator.onLine ? await session() : null;
  const answer = current ? await send(entry, current) : { outcome: 'later' };
  if (answer.outcome === 'refused') {
    await forget(entry.key);
    showErrors(answer.problems);
  } else {
    clearErrors();
    resetForm();
    if (answer.outcome === 'later') status(checked ? texts.queued : `${texts.queued} ${texts.notChecked}`);
  }
  await render();
  if (answer.outcome !== 'refused') sendWaiting();
}

form.addEventListener('submit', async event => {
  event.preventDefault();
  clearErrors();
  const body = collect();
  const check = navigator.onLine ? await candidatesFor(body.person) : null;
  if (check && check.problems && check.problems.length > 0) {
    showErrors(check.problems);
    return;
  }
  if (check && check.candidates && check.candidates.length > 0) {
    showCandidates(check.candidates, body);
    return;
  }
  await save(body, check !== null);
});

$('add-name').addEventListener('click', rows.names);
$('add-document').addEventListener('click', rows.documents);
$('add-companion').addEventListener('click', rows.companions);
window.addEventListener('online', () => { linkStatus(); sendWaiting(); });
window.addEventListener('offline', linkStatus);
setInterval(sendWaiting, RETRY_MS);

resetForm();
linkStatus();
render().then(sendWaiting);
form.dataset.ready = 'true';
performance.mark('encounter-form-usable');

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/border/service-worker.js', { scope: '/border/' }).then(() => navigator.serviceWorker.ready).then(registration => {
    // The first visit is not yet served by the worker: hand it what this page loaded, to keep for offline reloads.
    const assets = performance.getEntriesByType('resource').map(r => r.name).filter(url => url.startsWith(location.origin));
    registration.active.postMessage({ keep: [location.pathname, ...assets] });
  }).catch(() => { /* no worker (e.g. private mode): the queue still works while the page stays open */ });
}
