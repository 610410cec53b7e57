// Instances received and exported per minute (GET /monitor/activity) as an inline SVG line
// chart: no chart library, nothing loaded from elsewhere. chartModel is plain arithmetic (tested
// in node); activityChart turns it into elements.

const SERIES = [['received', 'Received', 'line-received'], ['exported', 'Exported', 'line-exported']];

/** A round upper bound for the y axis (1, 2, 5, 10, 20, 50, ...), at least `max`. */
export function niceMax(max) {
  if (max <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/**
 * Coordinates for minutes [{ minute, received, exported }] in a box of width x height with
 * room for the axes: a polyline per series, y ticks, and x ticks at whole half hours.
 */
export function chartModel(minutes, { width = 900, height = 220, left = 44, bottom = 28, top = 10, right = 10 } = {}) {
  const n = minutes.length;
  const w = width - left - right;
  const hgt = height - top - bottom;
  const max = niceMax(Math.max(0, ...minutes.flatMap((m) => [m.received, m.exported])));
  const x = (i) => left + (n <= 1 ? 0 : (i * w) / (n - 1));
  const y = (v) => top + hgt - (v * hgt) / max;
  const points = Object.fromEntries(SERIES.map(([key]) => [key,
    minutes.map((m, i) => `${x(i).toFixed(1)},${y(m[key]).toFixed(1)}`).join(' ')]));
  const yTicks = [0, max / 2, max].map((v) => ({ value: v, y: y(v) }));
  const xTicks = [];
  minutes.forEach((m, i) => {
    const t = new Date(m.minute);
    if (t.getUTCMinutes() % 30 === 0) xTicks.push({ x: x(i), label: t.toTimeString().slice(0, 5) });
  });
  const total = (key) => minutes.reduce((s, m) => s + m[key], 0);
  return { width, height, left, top, bottom: top + hgt, right: left + w, max, points, yTicks, xTicks,
    received: total('received'), exported: total('exported') };
}

const NS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, v);
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined) el.append(c);
  return el;
}

/** The chart for GET /monitor/activity's answer, with a text summary for screen readers. */
export function activityChart(activity, hours) {
  const m = chartModel(activity.minutes);
  const summary = `In the last ${hours} h: ${m.received} instances received, ${m.exported} exported.`;
  return s('svg', { id: 'activity-chart', class: 'chart', viewBox: `0 0 ${m.width} ${m.height}`, width: m.width, height: m.height,
    role: 'img', 'aria-labelledby': 'chart-title chart-desc', 'data-received': m.received, 'data-exported': m.exported },
  s('title', { id: 'chart-title' }, 'Instances per minute'),
  s('desc', { id: 'chart-desc' }, summary),
  s('line', { x1: m.left, y1: m.bottom, x2: m.right, y2: m.bottom, class: 'axis' }),
  s('line', { x1: m.left, y1: m.top, x2: m.left, y2: m.bottom, class: 'axis' }),
  m.yTicks.map((t) => [s('line', { x1: m.left, y1: t.y, x2: m.right, y2: t.y, class: 'grid' }),
    s('text', { x: m.left - 6, y: t.y + 4, 'text-anchor': 'end' }, String(t.value))]),
  m.xTicks.map((t) => s('text', { x: t.x, y: m.bottom + 18, 'text-anchor': 'middle' }, t.label)),
  SERIES.map(([key, , cls]) => s('polyline', { points: m.points[key], class: cls, fill: 'none' })),
  SERIES.map(([, label, cls], i) => [s('rect', { x: m.right - 190 + i * 95, y: m.top, width: 12, height: 12, class: cls + ' key' }),
    s('text', { x: m.right - 174 + i * 95, y: m.top + 11 }, label)]));
}
