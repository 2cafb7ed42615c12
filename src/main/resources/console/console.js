// The calls console: plain DOM, no framework, no build step. Every text from the server is inserted with
// textContent (never as markup), so a transcript line can only ever show as text.
'use strict';

const KEY = 'aivoicebot.adminKey';
const LIST_REFRESH_MS = 3000;
const CALL_REFRESH_MS = 2000;
const $ = (selector) => document.querySelector(selector);

const state = { cursors: [null], refresh: null, open: false };
window.callsConsole = state; // for tests and curious operators

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

function show(section) {
  for (const id of ['login', 'list', 'call']) $('#' + id).hidden = id !== section;
  $('#logout').hidden = section === 'login' || state.open;
}

class Unauthorized extends Error {}

async function api(path) {
  const headers = { Accept: 'application/json' };
  const key = sessionStorage.getItem(KEY);
  if (key) headers.Authorization = 'Bearer ' + key;
  const response = await fetch(path, { headers, cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (response.status === 401) throw new Unauthorized(body.detail || 'unauthorized');
  if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
  return body;
}

function stopRefresh() {
  state.generation = (state.generation || 0) + 1; // a run of an older loop still awaiting its task stops after it
  clearTimeout(state.refresh);
  state.refresh = null;
}

/** Runs task now and every ms after it finished, until stopRefresh() or the next every(). */
function every(ms, task) {
  stopRefresh();
  const generation = state.generation;
  const run = async () => {
    try {
      await task();
    } finally {
      if (generation === state.generation) state.refresh = setTimeout(run, ms);
    }
  };
  run();
}

// ---- login

function needLogin(message) {
  stopRefresh();
  sessionStorage.removeItem(KEY);
  $('#login-error').textContent = message || '';
  show('login');
  $('#key').focus();
}

$('#login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('#key').value);
  $('#key').value = '';
  route();
});

$('#logout').addEventListener('click', () => needLogin(''));

// ---- list

function filters() {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData($('#filters'))) {
    if (String(value).trim() !== '') params.set(name, String(value).trim());
  }
  const cursor = state.cursors[state.cursors.length - 1];
  if (cursor) params.set('cursor', cursor);
  return params;
}

$('#filters').addEventListener('submit', (event) => {
  event.preventDefault();
  state.cursors = [null];
  every(LIST_REFRESH_MS, loadList);
});
$('#older').addEventListener('click', () => {
  state.cursors.push(state.nextCursor);
  every(LIST_REFRESH_MS, loadList);
});
$('#newer').addEventListener('click', () => {
  if (state.cursors.length > 1) state.cursors.pop();
  every(LIST_REFRESH_MS, loadList);
});

