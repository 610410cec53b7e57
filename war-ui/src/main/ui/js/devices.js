import { call, get, session } from './api.js';
import { h, page, table, message } from './dom.js';
import { KINDS, show } from './kinds.js';

const enc = encodeURIComponent;

export async function devicesPage() {
  const names = await get('/devices');
  page('Devices', h('ul', {}, names.map((n) => h('li', {}, h('a', { href: '#/devices/' + enc(n) }, n)))));
}

function readOnlyNote() {
  return session.isAdmin ? null
    : h('p', { class: 'readonly-note', id: 'readonly' }, 'Read-only: only role admin may change the configuration.');
}

export async function devicePage(name) {
  const device = await get('/devices/' + enc(name));
  const status = h('p', { role: 'status', id: 'device-status' });
  const sections = Object.entries(KINDS).map(([kind, spec]) => {
    const children = device[kind] || [];
    const rows = children.map((c) => [...spec.columns.map((col) => show(c[col])), session.isAdmin ? h('td', {},
      h('a', { href: `#/devices/${enc(name)}/${kind}/edit/${enc(c[spec.rdn])}`, 'aria-label': 'Edit ' + c[spec.rdn] }, 'Edit'), ' ',
      h('button', { type: 'button', 'aria-label': 'Delete ' + c[spec.rdn], onclick: async () => {
        if (!confirm(`Delete ${kind} ${c[spec.rdn]}?`)) return;
        try {
          await call('DELETE', `/devices/${enc(name)}/${kind}/${enc(c[spec.rdn])}`);
          devicePage(name);
        } catch (e) { message(status, e.message); }
      } }, 'Delete')) : '']);
    return h('section', { 'aria-labelledby': 'h-' + kind },
      h('h2', { id: 'h-' + kind }, spec.title + ' (' + children.length + ')'),
      session.isAdmin ? h('a', { href: `#/devices/${enc(name)}/${kind}/new`, id: 'add-' + kind }, 'Add ' + kind) : null,
      table([...spec.columns, ''], rows));
  });
  page('Device ' + name, readOnlyNote(), status,
    h('p', {}, show(device.dicomDescription)), ...sections);
}

function input(kind, [attr, type, options], value) {
  const id = 'f-' + attr;
  if (type === 'bool' || type === 'enum') {
    const values = type === 'bool' ? ['TRUE', 'FALSE'] : options;
    const current = value === undefined ? '' : (type === 'bool' ? (value ? 'TRUE' : 'FALSE') : String(value));
    return h('select', { id, name: attr }, h('option', { value: '' }, '(not set)'),
      values.map((v) => h('option', { value: v, selected: v === current }, v)));
  }
  if (type === 'multi' || type === 'json') {
    const text = type === 'json' ? (value ? JSON.stringify(value, null, 1) : '')
      : (Array.isArray(value) ? value : value === undefined ? [] : [value]).join('\n');
    return h('textarea', { id, name: attr, rows: 3, 'aria-describedby': 'e-' + attr,
      title: type === 'json' ? 'JSON array' : 'one value per line' }, text);
  }
  return h('input', { id, name: attr, type: type === 'number' ? 'number' : 'text', value: value === undefined ? '' : String(value),
    'aria-describedby': 'e-' + attr });
}

function read(spec, form, original) {
  const out = Object.assign({}, original || {});
  for (const [attr, type] of spec.fields) {
    const v = form.elements[attr].value.trim();
    delete out[attr];
    if (v === '') continue;
    if (type === 'multi') out[attr] = v.split('\n').map((s) => s.trim()).filter((s) => s);
    else if (type === 'json') out[attr] = JSON.parse(v);
    else if (type === 'bool') out[attr] = v === 'TRUE';
    else if (type === 'number' && /^-?\d+$/.test(v)) out[attr] = Number(v);
    else out[attr] = v;
  }
  return out;
}

export async function childFormPage(name, kind, id) {
  const spec = KINDS[kind];
  let original = null;
  if (id) original = await get(`/devices/${enc(name)}/${kind}/${enc(id)}`);
  const status = h('p', { role: 'alert', id: 'form-status' });
  const readOnly = !session.isAdmin;
  const rows = spec.fields.flatMap((f) => {
    const el = input(kind, f, original ? original[f[0]] : undefined);
    if (readOnly || (id && f[0] === spec.rdn)) el.setAttribute('disabled', '');
    return [h('label', { for: 'f-' + f[0] }, f[0]), el, h('span', { class: 'field-error', id: 'e-' + f[0], 'aria-live': 'polite' })];
  });
  const form = h('form', { class: 'entry', id: 'child-form', onsubmit: async (e) => {
    e.preventDefault();
    form.querySelectorAll('.field-error').forEach((s) => { s.textContent = ''; });
    let body;
    try { body = read(spec, form, original); } catch (err) { message(status, 'Not valid JSON: ' + err.message); return; }
    if (id) body[spec.rdn] = id;
    try {
      const r = id ? await call('PUT', `/devices/${enc(name)}/${kind}/${enc(id)}`, body)
        : await call('POST', `/devices/${enc(name)}/${kind}`, body);
      location.hash = '#/devices/' + enc(name);
      if (r && r.reloadErrors && r.reloadErrors.length) alert('Saved; reload reported: ' + JSON.stringify(r.reloadErrors));
    } catch (err) {
      const attr = err.body.attribute;
      const where = attr && document.getElementById('e-' + attr);
      if (where) { where.textContent = err.message; form.elements[attr].setAttribute('aria-invalid', 'true'); form.elements[attr].focus(); }
      message(status, err.message);
    }
  } }, rows, readOnly ? null : h('div', { class: 'actions' },
    h('button', { type: 'submit', id: 'save' }, 'Save'),
    h('a', { href: '#/devices/' + enc(name) }, 'Cancel')));
  page((id ? 'Edit ' : 'Add ') + kind + (id ? ' ' + id : '') + ' on ' + name, readOnlyNote(), form, status);
  const first = form.querySelector('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
  if (first) first.focus();
}
