// The archive's REST API, with the credentials given at sign-in (HTTP Basic, kept for this tab only).
export const BASE = '/dcm4chee-arc';
const KEY = 'arca.auth';

export const session = {
  get auth() { return sessionStorage.getItem(KEY); },
  get user() { return JSON.parse(sessionStorage.getItem(KEY + '.me') || 'null'); },
  get isAdmin() { return !!this.user && this.user.roles.includes('admin'); },
  clear() { sessionStorage.removeItem(KEY); sessionStorage.removeItem(KEY + '.me'); },
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.errorMessage ? body.errorMessage : 'HTTP ' + status);
    this.status = status;
    this.body = body || {};
  }
}

export async function call(method, path, body, extraHeaders) {
  const headers = Object.assign({ Accept: 'application/json' }, extraHeaders || {});
  if (session.auth) headers.Authorization = session.auth;
  let payload = body;
  if (body !== undefined && body !== null && !(body instanceof Blob) && typeof body !== 'string') {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const r = await fetch(BASE + path, { method, headers, body: payload });
  const text = await r.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { errorMessage: text }; }
  if (!r.ok) {
    if (r.status === 401 && path !== '/me') { session.clear(); location.hash = '#/signin'; }
    throw new ApiError(r.status, json);
  }
  return json;
}

export const get = (path) => call('GET', path);

export async function signIn(user, password) {
  const auth = 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password)));
  sessionStorage.setItem(KEY, auth);
  try {
    const me = await call('GET', '/me');
    sessionStorage.setItem(KEY + '.me', JSON.stringify(me));
    return me;
  } catch (e) {
    session.clear();
    throw e;
  }
}

let archive = null;
/** The name of the device the archive runs as (GET /ctrl/status), asked once per page load. */
export async function archiveDevice() {
  if (!archive) archive = get('/ctrl/status').catch((e) => e.body || {}).then((s) => s.device || 'dcm4chee-arc');
  return archive;
}
