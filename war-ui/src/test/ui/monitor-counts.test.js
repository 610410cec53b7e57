import { expect, test } from 'vitest';
import { size } from '../../main/ui/js/storage.js';

// monitor.js imports the DOM helpers only inside functions; countsByQueue is plain arithmetic
const { countsByQueue } = await import('../../main/ui/js/monitor.js');

test('counts per queue and status, and totals per status', () => {
  const { total, queues } = countsByQueue([
    { queue: 'Export1', status: 'COMPLETED', count: 3 }, { queue: 'Export1', status: 'FAILED', count: 1 },
    { queue: 'Export6', status: 'COMPLETED', count: 2 }]);
  expect(queues).toEqual({ Export1: { COMPLETED: 3, FAILED: 1 }, Export6: { COMPLETED: 2 } });
  expect(total.COMPLETED).toBe(5);
  expect(total.FAILED).toBe(1);
  expect(total.SCHEDULED).toBe(0);
});

test('storage sizes in binary units', () => {
  expect(size(0)).toBe('0 B');
  expect(size(1536)).toBe('1.5 KiB');
  expect(size(5 * 1024 ** 3)).toBe('5.0 GiB');
});
