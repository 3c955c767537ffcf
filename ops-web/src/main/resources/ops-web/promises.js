'use strict';
// The promise book: running promises by pay-by date, broken ones to call back, one promise's account history
// (attempts and payments), and cancelling a running promise with a reason.
const $ = (id) => document.getElementById(id);
let selected = null;

function time(t) { return t ? String(t).replace('T', ' ').replace(/(:\d\d)(\.\d+)?Z$/, '$1') + ' UTC' : ''; }
function money(p, field) { return ops.esc(p[field]) + ' ' + ops.esc(p.currency); }
function button(p, label) {
  return `<button type="button" class="show" data-call="${ops.esc(p.callId)}">${label}</button>`;
}

async function load() {
  const r = await ops.api('GET', '/api/promises');
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  $('error').textContent = '';
  $('running').innerHTML = r.data.running.map((p) => `<tr data-call="${ops.esc(p.callId)}">
    <td>${ops.esc(p.payBy)}</td><td>${ops.esc(p.accountId)}</td><td>${ops.esc(p.campaign)}</td>
    <td>${money(p, 'amount')}</td><td>${money(p, 'paid')}</td><td>${ops.esc(p.state)}</td>
    <td>${button(p, 'history / cancel')}</td></tr>`).join('')
    || '<tr><td colspan="7" class="muted">no running promises</td></tr>';
  $('broken').innerHTML = r.data.broken.map((p) => `<tr data-call="${ops.esc(p.callId)}">
    <td>${time(p.changedAt)}</td><td>${ops.esc(p.payBy)}</td><td>${ops.esc(p.accountId)}</td>
    <td>${ops.esc(p.campaign)}</td><td>${money(p, 'amount')}</td><td>${money(p, 'paid')}</td>
    <td>${button(p, 'history')}</td></tr>`).join('')
    || '<tr><td colspan="7" class="muted">no broken promises</td></tr>';
  document.querySelectorAll('button.show').forEach((b) => { b.onclick = () => show(b.dataset.call); });
}

async function show(callId) {
  const r = await ops.api('GET', '/api/promises/' + encodeURIComponent(callId));
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  const p = r.data;
  selected = callId;
  $('history').hidden = false;
  $('history').dataset.call = callId;
  $('history-title').textContent = `Promise of call ${p.callId}: ${p.amount} ${p.currency} by ${p.payBy}, ${p.state}`
    + (p.note ? ` (${p.note})` : '');
  const a = p.account;
  $('history-account').textContent = a ? `${a.debtorName} (${a.id}) owes ${a.amountDue} ${p.currency}, due ${a.dueDate}, `
    + `${a.daysPastDue} days past due; promised ${time(p.promisedAt)}, ${p.paid} paid so far`
    : `account ${p.accountId} is no longer stored`;
  $('cancel').hidden = !(p.state === 'OPEN' || p.state === 'PARTLY_KEPT');
  $('cancel-error').textContent = '';
  $('attempts').innerHTML = p.attempts.slice().reverse().map((t) => `<tr><td>${time(t.at)}</td>
    <td>${ops.esc(t.outcome)}</td><td>${ops.esc(t.disposition)}</td><td>${t.rightParty ? 'yes' : ''}</td></tr>`).join('')
    || '<tr><td colspan="4" class="muted">none</td></tr>';
  $('payments').innerHTML = p.payments.map((m) => `<tr><td>${time(m.paidAt)}</td><td>${money(m, 'amount')}</td>
    <td>${ops.esc(m.reference)}</td></tr>`).join('') || '<tr><td colspan="3" class="muted">none</td></tr>';
}

async function cancel(event) {
  event.preventDefault();
  const r = await ops.api('POST', '/api/promises/' + encodeURIComponent(selected) + '/cancel',
    { reason: $('reason').value });
  if (!r.ok) { $('cancel-error').textContent = r.data.error; return; }
  $('reason').value = '';
  await load();
  await show(selected);
}

$('refresh').onclick = load;
$('cancel').onsubmit = cancel;
ops.signIn(load);
