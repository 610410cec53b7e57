import { expect, test } from 'vitest';
import { chartModel, niceMax } from '../../main/ui/js/activity-chart.js';

test('the y axis ends on a round number', () => {
  expect([0, 1, 2, 3, 7, 10, 11, 180, 501].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 200, 1000]);
});

test('minutes become polylines across the box, totals add up', () => {
  const minutes = [0, 1, 2].map((i) => ({ minute: new Date(Date.UTC(2026, 0, 1, 10, 29 + i)).toISOString(),
    received: [0, 4, 1][i], exported: [0, 0, 2][i] }));
  const m = chartModel(minutes, { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 });
  expect(m.max).toBe(5);
  expect(m.points.received).toBe('10.0,60.0 60.0,20.0 110.0,50.0');
  expect(m.points.exported).toBe('10.0,60.0 60.0,60.0 110.0,40.0');
  expect(m.received).toBe(5);
  expect(m.exported).toBe(2);
  expect(m.xTicks.map((t) => t.x)).toEqual([60]); // 10:30 UTC
});
