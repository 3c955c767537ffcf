'use strict';
// The operations pages' shared header: navigation (one line a page) and sign-in. The token comes from the link's
// # part (#token=...) or this tab's session storage, and is sent as a bearer token by ops.api.
const ops = (() => {
  const pages = [
    ['/', 'Dashboard'],
    ['/campaigns.html', 'Campaigns'],
    ['/lists.html', 'Lists'],
    ['/reports.html', 'Reports'],
    ['/board.html', 'Board'],
    ['/promises.html', 'Promises'],
    ['/agent.html', 'Agent desk'],
  ];
  const here = location.pathname === '/index.html' ? '/' : location.pathname;
  const nav = document.getElementById('nav');
  if (nav) {
    nav.innerHTML = pages.map(([href, label]) =>
      `<a href="${href}"${href === here ? ' class="here" aria-current="page"' : ''}>${label}</a>`).join('');
  }
  let token = new URLSearchParams(location.hash.slice(1)).get('token') || sessionStorage.getItem('opsToken') || '';
  if (token) sessionStorage.setItem('opsToken', token);

  function esc(s) {
    return String(s ?? '').replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  }

  /** Calls the API; resolves to {ok, status, data}, data being the parsed JSON answer (or null). */
  async function api(method, path, body, contentType) {
    const headers = { Authorization: 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = contentType || 'application/json';
    const r = await fetch(path, { method, headers,
      body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
    const text = await r.text();
    let data = null;
    try { data = text ? JSON.parse(text) : null; } catch (e) { data = { error: text }; }
    return { ok: r.ok, status: r.status, data };
  }

  /** Wires the header's token field and Connect button; calls onConnect now if a token is known, and on each connect. */
  function signIn(onConnect) {
    const input = document.getElementById('token');
    input.value = token;
    document.getElementById('connect').onclick = () => {
      token = input.value.trim();
      sessionStorage.setItem('opsToken', token);
      onConnect();
    };
    if (token) onConnect();
  }

  return { api, esc, signIn, token: () => token };
})();
