import { call, get, session } from './api.js';
import { h, page, table, message } from './dom.js';
import { activityChart } from './activity-chart.js';

const STATUSES = ['SCHEDULED', 'IN PROCESS', 'COMPLETED', 'WARNING', 'FAILED', 'CANCELED', 'SCHEDULED FOR RETRY'];
const FILTERS = [['status', 'Status'], ['ExporterID', 'Exporter'], ['StudyInstanceUID', 'Study UID'],
  ['createdTimeFrom', 'Created from'], ['createdTimeTo', 'Created to'], ['updatedTimeFrom', 'Updated from'],
  ['updatedTimeTo', 'Updated to'], ['limit', 'Limit']];

export async function monitorPage() {
  const status = h('p', { role: 'status', id: 'monitor-status' });
  const counts = h('div', { class: 'counts', id: 'counts', 'aria-live': 'polite' });
  const byQueue = h('div', { id: 'queues' });
  const list = h('div', { id: 'tasks' });
  const chart = h('div', { id: 'activity' }); // not aria-live: it is redrawn every few seconds
  const hours = h('select', { id: 'activity-hours', onchange: () => refresh().catch((e) => message(status, e.message)) },
    [1, 3, 6, 12, 24].map((n) => h('option', { value: n, selected: n === 3 }, n + ' h')));
  const fields = FILTERS.map(([name, label]) => h('label', {}, label, name === 'status'
    ? h('select', { name, id: 'filter-' + name }, h('option', { value: '' }, '(any)'), STATUSES.map((s) => h('option', { value: s }, s)))
    : h('input', { name, id: 'filter-' + name, value: name === 'limit' ? '100' : '', size: name === 'StudyInstanceUID' ? 30 : 14 })));
  const filters = h('form', { class: 'filters', id: 'filters', onsubmit: (e) => { e.preventDefault(); refresh(); } },
    fields, h('button', { type: 'submit' }, 'Search'),
    h('label', {}, h('span', {}, 'Refresh'), h('select', { id: 'auto' },
      h('option', { value: '5' }, 'every 5 s'), h('option', { value: '15' }, 'every 15 s'), h('option', { value: '0' }, 'off'))));
  const query = () => {
    const p = new URLSearchParams();
    for (const el of filters.querySelectorAll('[name]')) if (el.value.trim()) p.set(el.name, el.value.trim());
    return p.toString();
  };
  const act = async (method, path) => {
    try { await call(method, path); await refresh(); message(status, 'Done.', true); } catch (e) { message(status, e.message); }
  };
  async function refresh() {
    const q = query();
    const [tasks, activity, ...n] = await Promise.all([get('/monitor/export?' + q), get('/monitor/activity?hours=' + hours.value),
      ...STATUSES.map((s) => get('/monitor/export/count?status=' + encodeURIComponent(s)))]);
    chart.replaceChildren(activityChart(activity, hours.value));
    counts.replaceChildren(h('strong', {}, 'Tasks by status: '), ...STATUSES.map((s, i) =>
      h('span', { class: n[i].count ? s.replace(/ /g, '_') : '', 'data-status': s }, `${s} ${n[i].count}`)));
    const queues = {};
    for (const t of tasks) (queues[t.queue] ||= {})[t.status] = ((queues[t.queue] || {})[t.status] || 0) + 1;
    byQueue.replaceChildren(h('h2', {}, 'Listed tasks per queue'), table(['queue', ...STATUSES],
      Object.entries(queues).sort().map(([qn, c]) => [qn, ...STATUSES.map((s) => c[s] || 0)])));
    list.replaceChildren(table(['task', 'status', 'exporter', 'queue', 'study', 'attempts', 'scheduled', 'updated', 'message', ''],
      tasks.map((t) => [String(t.taskID), h('td', { class: t.status, 'data-task': t.taskID }, t.status), t.ExporterID, t.queue,
        t.StudyInstanceUID, String(t.numberOfAttempts), t.scheduledTime || '', t.updatedTime || '', t.errorMessage || t.outcomeMessage || '',
        session.isAdmin ? h('td', {},
          h('button', { type: 'button', onclick: () => act('POST', `/monitor/export/${t.taskID}/cancel`) }, 'Cancel'), ' ',
          h('button', { type: 'button', onclick: () => act('POST', `/monitor/export/${t.taskID}/reschedule`) }, 'Reschedule'), ' ',
          h('button', { type: 'button', onclick: () => act('DELETE', `/monitor/export/${t.taskID}`) }, 'Delete')) : ''])));
  }
  const adminBar = session.isAdmin ? h('p', {},
    h('button', { type: 'button', id: 'retry-failed', onclick: () => act('POST', '/monitor/export/reschedule?status=FAILED') }, 'Retry all failed'))
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
