import { archiveDevice, call, get, session } from './api.js';
import { h, page, table, message } from './dom.js';
import { activityChart } from './activity-chart.js';

const STATUSES = ['SCHEDULED', 'IN PROCESS', 'COMPLETED', 'WARNING', 'FAILED', 'CANCELED', 'SCHEDULED FOR RETRY'];
const FILTERS = [['status', 'Status'], ['ExporterID', 'Exporter'], ['dcmQueueName', 'Queue'], ['StudyInstanceUID', 'Study UID'],
  ['createdTimeFrom', 'Created from'], ['createdTimeTo', 'Created to'], ['updatedTimeFrom', 'Updated from'],
  ['updatedTimeTo', 'Updated to'], ['limit', 'Limit']];

/** GET /monitor/export/counts rows [{ queue, status, count }] as totals per status and a count per queue and status. */
export function countsByQueue(rows) {
  const total = Object.fromEntries(STATUSES.map((st) => [st, 0]));
  const queues = {};
  for (const { queue, status, count } of rows) {
    total[status] = (total[status] || 0) + count;
    (queues[queue] ||= {})[status] = count;
  }
  return { total, queues };
}

export async function monitorPage() {
  const device = await get('/devices/' + encodeURIComponent(await archiveDevice()));
  const choices = { ExporterID: (device.dcmExporter || []).map((x) => x.dcmExporterID),
    dcmQueueName: (device.dcmQueue || []).map((x) => x.dcmQueueName), status: STATUSES };
  const status = h('p', { role: 'status', id: 'monitor-status' });
  const counts = h('div', { class: 'counts', id: 'counts', 'aria-live': 'polite' });
  const byQueue = h('div', { id: 'queues' });
  const list = h('div', { id: 'tasks' });
  const chart = h('div', { id: 'activity' }); // not aria-live: it is redrawn every few seconds
  const hours = h('select', { id: 'activity-hours', onchange: () => refresh().catch((e) => message(status, e.message)) },
    [1, 3, 6, 12, 24].map((n) => h('option', { value: n, selected: n === 3 }, n + ' h')));
  const fields = FILTERS.map(([name, label]) => h('label', {}, label, choices[name]
    ? h('select', { name, id: 'filter-' + name }, h('option', { value: '' }, '(any)'), choices[name].map((v) => h('option', { value: v }, v)))
    : h('input', { name, id: 'filter-' + name, value: name === 'limit' ? '100' : '', size: name === 'StudyInstanceUID' ? 30 : 14,
      placeholder: name.includes('Time') ? '2026-12-01T00:00:00Z' : null })));
  const filters = h('form', { class: 'filters', id: 'filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
    fields, h('button', { type: 'submit' }, 'Search'),
    h('label', {}, h('span', {}, 'Refresh'), h('select', { id: 'auto' },
      h('option', { value: '5' }, 'every 5 s'), h('option', { value: '15' }, 'every 15 s'), h('option', { value: '0' }, 'off'))));
  const query = (...skip) => {
    const p = new URLSearchParams();
    for (const el of filters.querySelectorAll('[name]')) if (el.value.trim() && !skip.includes(el.name)) p.set(el.name, el.value.trim());
    return p.toString();
  };
  const act = async (method, path, what) => {
    try {
      const r = await call(method, path);
      await refresh();
      message(status, what + (r && r.count !== undefined ? ': ' + r.count + ' tasks.' : '.'), true);
    } catch (e) { message(status, e.message); }
  };
  const button = (t, label, method, path) => h('button', { type: 'button', 'data-action': label.toLowerCase(), 'data-task': t.taskID,
    'aria-label': `${label} task ${t.taskID}`, onclick: () => act(method, path, `${label} task ${t.taskID}: done`) }, label);
  async function refresh() {
    const q = query();
    const [tasks, activity, rows] = await Promise.all([get('/monitor/export?' + q), get('/monitor/activity?hours=' + hours.value),
      get('/monitor/export/counts?' + query('status', 'limit'))]); // counts of every status, all tasks
    chart.replaceChildren(activityChart(activity, hours.value));
    const { total, queues } = countsByQueue(rows);
    counts.replaceChildren(h('strong', {}, 'Tasks by status: '), ...STATUSES.map((s) =>
      h('span', { class: total[s] ? s.replace(/ /g, '_') : '', 'data-status': s }, `${s} ${total[s]}`)));
    byQueue.replaceChildren(h('h2', {}, 'Tasks per queue and status'), table(['queue', ...STATUSES],
      Object.entries(queues).sort().map(([qn, c]) => [qn, ...STATUSES.map((s) => h('td', { 'data-queue': qn, 'data-status': s }, String(c[s] || 0)))])));
    list.dataset.refreshed = String(Date.now()); // tests see the page refresh on its own
    list.replaceChildren(table(['task', 'status', 'exporter', 'queue', 'study', 'attempts', 'scheduled', 'updated', 'message', ''],
      tasks.map((t) => [String(t.taskID), h('td', { class: t.status, 'data-task': t.taskID }, t.status), t.ExporterID, t.queue,
        t.StudyInstanceUID, String(t.numberOfAttempts), t.scheduledTime || '', t.updatedTime || '', t.errorMessage || t.outcomeMessage || '',
        session.isAdmin ? h('td', {},
          button(t, 'Cancel', 'POST', `/monitor/export/${t.taskID}/cancel`), ' ',
          button(t, 'Reschedule', 'POST', `/monitor/export/${t.taskID}/reschedule`), ' ',
          button(t, 'Delete', 'DELETE', `/monitor/export/${t.taskID}`)) : ''])));
  }
  const adminBar = session.isAdmin ? h('p', {},
    h('button', { type: 'button', id: 'retry-failed', onclick: () => act('POST',
      '/monitor/export/reschedule?' + [query('status', 'limit'), 'status=FAILED'].filter((p) => p).join('&'), 'Retried all failed') },
    'Retry all failed'), ' the failed tasks among those the other filters select')
    : h('p', { class: 'readonly-note' }, 'Read-only: only role admin may cancel, reschedule or delete tasks.');
  page('Export monitor', filters, adminBar, status, counts,
    h('section', { 'aria-labelledby': 'h-activity' }, h('h2', { id: 'h-activity' }, 'Instances received and exported per minute'),
      h('label', {}, 'Over the last ', hours), chart),
    byQueue, h('h2', {}, 'Tasks'), list);
  await refresh();
  let timer = null;
  const schedule = () => {
    clearInterval(timer);
    const s = Number(document.getElementById('auto').value);
    if (s) timer = setInterval(() => refresh().catch((e) => message(status, e.message)), s * 1000);
  };
  document.getElementById('auto').addEventListener('change', schedule);
  schedule();
  return () => clearInterval(timer);
}
