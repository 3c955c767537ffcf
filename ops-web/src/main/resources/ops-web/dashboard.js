'use strict';
// The operations dashboard: live figures over server-sent events, start/pause buttons over the JSON API.
let token = sessionStorage.getItem('opsToken') || new URLSearchParams(location.hash.slice(1)).get('token') || '';
let source = null;
let daySamples = [];
const colours = ['#1d3557', '#e76f51', '#2a9d8f', '#8d5fd3'];
const $ = (id) => document.getElementById(id);
$('token').value = token;

function pct(x) { return (100 * x).toFixed(1) + '%'; }
function esc(s) { return String(s ?? '').replace(/[&<>"']/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c])); }

function connect() {
  token = $('token').value.trim();
  sessionStorage.setItem('opsToken', token);
  if (source) source.close();
  source = new EventSource('/api/events?token=' + encodeURIComponent(token));
  source.addEventListener('figures', (e) => { $('error').textContent = ''; render(JSON.parse(e.data)); });
  source.onopen = () => { daySamples = []; };
  source.onerror = () => { $('error').textContent = 'live updates interrupted (check the token); retrying'; };
}

async function act(id, action) {
  const r = await fetch('/api/campaigns/' + encodeURIComponent(id) + '/' + action,
      { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
  if (!r.ok) $('error').textContent = (await r.json()).error;
}

// The first event of a connection carries the day's samples; later ones only the samples taken since.
function remember(snapshot) {
  daySamples = snapshot.historyAppend ? daySamples.concat(snapshot.history) : snapshot.history;
  const limit = snapshot.historyLimit * Math.max(1, snapshot.campaigns.length);
  if (daySamples.length > limit) daySamples = daySamples.slice(daySamples.length - limit);
}

function render(snapshot) {
  remember(snapshot);
  $('clock').textContent = 'engine time ' + snapshot.at.replace('T', ' ').replace(/\..*/, '').replace('Z', '') + ' UTC';
  $('campaigns').innerHTML = snapshot.campaigns.map((c) => {
    const agents = Object.entries(c.agents).map(([s, n]) => s.toLowerCase().replace('_', ' ') + ' ' + n).join(', ');
    const amount = Object.entries(c.promisedAmount).map(([cur, v]) => cur + ' ' + Number(v).toFixed(2)).join(', ') || '0';
    return `<div class="card campaign" data-id="${esc(c.id)}">
      <h2>${esc(c.name)} <span class="muted">${esc(c.id)} · ${esc(c.mode)}</span>
        <span class="state ${esc(c.state)}">${esc(c.state)}</span>
        <button class="start" data-id="${esc(c.id)}">Start</button>
        <button class="pause" data-id="${esc(c.id)}">Pause</button></h2>
      <div class="figures">
        <div><b class="dials">${c.dials}</b><span>dials</span></div>
        <div><b class="dpm">${c.dialsPerMinute.toFixed(1)}</b><span>dials / minute</span></div>
        <div><b class="answer-rate">${pct(c.answerRate)}</b><span>answer rate</span></div>
        <div><b class="rpc">${c.rightPartyContacts}</b><span>right-party contacts</span></div>
        <div><b class="promises">${c.promises}</b><span>promises</span></div>
        <div><b class="amount small">${esc(amount)}</b><span>promised</span></div>
        <div><b class="abandon ${c.abandonRate > c.abandonLimit ? 'over' : ''}">${pct(c.abandonRate)}</b>
          <span>abandoned (limit ${pct(c.abandonLimit)})</span></div>
        <div><b class="pacing">${c.pacingRatio == null ? '–' : c.pacingRatio.toFixed(2)}</b><span>pacing (calls per staffed agent)</span></div>
      </div>
      <p class="muted">agents: ${esc(agents) || 'none'} · occupancy ${pct(c.occupancy)} · calls up ${c.callsUp}
        · queued ${c.queued} · leased ${c.leased}</p>
      ${c.paused && c.paused.length ? `<p class="muted paused">paused: ${esc(c.paused.join(', '))}</p>` : ''}
      ${c.notice ? `<div class="notice">${esc(c.notice)}</div>` : ''}
    </div>`;
  }).join('');
  document.querySelectorAll('button.start').forEach((b) => b.onclick = () => act(b.dataset.id, 'start'));
  document.querySelectorAll('button.pause').forEach((b) => b.onclick = () => act(b.dataset.id, 'pause'));
  chart(snapshot);
}

function chart(snapshot) {
  const canvas = $('chart');
  const g = canvas.getContext('2d');
  g.clearRect(0, 0, canvas.width, canvas.height);
  const samples = daySamples;
  if (samples.length < 2) return;
  const t0 = Date.parse(samples[0].at), t1 = Date.parse(samples[samples.length - 1].at);
  const top = Math.max(1, ...samples.map((s) => s.dials));
  const x = (t) => 40 + (canvas.width - 60) * (t1 === t0 ? 0 : (t - t0) / (t1 - t0));
  const y = (v) => canvas.height - 20 - (canvas.height - 40) * v / top;
  g.fillStyle = '#555'; g.font = '12px sans-serif';
  g.fillText(String(top), 4, 20); g.fillText('0', 4, canvas.height - 20);
  snapshot.campaigns.forEach((c, i) => {
    const mine = samples.filter((s) => s.campaign === c.id);
    g.strokeStyle = colours[i % colours.length];
    for (const [field, dash] of [['dials', []], ['promises', [6, 4]]]) {
      g.setLineDash(dash); g.beginPath();
      mine.forEach((s, k) => (k ? g.lineTo : g.moveTo).call(g, x(Date.parse(s.at)), y(s[field])));
      g.stroke();
    }
    g.setLineDash([]); g.fillStyle = colours[i % colours.length];
    g.fillText(c.id, canvas.width - 120, 20 + 14 * i);
  });
}

$('connect').onclick = connect;
if (token) connect();
