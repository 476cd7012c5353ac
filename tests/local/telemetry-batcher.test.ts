import type { RawTelemetry } from '@village/domain';
import { describe, expect, it } from 'vitest';
import { createTelemetryBatcher } from '../../packages/local/src/telemetry-batcher.ts';

const message = (n: number): RawTelemetry => ({
  topic: 'village/v/bins/b/telemetry',
  payload: String(n),
  receivedAt: '2026-11-29T07:00:00+07:00',
});

describe('createTelemetryBatcher', () => {
  it('flushes at maxMessages without waiting for the delay', async () => {
    const batches: RawTelemetry[][] = [];
    const batcher = createTelemetryBatcher(async (b) => void batches.push(b), {
      maxMessages: 3,
      maxDelayMs: 60_000,
    });
    await Promise.all([1, 2, 3].map((n) => batcher.add(message(n))));
    expect(batches.map((b) => b.map((m) => m.payload))).toEqual([['1', '2', '3']]);
  });

  it('flushes a partial batch after maxDelayMs', async () => {
    const batches: RawTelemetry[][] = [];
    const batcher = createTelemetryBatcher(async (b) => void batches.push(b), {
      maxMessages: 100,
      maxDelayMs: 20,
    });
    const started = Date.now();
    await Promise.all([batcher.add(message(1)), batcher.add(message(2))]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    expect(batches).toHaveLength(1);
  });

  it('rejects every message of a failed batch, reports it, and keeps working', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const batcher = createTelemetryBatcher(
      async () => {
        if (fail) throw new Error('store down');
      },
      { maxMessages: 2, maxDelayMs: 10 },
      (error) => errors.push(error),
    );
    const results = await Promise.allSettled([batcher.add(message(1)), batcher.add(message(2))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(errors).toHaveLength(1);
    fail = false;
    await expect(batcher.add(message(3))).resolves.toBeUndefined();
    expect(batcher.stats).toMatchObject({ batchesFailed: 1, batchesDelivered: 1, messagesDelivered: 1 });
  });

  it('drain() flushes what is pending immediately', async () => {
    const batches: RawTelemetry[][] = [];
    const batcher = createTelemetryBatcher(async (b) => void batches.push(b), {
      maxMessages: 100,
      maxDelayMs: 60_000,
    });
    const added = batcher.add(message(1));
    await batcher.drain();
    await added;
    expect(batches).toHaveLength(1);
  });
});
