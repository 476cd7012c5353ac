import type { RejectedMessage } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
});
afterAll(() => local.close());

const rejected = (id: string, receivedAt: string, villageId: string | null = 'v1'): RejectedMessage => ({
  id,
  villageId,
  deviceKind: villageId ? 'bin' : null,
  deviceId: villageId ? 'BIN-1' : null,
  topic: 'village/v1/bins/BIN-1/telemetry',
  payload: '{not json',
  reason: 'payload is not valid JSON',
  issues: [{ field: 'payload', message: 'Unexpected token' }],
  receivedAt,
});

describe('rejections repository', () => {
  it('records each rejection once, keeping the first sighting, newest first', async () => {
    await local.store.rejections.recordRejections([
      rejected('a', '2026-11-20T08:00:00+07:00'),
      rejected('b', '2026-11-20T09:00:00+07:00'),
    ]);
    await local.store.rejections.recordRejections([rejected('a', '2026-11-21T08:00:00+07:00')]);
    const list = await local.store.rejections.listRejections('v1');
    expect(list.map((r) => r.id)).toEqual(['b', 'a']);
    expect(list[1]?.receivedAt).toBe('2026-11-20T08:00:00+07:00');
    expect(list[1]?.payload).toBe('{not json');
  });

  it('keeps messages with no valid village in their own list', async () => {
    await local.store.rejections.recordRejections([rejected('c', '2026-11-20T10:00:00+07:00', null)]);
    expect((await local.store.rejections.listRejections(null)).map((r) => r.id)).toEqual(['c']);
    expect((await local.store.rejections.listRejections('v1', 1)).map((r) => r.id)).toEqual(['b']);
  });
});
