'use strict';
// The lists page: accounts and do-not-call uploads streamed with XHR (its upload progress drives the bar); a refused
// file's problems are tabled (line, column, value, reason), an accepted one's counts and warnings shown.
const $ = (id) => document.getElementById(id);

function table(rows) {
  const body = $('problems').querySelector('tbody');
  body.innerHTML = rows.map((p) => `<tr><td>${ops.esc(p.line)}</td><td>${ops.esc(p.column)}</td>
    <td><code>${ops.esc(p.value)}</code></td><td>${ops.esc(p.reason)}</td></tr>`).join('');
  $('problems').hidden = rows.length === 0;
}

function show(state, text, rows) {
  $('status').className = state;
  $('status').textContent = text;
  table(rows || []);
}

function accepted(kind, data) {
  if (kind === 'dnc') {
    show('ok', `listed ${data.listed} numbers as ${data.reason} (${data.alreadyListed} already listed)`);
    return;
  }
  const reasons = Object.entries(data.undialable).map(([r, n]) => r + ' ' + n).join(', ');
  show('ok', `imported ${data.imported} accounts into ${data.campaign}` + (data.undialableNumbers
    ? `; warning: ${data.undialableNumbers} numbers can never be dialed by the campaign's rules (${reasons}),`
      + ' the first of them below' : ''), data.warnings);
}

function refused(data, status) {
  if (data && data.errors) {
    const more = data.count > data.errors.length ? ` (the first ${data.errors.length} shown)` : '';
    show('error', `file rejected, ${data.count} problem${data.count === 1 ? '' : 's'}${more}; nothing was stored`,
      data.errors);
  } else {
    show('error', (data && data.error ? data.error : 'HTTP ' + status) + '; nothing was stored');
  }
}

function upload(event) {
  event.preventDefault();
  const form = event.target;
  const kind = form.dataset.kind;
  const file = $(kind + '-file').files[0];
  if (!file) { show('error', 'choose a file first'); return; }
  const region = $(kind + '-region').value.trim();
  const query = new URLSearchParams();
  if (region) query.set('region', region);
  if (kind === 'dnc') query.set('reason', $('dnc-reason').value.trim());
  const path = kind === 'dnc' ? '/api/do-not-call'
    : '/api/campaigns/' + encodeURIComponent($('campaign').value) + '/accounts';
  const xhr = new XMLHttpRequest();
  xhr.open('POST', path + (query.toString() ? '?' + query : ''));
  xhr.setRequestHeader('Authorization', 'Bearer ' + ops.token());
  xhr.setRequestHeader('Content-Type', 'text/csv');
  $('file-name').textContent = file.name + ' (' + file.size + ' bytes)';
  $('progress').value = 0;
  show('muted', 'uploading...');
  xhr.upload.onprogress = (e) => { if (e.lengthComputable) $('progress').value = e.loaded / e.total; };
  xhr.upload.onload = () => { $('progress').value = 1; show('muted', 'uploaded; checking every line...'); };
  xhr.onload = () => {
    $('progress').value = 1;
    let data = null;
    try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
    if (xhr.status === 200) accepted(kind, data); else refused(data, xhr.status);
    $('progress').dataset.done = 'true';
  };
  xhr.onerror = () => show('error', 'the upload was cut off (the server refuses a file over its http.maxBodyBytes '
    + 'before reading it, or the connection failed); nothing was stored');
  delete $('progress').dataset.done;
  xhr.send(file);
}

async function load() {
  const r = await ops.api('GET', '/api/campaigns');
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  $('error').textContent = '';
  $('campaign').innerHTML = r.data.map((c) => `<option value="${ops.esc(c.id)}">${ops.esc(c.name)} (${ops.esc(c.id)})</option>`).join('');
}

$('accounts').onsubmit = upload;
$('dnc').onsubmit = upload;
ops.signIn(load);
