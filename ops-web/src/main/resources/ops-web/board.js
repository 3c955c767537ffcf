'use strict';
// The supervisor board: every agent's state, time in state and current call, live over the figures events of
// /api/events. Times are measured against the engine's clock (the event's "at"), which the demo runs faster.
const $ = (id) => document.getElementById(id);
const states = ['READY', 'RESERVED', 'ON_CALL', 'WRAP_UP', 'PAUSED', 'LOGGED_OUT'];
// Minutes in one state before an agent is highlighted: the floor's own choice, kept in this browser.
const initialLimits = { READY: 10, RESERVED: 0.5, ON_CALL: 15, WRAP_UP: 2, PAUSED: 15, LOGGED_OUT: 0 };
let limits = Object.assign({}, initialLimits, JSON.parse(localStorage.getItem('boardLimits') || '{}'));
let source = null;
let last = null;

function duration(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(sec).padStart(2, '0');
}

function late(agent, ms) {
  const limit = limits[agent.state];
  return limit > 0 && ms > limit * 60000;
}

function render(event) {
  last = event;
  const now = Date.parse(event.at);
  $('clock').textContent = 'engine time ' + event.at.replace('T', ' ').replace(/\..*/, '').replace('Z', '') + ' UTC';
  const counts = {};
  event.agents.forEach((a) => { counts[a.state] = (counts[a.state] || 0) + 1; });
  $('totals').innerHTML = states.map((s) =>
    `<div><b class="count-${s}">${counts[s] || 0}</b><span>${s.toLowerCase().replace('_', ' ')}</span></div>`).join('');
  $('agents').innerHTML = event.agents.map((a) => {
    const inState = now - Date.parse(a.since);
    const onCall = a.call && a.state === 'ON_CALL';
    return `<tr class="agent-row${late(a, inState) ? ' late' : ''}" data-agent="${ops.esc(a.agent)}">
      <td>${ops.esc(a.agent)}</td><td>${ops.esc(a.campaigns.join(', '))}</td>
      <td><span class="state ${ops.esc(a.state)}">${ops.esc(a.state)}</span></td>
      <td class="in-state">${a.state === 'LOGGED_OUT' ? '' : duration(inState)}</td>
      <td>${ops.esc(a.pauseReason || '')}</td>
      <td class="call-campaign">${a.call ? ops.esc(a.call.campaign) : ''}</td>
      <td class="call-duration">${onCall ? duration(inState) : (a.call ? 'connecting' : '')}</td></tr>`;
  }).join('');
}

function limitFields() {
  $('limit-fields').innerHTML = states.filter((s) => s !== 'LOGGED_OUT').map((s) =>
    `<label>${s.toLowerCase().replace('_', ' ')} <input type="number" min="0" step="0.5" data-state="${s}"
      value="${limits[s]}"></label>`).join('');
  document.querySelectorAll('#limit-fields input').forEach((input) => {
    input.onchange = () => {
      limits[input.dataset.state] = Number(input.value) || 0;
      localStorage.setItem('boardLimits', JSON.stringify(limits));
      if (last) render(last);
    };
  });
}

function connect() {
  if (source) source.close();
  source = new EventSource('/api/events?token=' + encodeURIComponent(ops.token()));
  source.addEventListener('figures', (e) => { $('error').textContent = ''; render(JSON.parse(e.data)); });
  source.onerror = () => { $('error').textContent = 'live updates interrupted (check the token); retrying'; };
}

limitFields();
ops.signIn(connect);