function duration(ms) {
  if (ms === null || ms === undefined) return '';
  const s = Math.round(ms / 1000);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

function cost(usd) {
  return usd === null || usd === undefined ? '' : '$' + usd.toFixed(4);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

async function loadList() {
  let page;
  try {
    page = await api('/api/calls?' + filters());
  } catch (e) {
    if (e instanceof Unauthorized) return needLogin('That key was refused.');
    $('#list-error').textContent = e.message;
    return;
  }
  $('#list-error').textContent = '';
  state.nextCursor = page.nextCursor;
  const rows = page.calls.map((call) => {
    const row = el('tr');
    row.dataset.callSid = call.callSid;
    row.classList.toggle('live', call.live);
    const started = el('td', null, when(call.startedAt));
    const ended = el('td');
    if (call.live) ended.append(el('span', 'badge live', 'live'));
    else ended.append(el('span', 'badge', call.endReason || 'no end recorded'));
    row.append(started, el('td', null, call.from), el('td', null, call.to), el('td', null, duration(call.durationMs)),
        ended, el('td', null, cost(call.costUsd)), el('td', null, call.summary));
    row.addEventListener('click', () => { location.hash = '#/calls/' + call.callSid; });
    return row;
  });
  $('#calls tbody').replaceChildren(...rows);
  $('#empty').hidden = rows.length > 0;
  $('#older').disabled = !page.nextCursor;
  $('#newer').disabled = state.cursors.length <= 1;
  $('#refreshed').textContent = 'updated ' + new Date().toLocaleTimeString();
}

// ---- one call

function relative(at, start) {
  const s = Math.max(0, (new Date(at) - new Date(start)) / 1000);
  return '+' + Math.floor(s / 60) + ':' + (s % 60).toFixed(1).padStart(4, '0');
}

const WHO = { customer: 'Caller', assistant: 'Assistant', system: 'System' };
const EVENT = { barge_in: 'Barge-in', tool: 'Tool', transfer: 'Transfer', recording: 'Recording', key_press: 'Key',
  call_started: 'Started', call_ended: 'Ended', summary: 'Summary', outcome: 'Outcome', usage: 'Usage' };

function fact(name, value) {
  return value === null || value === undefined || value === '' ? [] : [el('dt', null, name), el('dd', null, value)];
}

async function loadCall(callSid) {
  let call;
  try {
    call = await api('/api/calls/' + encodeURIComponent(callSid));
  } catch (e) {
    if (e instanceof Unauthorized) return needLogin('That key was refused.');
    $('#call-error').textContent = e.message;
    stopRefresh();
    return;
  }
  $('#call-error').textContent = '';
  $('#call-title').replaceChildren(el('span', null, (call.from || 'unknown') + ' \u2192 ' + (call.to || 'unknown') + ' '),
      el('span', call.live ? 'badge live' : 'badge', call.live ? 'live' : (call.endReasonText || 'no end recorded')));
  $('#call-facts').replaceChildren(...fact('CallSid', call.callSid), ...fact('Direction', call.direction),
      ...fact('Profile', call.profile), ...fact('Started', when(call.startedAt)), ...fact('Ended', when(call.endedAt)),
      ...fact('Duration', duration(call.durationMs)), ...fact('Transferred to', call.transferTarget),
      ...fact('Recording', call.recordingSid), ...fact('Cost', cost(call.costUsd)),
      ...fact('Tokens', call.usage ? 'in ' + (call.usage.inputTextTokens + call.usage.inputAudioTokens)
          + ', out ' + (call.usage.outputTextTokens + call.usage.outputAudioTokens) : null));
  $('#call-summary-box').hidden = !call.summary;
  $('#call-summary').textContent = call.summary || '';
  $('#call-outcome-box').hidden = !call.outcome;
  $('#call-outcome').textContent = call.outcome ? JSON.stringify(call.outcome, null, 2) : '';
  $('#timeline').replaceChildren(...call.lines.map((line) => {
    const item = el('li', [line.speaker, line.kind, line.interrupted ? 'interrupted' : ''].join(' ').trim());
    item.dataset.seq = line.seq;
    item.dataset.kind = line.kind;
    item.title = line.at;
    const who = line.speaker === 'system' ? (EVENT[line.kind] || 'System') : WHO[line.speaker];
    item.append(el('span', 'at', relative(line.at, call.startedAt)), el('span', 'who', who), el('span', 'text', line.text));
    return item;
  }));
  if (!call.live) stopRefresh();
}

// ---- routing

async function detectOpenServer() {
  if (sessionStorage.getItem(KEY)) return;
  try {
    await api('/api/calls?limit=1');
    state.open = true;
    $('#mode').textContent = 'open: no ADMIN_API_KEY on this server';
  } catch (e) {
    state.open = false;
  }
}

async function route() {
  stopRefresh();
  await detectOpenServer();
  if (!state.open && !sessionStorage.getItem(KEY)) return needLogin('');
  const match = location.hash.match(/^#\/calls\/(CA[0-9a-fA-F]{32})$/);
  if (match) {
    show('call');
    $('#timeline').replaceChildren();
    every(CALL_REFRESH_MS, () => loadCall(match[1]));
  } else {
    show('list');
    every(LIST_REFRESH_MS, loadList);
  }
}

window.addEventListener('hashchange', route);
route();
