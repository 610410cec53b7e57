import { get } from './api.js';
import { h, page, table } from './dom.js';

export async function healthPage() {
  let health;
  try { health = await get('/health'); } catch (e) { health = e.body; }
  const rows = Object.entries(health.components || {}).map(([name, c]) =>
    [name, h('td', { class: c.status }, c.status), c.detail || '']);
  page('Health', h('p', {}, 'Archive: ', h('strong', { class: health.status }, health.status || 'unknown')),
    table(['component', 'status', 'detail'], rows));
}
