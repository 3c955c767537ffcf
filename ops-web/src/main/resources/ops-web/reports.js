'use strict';
// The reports page: campaigns by day, abandon rates against the 3% limit, contact rate by the debtor's local hour and
// weekday with the peak windows, and the agents' day, each from /api/reports/... (JSON) with its CSV beside it.
(() => {
  const $ = (id) => document.getElementById(id);
  const esc = ops.esc;
  const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
  const charts = {};

  const pct = (x) => (100 * x).toFixed(2) + '%';
  const hms = (s) => {
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60);
    return h + ':' + String(m).padStart(2, '0') + ':' + String(s % 60).padStart(2, '0');
  };
  const hours = (t) => { const [h, m] = t.split(':').map(Number); return h + m / 60; };

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function query(params) {
    const q = new URLSearchParams();
    Object.entries(params).forEach(([k, v]) => { if (v) q.set(k, v); });
    const s = q.toString();
    return s ? '?' + s : '';
  }

  function links() {
    const range = { from: $('from').value, to: $('to').value };
    $('campaigns-csv').href = '/api/reports/campaigns.csv' + query(range);
    $('hours-csv').href = '/api/reports/contact-hours.csv' + query({ campaign: $('campaign').value, ...range });
    $('agents-csv').href = '/api/reports/agents.csv' + query({ day: $('day').value });
  }

  function fail(answer) {
    $('error').textContent = (answer.data && answer.data.error) || ('request failed: ' + answer.status);
    document.body.dataset.state = 'error';
  }

  function campaignRows(rows) {
    $('campaigns').innerHTML = rows.map((r) => {
      const p = r.promises;
      const sum = (k) => p.reduce((n, f) => n + f[k], 0);
      const money = (k) => p.map((f) => f[k] + ' ' + f.currency).join(', ');
      const a = r.abandons;
      return `<tr data-campaign="${esc(r.campaign)}" data-day="${esc(r.day)}"><td>${esc(r.campaign)}</td>`
        + `<td>${esc(r.day)}</td><td class="dials">${r.dials}</td><td class="answered">${r.answered}</td>`
        + `<td class="live">${r.liveAnswers}</td><td class="rpc">${r.rightPartyContacts}</td>`
        + `<td class="abandoned">${a.abandoned}</td>`
        + `<td class="rate${a.rate > 0.03 ? ' over' : ''}">${pct(a.rate)}</td>`
        + `<td class="rate30${a.rate30Days > 0.03 ? ' over' : ''}">${pct(a.rate30Days)}</td>`
        + `<td class="promises">${sum('made')}</td><td>${esc(money('promised'))}</td><td class="kept">${sum('kept')}</td>`
        + `<td>${sum('partlyKept')}</td><td class="broken">${sum('broken')}</td><td>${esc(money('paid'))}</td></tr>`;
    }).join('') || '<tr><td colspan="15" class="muted">no calls or promises on these days</td></tr>';
  }

  function abandons(answer) {
    const rows = answer.today.campaigns;
    $('abandons').innerHTML = rows.map((r) => {
      const a = r.abandons;
      return `<tr data-campaign="${esc(r.campaign)}"><td>${esc(r.campaign)}</td>`
        + `<td class="today${a.rate > 0.03 ? ' over' : ''}">${pct(a.rate)}</td><td class="live-today">${a.liveAnswers}</td>`
        + `<td class="days30${a.rate30Days > 0.03 ? ' over' : ''}">${pct(a.rate30Days)}</td>`
        + `<td>${a.liveAnswers30Days}</td></tr>`;
    }).join('') || '<tr><td colspan="5" class="muted">no calls in the last 30 days</td></tr>';
    chart('abandon-chart').setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: (v) => v.toFixed(2) + '%' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: rows.map((r) => r.campaign) },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, max: (v) => Math.max(4, Math.ceil(v.max)) },
      series: [
        { name: 'today (' + answer.today.day + ')', type: 'bar', data: rows.map((r) => 100 * r.abandons.rate),
          markLine: { symbol: 'none', silent: true, lineStyle: { color: '#c1121f', type: 'dashed' },
            label: { formatter: 'limit 3%', position: 'insideEndTop' }, data: [{ yAxis: 100 * answer.abandonLimit }] } },
        { name: '30 days', type: 'bar', data: rows.map((r) => 100 * r.abandons.rate30Days) },
      ],
    }, true);
  }

  function heatmap(answer) {
    const cells = answer.cells;
    const total = cells.reduce((n, c) => n + c.dials, 0);
    $('hours-total').textContent = total + ' calls in the grid.';
    $('hours-total').dataset.dials = total;
    $('peaks').textContent = answer.peaks.map((p) => p.starts + '-' + p.ends).join(', ');
    const data = cells.filter((c) => c.dials > 0)
      .map((c) => [c.hour, c.weekday - 1, +(100 * c.contactRate).toFixed(1), c.dials, c.answers]);
    chart('hours-chart').setOption({
      animation: false,
      tooltip: { renderMode: 'richText', formatter: (p) => p.seriesType !== 'heatmap' ? ''
        : `${WEEKDAYS[p.data[1]]} ${HOURS[p.data[0]]}:00  ${p.data[2]}% (${p.data[4]} of ${p.data[3]} calls)` },
      grid: { left: 44, right: 16, top: 10, bottom: 80 },
      xAxis: [{ type: 'category', data: HOURS, splitArea: { show: true } },
        { type: 'value', min: 0, max: 24, show: false }],
      yAxis: { type: 'category', data: WEEKDAYS, inverse: true, splitArea: { show: true } },
      visualMap: { min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        text: ['100% answered', '0%'], itemHeight: 120, inRange: { color: ['#f1f3f5', '#2a9d8f', '#1d3557'] } },
      series: [
        { name: 'contact rate', type: 'heatmap', data, label: { show: true, fontSize: 10, formatter: (p) => Math.round(p.data[2]) } },
        { name: 'peak windows', type: 'line', xAxisIndex: 1, data: [], silent: true,
          markArea: { silent: true, itemStyle: { color: 'rgba(233, 196, 106, 0.25)', borderColor: '#e9c46a',
            borderWidth: 1 }, data: answer.peaks.map((p) => [{ xAxis: hours(p.starts) }, { xAxis: hours(p.ends) }]) } },
      ],
    }, true);
  }

  function agentRows(answer) {
    $('agents').innerHTML = answer.rows.map((r) => {
      const reasons = Object.entries(r.pausedByReason).map(([k, v]) => k + ' ' + hms(v)).join(', ');
      return `<tr data-agent="${esc(r.agent)}"><td>${esc(r.agent)}</td><td class="calls">${r.calls}</td>`
        + `<td>${hms(r.talkSeconds)}</td><td>${hms(r.wrapUpSeconds)}</td><td>${hms(r.readySeconds)}</td>`
        + `<td>${hms(r.pausedSeconds)}</td><td>${esc(reasons)}</td><td class="promises">${r.promises}</td>`
        + `<td class="occupancy">${pct(r.occupancy)}</td><td>${r.callsPerHour.toFixed(1)}</td></tr>`;
    }).join('') || '<tr><td colspan="10" class="muted">no agents configured</td></tr>';
  }

  async function load() {
    document.body.dataset.state = 'loading';
    $('error').textContent = '';
    links();
    const range = { from: $('from').value, to: $('to').value };
    const [campaigns, contact, agents] = await Promise.all([
      ops.api('GET', '/api/reports/campaigns' + query(range)),
      ops.api('GET', '/api/reports/contact-hours' + query({ campaign: $('campaign').value, ...range })),
      ops.api('GET', '/api/reports/agents' + query({ day: $('day').value })),
    ]);
    for (const answer of [campaigns, contact, agents]) {
      if (!answer.ok) return fail(answer);
    }
    const c = campaigns.data;
    if (!$('to').value) { $('from').value = c.from; $('to').value = c.to; }
    if (!$('day').value) $('day').value = agents.data.day;
    links();
    $('zone-note').textContent = 'Days are counted in ' + c.zone + ', the zone the 3% abandon limit counts its days'
      + ' in; the heatmap is in each debtor\'s own local time.';
    const known = new Set([...$('campaign').options].map((o) => o.value));
    c.rows.map((r) => r.campaign).concat(c.today.campaigns.map((r) => r.campaign)).forEach((id) => {
      if (!known.has(id)) { known.add(id); $('campaign').add(new Option(id, id)); }
    });
    campaignRows(c.rows);
    abandons(c);
    heatmap(contact.data);
    agentRows(agents.data);
    document.body.dataset.state = 'ready';
  }

  /** CSV links carry the bearer token through fetch, then hand the file to the browser as a download. */
  document.querySelectorAll('a.csv').forEach((a) => a.addEventListener('click', async (e) => {
    e.preventDefault();
    const r = await fetch(a.href, { headers: { Authorization: 'Bearer ' + ops.token() } });
    if (!r.ok) return fail({ status: r.status, data: await r.json().catch(() => null) });
    const url = URL.createObjectURL(await r.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = new URL(a.href).pathname.split('/').pop();
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  }));
  $('range').addEventListener('submit', (e) => { e.preventDefault(); load(); });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  ops.signIn(load);
})();
