'use strict';
// The agent desk: state buttons and dispositions over the JSON API; state, screen pop and history over SSE.
const $ = (id) => document.getElementById(id);
let agent = '', token = '', source = null, call = null;
function esc(s) { return String(s ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c])); }

async function api(method, path, body) {
  const r = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const data = text ? JSON.parse(text) : null;
  if (!r.ok) throw new Error(data && data.error ? data.error : 'HTTP ' + r.status);
  return data;
}

async function login() {
  agent = $('agent').value.trim(); token = $('token').value.trim();
  try {
    await api('POST', '/api/agents/' + encodeURIComponent(agent) + '/login');
    $('error').textContent = '';
    if (source) source.close();
    source = new EventSource('/api/events?token=' + encodeURIComponent(token));
    source.addEventListener('agent', (e) => render(JSON.parse(e.data)));
  } catch (e) { $('error').textContent = e.message; }
}

async function state(action) {
  try {
    const body = action === 'pause' ? { reason: $('reason').value } : undefined;
    const s = await api('POST', '/api/agents/' + encodeURIComponent(agent) + '/' + action, body);
    $('state').textContent = s.state;
    $('error').textContent = '';
  } catch (e) { $('error').textContent = e.message; }
}

function render(view) {
  const s = view.status;
  $('state').textContent = s.state + (s.pauseReason ? ' (' + s.pauseReason + ')' : '');
  if (view.call && (!call || call.callId !== view.call.callId)) {
    call = view.call;
    $('pop').classList.add('pop');
    $('pop-body').innerHTML = `
      <p><b id="pop-debtor">${esc(call.debtorName)}</b> · account <b id="pop-account">${esc(call.accountId)}</b>
         · campaign ${esc(call.campaign)}</p>
      <p>Owes <b id="pop-amount">${esc(call.currency)} ${esc(call.amountDue)}</b>, due ${esc(call.dueDate)},
         <b>${call.daysPastDue}</b> days past due · debtor's zone ${esc(call.debtorZone)}</p>
      <p class="muted">IVR path: ${call.ivrPath.map(esc).join(' → ')}</p>
      <p class="muted">Promises: ${call.promises.map((p) => esc(p.amount + ' by ' + p.payBy)).join('; ') || 'none'}</p>
      <p class="muted">Attempts: ${call.attempts.map((a) => esc(a.at.slice(0, 16) + ' ' + a.disposition.toLowerCase())).join('; ') || 'none'}</p>`;
    $('pop-body').dataset.call = call.callId;
    $('amount').value = call.amountDue;
  } else if (!view.call && call) {
    call = null;
    $('pop').classList.remove('pop');
    $('pop-body').textContent = 'No call. Press Ready to take calls.';
  }
  $('history').innerHTML = view.history.map((h) => `<tr><td>${esc(h.at.slice(11, 19))}</td><td>${esc(h.account)}</td>
      <td>${esc(h.outcome)}</td><td>${esc(h.amount || '')}</td></tr>`).join('');
}

$('disposition').onsubmit = async (e) => {
  e.preventDefault();
  if (!call) { $('error').textContent = 'no call to record'; return; }
  const outcome = $('outcome').value;
  const body = { outcome };
  if (outcome === 'PROMISE') { body.amount = $('amount').value; body.payBy = $('payBy').value; }
  if (outcome === 'CALLBACK') body.callbackAt = $('callbackAt').value + ':00Z';
  try {
    await api('POST', '/api/calls/' + encodeURIComponent(call.callId) + '/disposition', body);
    $('error').textContent = 'recorded';
  } catch (err) { $('error').textContent = err.message; }
};
$('login').onclick = login;
$('ready').onclick = () => state('ready');
$('pause').onclick = () => state('pause');
