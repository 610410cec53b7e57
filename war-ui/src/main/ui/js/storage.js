import { get } from './api.js';
import { h, page, table } from './dom.js';

// GET /monitor/storage (usage per storage descriptor) comes from the storage helper; until then
// the page shows the configured descriptors of this archive.
export async function storagePage() {
  let usage = null;
  try { usage = await get('/monitor/storage'); } catch (e) { usage = null; }
  const device = await get('/devices/dcm4chee-arc');
  const configured = table(['storage', 'URI', 'availability', 'read-only'], (device.dcmStorage || []).map((s) =>
    [s.dcmStorageID, s.dcmURI, s.dcmInstanceAvailability || 'ONLINE', s.dcmReadOnly ? 'yes' : 'no']));
  const used = usage === null ? h('p', {}, 'Usage figures are not available from this archive (GET /monitor/storage).')
    : table(Object.keys((Array.isArray(usage) ? usage : [usage])[0] || {}),
      (Array.isArray(usage) ? usage : [usage]).map((u) => Object.values(u).map((v) => typeof v === 'object' ? JSON.stringify(v) : String(v))));
  page('Storage', h('h2', {}, 'Usage'), used, h('h2', {}, 'Configured storage'), configured);
}
