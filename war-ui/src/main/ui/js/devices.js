// Devices and their children, all through entry-list.js and entry-form.js, described by kinds.js.
// Every write goes to the REST API, which checks it, stores it in LDAP and reloads the archive.
import { archiveDevice, call, get, session } from './api.js';
import { h, page, message } from './dom.js';
import { DEVICE, KINDS, show } from './kinds.js';
import { entryList } from './entry-list.js';
import { entryForm } from './entry-form.js';

const enc = encodeURIComponent;

function readOnlyNote() {
  return session.isAdmin ? null
    : h('p', { class: 'readonly-note', id: 'readonly' }, 'Read-only: only role admin may change the configuration.');
}

/** After a write: where the reload (done by the server) reported problems, say so. */
function reloaded(r, status) {
  if (r && r.reloadErrors && r.reloadErrors.length) {
    message(status, 'Saved; the reload reported: ' + r.reloadErrors.map((e) => `${e.dn} ${e.attribute}: ${e.message}`).join('; '));
    return false;
  }
  return true;
}

// What the page shown after a save says ("Saved X; configuration reloaded."), in its status line.
let flash = null;
function done(what, r) {
  return `${what}${r && r.reloaded ? '; configuration reloaded' : ''}.`;
}
function showFlash(status) {
  if (flash) message(status, flash, true);
  flash = null;
}

export async function devicesPage() {
  const status = h('p', { role: 'status', id: 'device-status' });
  const names = await get('/devices');
  const me = await archiveDevice();
  page('Devices', readOnlyNote(), status, entryList({
    id: 'device', spec: DEVICE, items: names.map((n) => ({ dicomDeviceName: n })), canEdit: session.isAdmin,
    addHref: '#/devices-new', hrefOf: (d) => '#/devices/' + enc(d.dicomDeviceName),
    editHrefOf: (d) => '#/devices/' + enc(d.dicomDeviceName) + '/edit',
    removable: (d) => d.dicomDeviceName !== me,
    remove: async (d) => {
      try {
        await call('DELETE', '/devices/' + enc(d.dicomDeviceName));
        flash = 'Deleted ' + d.dicomDeviceName + '.';
        await devicesPage();
      } catch (e) { message(status, e.message); } // e.g. 409: the exporters and rules that still name it
    },
  }));
  showFlash(status);
}

/** Add a device (name null), or edit the attributes of its entry (not its children). */
export async function deviceFormPage(name) {
  const device = name ? await get('/devices/' + enc(name)) : null;
  // the device JSON holds the children as arrays of objects: they are edited on their own pages
  const original = device && Object.fromEntries(Object.entries(device)
    .filter(([, v]) => !(Array.isArray(v) && v.length && typeof v[0] === 'object')));
  const form = entryForm({ spec: DEVICE, original, readOnly: !session.isAdmin, cancelHref: '#/devices',
    save: async (body) => {
      if (name) {
        const r = await call('PUT', '/devices/' + enc(name), body);
        if (!reloaded(r, form.status)) return;
        flash = done('Saved device ' + name, r);
        location.hash = '#/devices/' + enc(name);
      } else {
        await call('POST', '/devices', body);
        flash = done('Added device ' + body.dicomDeviceName);
        location.hash = '#/devices/' + enc(body.dicomDeviceName);
      }
    } });
  page(name ? 'Edit device ' + name : 'Add device', readOnlyNote(), form, form.status);
  form.querySelector('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
}

export async function devicePage(name) {
  const device = await get('/devices/' + enc(name));
  const status = h('p', { role: 'status', id: 'device-status' });
  const sections = Object.entries(KINDS).map(([kind, spec]) => entryList({
    id: kind, spec, items: device[kind] || [], canEdit: session.isAdmin,
    addHref: `#/devices/${enc(name)}/${kind}/new`,
    hrefOf: (c) => `#/devices/${enc(name)}/${kind}/edit/${enc(c[spec.rdn])}`,
    remove: async (c) => {
      try {
        const r = await call('DELETE', `/devices/${enc(name)}/${kind}/${enc(c[spec.rdn])}`);
        flash = done('Deleted ' + c[spec.rdn], r);
        await devicePage(name);
        reloaded(r, document.getElementById('device-status'));
      } catch (e) { message(status, e.message); }
    },
  }));
  page('Device ' + name, readOnlyNote(), status, h('p', {}, show(device.dicomDescription), ' ',
    h('a', { href: `#/devices/${enc(name)}/edit`, id: 'edit-device' }, session.isAdmin ? 'Edit device attributes' : 'Device attributes')),
  ...sections);
  showFlash(status);
}

export async function childFormPage(name, kind, id) {
  const spec = KINDS[kind];
  if (!spec) { location.hash = '#/devices/' + enc(name); return; }
  const original = id ? await get(`/devices/${enc(name)}/${kind}/${enc(id)}`) : null;
  const form = entryForm({ spec, original, readOnly: !session.isAdmin, cancelHref: '#/devices/' + enc(name),
    save: async (body) => {
      const r = id ? await call('PUT', `/devices/${enc(name)}/${kind}/${enc(id)}`, body)
        : await call('POST', `/devices/${enc(name)}/${kind}`, body);
      if (!reloaded(r, form.status)) return;
      flash = done((id ? 'Saved ' : 'Added ') + body[spec.rdn], r);
      location.hash = '#/devices/' + enc(name);
    } });
  page((id ? 'Edit ' : 'Add ') + kind + (id ? ' ' + id : '') + ' on ' + name, readOnlyNote(), form, form.status);
  form.querySelector('input:not([disabled]), select:not([disabled]), textarea:not([disabled])')?.focus();
}
