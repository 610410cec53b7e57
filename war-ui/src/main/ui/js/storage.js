import { archiveDevice, get } from './api.js';
import { h, page, table } from './dom.js';

/** 1536 -> '1.5 KiB' */
export function size(bytes) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = Number(bytes) || 0;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? String(v) : v.toFixed(1)) + ' ' + units[i];
}

// The archive's storage descriptors with what each holds (GET /monitor/storage: objects and
// bytes as received, counted from the database); storage no longer configured but still
// holding objects is listed too.
export async function storagePage() {
  const device = await get('/devices/' + encodeURIComponent(await archiveDevice()));
  const usage = await get('/monitor/storage');
  const conf = Object.fromEntries((device.dcmStorage || []).map((s) => [s.dcmStorageID, s]));
  const rows = usage.map((u) => {
    const s = conf[u.dcmStorageID] || {};
    return [u.dcmStorageID, s.dcmURI || '(not configured)', u.dcmInstanceAvailability || '', u.dcmReadOnly ? 'yes' : 'no',
      h('td', { 'data-objects': u.objects }, String(u.objects)), h('td', { 'data-bytes': u.bytes, title: u.bytes + ' bytes' }, size(u.bytes))];
  });
  page('Storage', h('p', {}, 'Objects and bytes as received, per storage descriptor of this archive.'),
    h('div', { id: 'storage-usage' }, table(['storage', 'URI', 'availability', 'read-only', 'objects', 'size'], rows)));
}
