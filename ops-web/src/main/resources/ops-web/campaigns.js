'use strict';
// The campaigns page: list, create, edit, delete, start/pause/stop. Every field and its default come from
// /api/campaign-schema; the server's validation errors are shown beside the field they name.
const $ = (id) => document.getElementById(id);
let schema = [];
let editing = null; // the id being edited, or null for a new campaign

function shown(value) {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function input(f) {
  const id = 'f-' + f.key;
  const hint = f.default === null ? (f.note || 'none') : shown(f.default) + (f.note ? ' (' + f.note + ')' : '');
  let control;
  if (f.type === 'enum' || f.type === 'boolean') {
    const values = f.type === 'boolean' ? ['true', 'false'] : f.values;
    control = `<select id="${ops.esc(id)}" name="${ops.esc(f.key)}"><option value="">default</option>`
      + values.map((v) => `<option>${ops.esc(v)}</option>`).join('') + '</select>';
  } else if (f.type === 'json') {
    control = `<textarea id="${ops.esc(id)}" name="${ops.esc(f.key)}" rows="1"></textarea>`;
  } else {
    control = `<input id="${ops.esc(id)}" name="${ops.esc(f.key)}" autocomplete="off">`;
  }
  return `<div class="field" data-key="${ops.esc(f.key)}">
    <label for="${ops.esc(id)}">${ops.esc(f.key)}${f.required ? ' <b class="over">*</b>' : ''}
      <span class="muted">${ops.esc(f.type)}</span></label>
    ${control}
    <span class="default muted">${f.required ? 'required' : 'default: ' + ops.esc(hint)}</span>
    <div class="field-error"></div>
  </div>`;
}

function renderForm() {
  const groups = {};
  schema.forEach((f) => {
    const group = f.key.includes('.') ? f.key.slice(0, f.key.lastIndexOf('.')) : 'campaign';
    (groups[group] = groups[group] || []).push(f);
  });
  $('fields').innerHTML = Object.entries(groups).map(([name, fields]) =>
    `<fieldset><legend>${ops.esc(name)}</legend>${fields.map(input).join('')}</fieldset>`).join('');
}

function control(key) {
  return document.querySelector(`.field[data-key="${CSS.escape(key)}"] [name]`);
}

function clearErrors() {
  document.querySelectorAll('.field').forEach((el) => {
    el.classList.remove('invalid');
    el.querySelector('.field-error').textContent = '';
  });
  $('form-error').textContent = '';
  $('saved').textContent = '';
}

/** The field a server message is about: the longest key it starts with, as campaign.X, window.X, field 'X' or X. */
function fieldOf(problem) {
  const quoted = /^(?:unknown )?field '([^']+)'/.exec(problem);
  const text = quoted ? quoted[1] : problem.replace(/^(campaign|window)\./, '').replace(/^window:/, 'opens:');
  let best = null;
  for (const f of schema) {
    const next = text.charAt(f.key.length);
    if (text.startsWith(f.key) && (next === '' || /[\s:.\[']/.test(next)) && (!best || f.key.length > best.length)) {
      best = f.key;
    }
  }
  return best;
}

function showProblems(problems) {
  const general = [];
  problems.forEach((p) => {
    const key = fieldOf(p);
    const el = key && document.querySelector(`.field[data-key="${CSS.escape(key)}"]`);
    if (!el) { general.push(p); return; }
    el.classList.add('invalid');
    const box = el.querySelector('.field-error');
    box.textContent = (box.textContent ? box.textContent + '; ' : '') + p;
  });
  $('form-error').textContent = general.length ? general.join('; ') : 'nothing was stored: see the fields marked';
}

/** The definition the form holds: only the fields filled in, nested by their dotted keys. */
function definition() {
  const out = {};
  for (const f of schema) {
    const raw = control(f.key).value.trim();
    if (raw === '') continue;
    let value = raw;
    if (f.type === 'integer' || f.type === 'number') value = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    else if (f.type === 'boolean') value = raw === 'true';
    else if (f.type === 'json') {
      try { value = JSON.parse(raw); } catch (e) { throw { key: f.key, message: f.key + ': not valid JSON (' + e.message + ')' }; }
    }
    const path = f.key.split('.');
    let node = out;
    path.slice(0, -1).forEach((p) => { node = node[p] = node[p] || {}; });
    node[path[path.length - 1]] = value;
  }
  return out;
}

function flatten(object, prefix, into) {
  Object.entries(object || {}).forEach(([k, v]) => {
    const key = prefix + k;
    if (v !== null && typeof v === 'object' && !Array.isArray(v) && !schema.some((f) => f.key === key)) {
      flatten(v, key + '.', into);
    } else {
      into[key] = v;
    }
  });
  return into;
}

function fill(values, editable) {
  schema.forEach((f) => {
    const el = control(f.key);
    el.value = shown(values[f.key]);
    el.disabled = !editable || (editing !== null && f.key === 'id');
  });
  $('save').style.display = editable ? '' : 'none';
}

function newCampaign() {
  editing = null;
  clearErrors();
  $('editor-title').textContent = 'New campaign';
  $('save').textContent = 'Create';
  fill({}, true);
}

async function edit(id) {
  clearErrors();
  const r = await ops.api('GET', '/api/campaigns/' + encodeURIComponent(id) + '/definition');
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  editing = id;
  const fromFile = r.data.source === 'file';
  $('editor-title').textContent = (fromFile ? 'Campaign ' : 'Edit campaign ') + id
    + (fromFile ? ' (from the configuration file: read-only; change it there and restart the engine)' : '');
  $('save').textContent = 'Save';
  fill(flatten(r.data.definition, '', {}), r.data.editable);
}

async function save(event) {
  event.preventDefault();
  clearErrors();
  let body;
  try { body = definition(); } catch (e) { showProblems([e.message]); return; }
  const r = editing === null ? await ops.api('POST', '/api/campaigns', body)
    : await ops.api('PUT', '/api/campaigns/' + encodeURIComponent(editing), body);
  if (!r.ok) { showProblems(r.data.problems || [r.data.error]); return; }
  editing = r.data.id;
  $('editor-title').textContent = 'Edit campaign ' + editing;
  $('save').textContent = 'Save';
  control('id').disabled = true;
  $('saved').textContent = 'saved ' + r.data.id;
  await list();
}

async function act(id, action) {
  if (action === 'delete' && !confirm('Delete campaign ' + id + '? Its dial cycle stops first.')) return;
  const r = action === 'delete' ? await ops.api('DELETE', '/api/campaigns/' + encodeURIComponent(id))
    : await ops.api('POST', '/api/campaigns/' + encodeURIComponent(id) + '/' + action);
  $('error').textContent = r.ok ? '' : r.data.error;
  if (r.ok && action === 'delete' && editing === id) newCampaign();
  await list();
}

async function list() {
  const r = await ops.api('GET', '/api/campaigns');
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  const sources = await Promise.all(r.data.map((c) =>
    ops.api('GET', '/api/campaigns/' + encodeURIComponent(c.id) + '/definition')));
  $('list').innerHTML = r.data.map((c, i) => {
    const source = sources[i].ok ? sources[i].data.source : '?';
    const buttons = ['start', 'pause', 'stop', 'edit'].concat(source === 'api' ? ['delete'] : [])
      .map((a) => `<button type="button" class="${a}" data-id="${ops.esc(c.id)}">${a}</button>`).join(' ');
    return `<tr class="campaign-row" data-id="${ops.esc(c.id)}"><td>${ops.esc(c.id)}</td><td>${ops.esc(c.name)}</td>
      <td>${ops.esc(c.mode)}</td><td><span class="state ${ops.esc(c.state)}">${ops.esc(c.state)}</span></td>
      <td>${source === 'file' ? 'configuration file' : 'API'}</td><td>${buttons}</td></tr>`;
  }).join('');
  document.querySelectorAll('#list button').forEach((b) => {
    b.onclick = () => (b.className === 'edit' ? edit(b.dataset.id) : act(b.dataset.id, b.className));
  });
}

async function load() {
  const r = await ops.api('GET', '/api/campaign-schema');
  if (!r.ok) { $('error').textContent = r.data.error; return; }
  $('error').textContent = '';
  schema = r.data;
  renderForm();
  newCampaign();
  await list();
}

$('new').onclick = newCampaign;
$('editor').onsubmit = save;
ops.signIn(load);
