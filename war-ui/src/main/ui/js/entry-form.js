// The one form for every kind of entry (devices, connections, AEs, ...), built from the kind's
// description in kinds.js. Values are checked locally for what cannot be sent at all
// (entry-values.js), then by the server; either message appears beside its field.
import { h, message } from './dom.js';
import { entryOf, fieldFor, rowNameOf, textOf } from './entry-values.js';
import { singular } from './kinds.js';

function control(id, [attr, type, extra], value, label) {
  const common = { id, name: attr, 'aria-describedby': 'e-' + attr, 'aria-label': label };
  if (type === 'bool' || type === 'enum') {
    const values = type === 'bool' ? ['TRUE', 'FALSE'] : extra;
    const current = textOf(type, value);
    return h('select', common, h('option', { value: '' }, '(not set)'),
      values.map((v) => h('option', { value: v, selected: v === current }, v)));
  }
  if (type === 'multi') {
    return h('textarea', Object.assign(common, { rows: 3, title: 'one value per line' }), textOf(type, value));
  }
  return h('input', Object.assign(common, { type: type === 'number' ? 'number' : 'text', value: textOf(type, value) }));
}

/**
 * Nested entries (an AE's transfer capabilities, its export rules) as rows of controls, with
 * add and remove; each row is sent as one nested entry and checked by the server like any other.
 */
function rowsEditor([attr, , sub], values, readOnly) {
  const body = h('tbody');
  let n = 0;
  const addRow = (original) => {
    const i = n++;
    const cells = sub.fields.map((f) => {
      const el = control(`f-${attr}-${i}-${f[0]}`, f, original ? original[f[0]] : undefined, `${f[0]} of row ${i + 1}`);
      el.dataset.sub = f[0];
      if (readOnly) el.setAttribute('disabled', '');
      return h('td', {}, el);
    });
    const tr = h('tr', { 'data-row': i }, cells, readOnly ? null : h('td', {},
      h('button', { type: 'button', 'aria-label': `Remove row ${i + 1}`, onclick: () => tr.remove() }, 'Remove')));
    tr.original = original || null;
    body.append(tr);
    return tr;
  };
  (values || []).forEach(addRow);
  const editor = h('div', { class: 'rows', id: 'f-' + attr, role: 'group', 'aria-label': sub.title },
    h('table', {}, h('thead', {}, h('tr', {}, sub.fields.map((f) => h('th', { scope: 'col' }, f[0])), h('th'))), body),
    readOnly ? null : h('button', { type: 'button', id: 'add-row-' + attr, onclick: () => {
      addRow(null).querySelector('input, select, textarea').focus();
    } }, 'Add ' + singular(sub.title)));
  const rowName = (tr) => tr.querySelector('[data-sub=cn]').value.trim();
  editor.rowNames = () => [...body.querySelectorAll('tr')].map(rowName);
  // the server names the nested entry by its DN: mark and focus that row's field
  editor.markRow = (name, sub) => {
    const tr = [...body.querySelectorAll('tr')].find((r) => rowName(r) === name);
    const el = tr && tr.querySelector(`[data-sub="${sub}"]`);
    if (el) { el.setAttribute('aria-invalid', 'true'); el.focus(); }
  };
  editor.readRows = () => [...body.querySelectorAll('tr')].map((tr) => ({
    original: tr.original,
    texts: Object.fromEntries([...tr.querySelectorAll('[data-sub]')].map((el) => [el.dataset.sub, el.value])),
  }));
  return editor;
}

/**
 * @param {object} o
 * @param {object} o.spec the kind's description
 * @param {object|null} o.original the entry as read, or null for a new one
 * @param {boolean} o.readOnly show values only
 * @param {(body: object) => Promise<void>} o.save sends the entry; throws ApiError with the server's message
 * @param {string} o.cancelHref where Cancel goes
 */
export function entryForm({ spec, original, readOnly, save, cancelHref }) {
  const status = h('p', { role: 'alert', id: 'form-status' });
  const controls = {};
  const rows = spec.fields.flatMap((f) => {
    const [attr, type] = f;
    const value = original ? original[attr] : undefined;
    const el = type === 'rows' ? rowsEditor(f, value, readOnly) : control('f-' + attr, f, value);
    if (type !== 'rows' && (readOnly || (original && attr === spec.rdn))) el.setAttribute('disabled', '');
    if (type !== 'rows') el.removeAttribute('aria-label'); // the label element names it
    controls[attr] = el;
    return [h('label', { for: 'f-' + attr }, attr), el, h('span', { class: 'field-error', id: 'e-' + attr, 'aria-live': 'polite' })];
  });
  const showError = (attr, text) => {
    const where = document.getElementById('e-' + attr);
    if (!where) return false;
    where.textContent = text;
    controls[attr].setAttribute('aria-invalid', 'true');
    (controls[attr].matches('input, select, textarea') ? controls[attr] : controls[attr].querySelector('input, select, textarea, button'))?.focus();
    return true;
  };
  const form = h('form', { class: 'entry', id: 'entry-form', onsubmit: async (e) => {
    e.preventDefault();
    status.textContent = ''; // a message of an earlier attempt no longer holds
    form.querySelectorAll('.field-error').forEach((s) => { s.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach((s) => s.removeAttribute('aria-invalid'));
    const texts = {};
    for (const [attr, type] of spec.fields) {
      texts[attr] = type === 'rows' ? controls[attr].readRows() : controls[attr].value;
    }
    if (original) texts[spec.rdn] = original[spec.rdn];
    const { body, errors } = entryOf(spec, texts, original);
    const bad = Object.entries(errors);
    if (bad.length) {
      bad.reverse().forEach(([attr, m]) => showError(attr, attr + ': ' + m)); // focus ends on the first
      message(status, 'Not saved: ' + bad.map(([a, m]) => a + ': ' + m).reverse().join('; '));
      return;
    }
    try {
      await save(body);
    } catch (err) {
      const b = err.body || {};
      const rowNames = Object.fromEntries(Object.entries(controls).filter(([, c]) => c.rowNames)
        .map(([a, c]) => [a, c.rowNames()]));
      const attr = fieldFor(spec, b.attribute, b.dn, rowNames);
      if (attr) showError(attr, err.message);
      if (attr && controls[attr].markRow) controls[attr].markRow(rowNameOf(b.dn), b.attribute);
      message(status, err.message);
    }
  } }, rows, readOnly ? null : h('div', { class: 'actions' },
    h('button', { type: 'submit', id: 'save' }, 'Save'),
    h('a', { href: cancelHref }, 'Cancel')));
  form.status = status;
  return form;
}
