import { BASE, archiveDevice, call, get, session } from './api.js';
import { h, page, table, message } from './dom.js';

const RS = '/aets/DCM4CHEE/rs';
const SEARCH = [['PatientName', 'Patient name'], ['PatientID', 'Patient ID'], ['StudyDate', 'Study date'],
  ['AccessionNumber', 'Accession'], ['ModalitiesInStudy', 'Modality'], ['StudyInstanceUID', 'Study UID']];

// A value of a DICOM JSON attribute (PS3.18 F.2), by tag; names as their alphabetic form.
function val(obj, tag) {
  const a = obj[tag];
  if (!a || !a.Value) return '';
  return a.Value.map((v) => (v && typeof v === 'object' ? v.Alphabetic || '' : String(v))).join('\\');
}

export async function studiesPage() {
  const status = h('p', { role: 'status', id: 'studies-status' });
  const results = h('div', { id: 'studies' });
  const form = h('form', { class: 'filters', id: 'qido', onsubmit: (e) => { e.preventDefault(); search(); } },
    SEARCH.map(([k, label]) => h('label', {}, label, h('input', { name: k, id: 'q-' + k }))),
    h('label', {}, 'Limit', h('input', { name: 'limit', value: '50', size: 4 })),
    h('button', { type: 'submit' }, 'Search'));
  async function search() {
    const p = new URLSearchParams({ includefield: 'all' });
    for (const el of form.elements) if (el.name && el.value.trim()) p.set(el.name, el.value.trim());
    try {
      const studies = (await call('GET', RS + '/studies?' + p, undefined, { Accept: 'application/dicom+json' })) || [];
      results.replaceChildren(table(['patient', 'ID', 'date', 'accession', 'modalities', 'description', 'series', 'instances'],
        studies.map((s) => [h('td', {}, h('a', { href: '#/studies/' + val(s, '0020000D') }, val(s, '00100010') || '(no name)')),
          val(s, '00100020'), val(s, '00080020'), val(s, '00080050'), val(s, '00080061'), val(s, '00081030'),
          val(s, '00201206'), val(s, '00201208')])));
      message(status, studies.length + ' studies', true);
    } catch (e) { message(status, e.message); }
  }
  page('Studies', form, status, results, uploadForm(search));
  await search();
}

function uploadForm(after) {
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-label': 'Upload progress' });
  const result = h('p', { role: 'status', id: 'upload-status' });
  const files = h('input', { type: 'file', id: 'upload-files', multiple: true, accept: '.dcm,application/dicom,*/*' });
  return h('section', { 'aria-labelledby': 'h-upload' }, h('h2', { id: 'h-upload' }, 'Upload DICOM files (STOW-RS)'),
    h('form', { id: 'upload', onsubmit: (e) => {
      e.preventDefault();
      if (!files.files.length) { message(result, 'Choose files first.'); return; }
      stow([...files.files], progress, result).then(after);
    } }, h('label', { for: 'upload-files' }, 'Files '), files, ' ', h('button', { type: 'submit' }, 'Upload'), ' ', progress),
    result);
}

// One multipart/related request for all files; the Blob keeps them on disk until sent.
function stow(files, progress, result) {
  const boundary = 'arca-ui-' + Math.random().toString(16).slice(2);
  const parts = [];
  for (const f of files) parts.push(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, f, '\r\n');
  parts.push(`--${boundary}--\r\n`);
  const body = new Blob(parts);
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', BASE + RS + '/studies');
    xhr.setRequestHeader('Content-Type', `multipart/related; type="application/dicom"; boundary=${boundary}`);
    xhr.setRequestHeader('Accept', 'application/dicom+json');
    xhr.setRequestHeader('Authorization', session.auth);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) progress.value = Math.round(100 * e.loaded / e.total); };
    xhr.onload = () => {
      progress.value = 100;
      let stored = 0; let failed = 0;
      try {
        const r = JSON.parse(xhr.responseText);
        stored = ((r['00081199'] || {}).Value || []).length;
        failed = ((r['00081198'] || {}).Value || []).length;
      } catch { /* no body */ }
      message(result, `HTTP ${xhr.status}: ${stored} stored, ${failed} failed (of ${files.length} files)`, xhr.status === 200);
      resolve();
    };
    xhr.onerror = () => { message(result, 'Upload failed: network error'); resolve(); };
    xhr.send(body);
  });
}

export async function studyPage(uid) {
  const status = h('p', { role: 'status', id: 'export-status' });
  const [series, device] = await Promise.all([
    call('GET', `${RS}/studies/${uid}/series?includefield=all`, undefined, { Accept: 'application/dicom+json' }),
    get('/devices/' + encodeURIComponent(await archiveDevice()))]);
  const exporter = h('select', { id: 'exporter' }, (device.dcmExporter || []).map((x) =>
    h('option', { value: x.dcmExporterID }, x.dcmExporterID + ' (' + x.dcmURI + ')')));
  const when = h('input', { id: 'export-time', name: 'scheduledTime', size: 22, placeholder: '2026-12-24T18:00:00Z',
    'aria-describedby': 'export-time-hint' });
  const exportForm = h('form', { id: 'export', onsubmit: async (e) => {
    e.preventDefault();
    const at = when.value.trim() ? '?scheduledTime=' + encodeURIComponent(when.value.trim()) : '';
    try {
      const t = await call('POST', `${RS}/studies/${uid}/export/${encodeURIComponent(exporter.value)}${at}`);
      status.replaceChildren('Export task ', h('a', { href: '#/monitor' }, String(t.taskID)), ' ' + t.status);
      status.className = 'ok';
    } catch (err) { message(status, err.message); }
  } }, h('label', { for: 'exporter' }, 'Export to '), exporter, ' ', h('label', { for: 'export-time' }, 'at '), when,
  h('span', { id: 'export-time-hint' }, ' (empty: by the exporter\'s schedule) '), h('button', { type: 'submit' }, 'Export study'));
  const sections = [];
  for (const s of series || []) {
    const suid = val(s, '0020000E');
    const instances = await call('GET', `${RS}/studies/${uid}/series/${suid}/instances`, undefined, { Accept: 'application/dicom+json' });
    sections.push(h('h2', {}, `Series ${val(s, '00200011')} ${val(s, '00080060')} ${val(s, '0008103E')}`),
      table(['instance', 'SOP instance UID', 'SOP class'], (instances || []).map((i) => [val(i, '00200013'), val(i, '00080018'), val(i, '00080016')])));
  }
  page('Study ' + uid, exportForm, status, ...sections);
}
