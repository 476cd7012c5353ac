import type { RawTelemetry } from '@village/domain';

export interface BatchLimits {
  /** Flush as soon as this many messages are pending. */
  maxMessages: number;
  /** Flush at the latest this long after the first pending message arrived. */
  maxDelayMs: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxMessages: 200, maxDelayMs: 50 };

export interface BatcherStats {
  batchesDelivered: number;
  messagesDelivered: number;
  batchesFailed: number;
  largestBatch: number;
}

export interface TelemetryBatcher {
  /**
   * Queues a message. The promise settles when the batch that contains it has been handed to the sink:
   * it resolves once the sink resolved and rejects with the sink's error, so callers can acknowledge
   * (or refuse) the message only after it is stored.
   */
  add(message: RawTelemetry): Promise<void>;
  readonly stats: BatcherStats;
  /** Flushes what is pending now and waits for every batch in flight; later `add`s still work. */
  drain(): Promise<void>;
}

interface Pending {
  message: RawTelemetry;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Groups messages so the sink (the ingest function) writes in bulk instead of once per message. Batches
 * are flushed independently: a full batch does not wait for the previous one, so throughput is bounded
 * by the sink's concurrency rather than serialised behind it.
 */
export function createTelemetryBatcher(
  sink: (batch: RawTelemetry[]) => Promise<void>,
  limits: BatchLimits = DEFAULT_BATCH_LIMITS,
  onSinkError: (error: unknown, batchSize: number) => void = () => {},
): TelemetryBatcher {
  if (!Number.isInteger(limits.maxMessages) || limits.maxMessages < 1) {
    throw new RangeError('batch.maxMessages must be a positive integer');
  }
  if (!(limits.maxDelayMs >= 0)) throw new RangeError('batch.maxDelayMs must be >= 0');

  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();
  const stats: BatcherStats = {
    batchesDelivered: 0,
    messagesDelivered: 0,
    batchesFailed: 0,
    largestBatch: 0,
  };

  const deliver = async (batch: Pending[]) => {
    try {
      // The sink runs on a fresh tick so a synchronous throw is caught like a rejection.
      await Promise.resolve().then(() => sink(batch.map((p) => p.message)));
      stats.batchesDelivered += 1;
      stats.messagesDelivered += batch.length;
      stats.largestBatch = Math.max(stats.largestBatch, batch.length);
      for (const p of batch) p.resolve();
    } catch (error) {
      stats.batchesFailed += 1;
      onSinkError(error, batch.length);
      for (const p of batch) p.reject(error);
    }
  };

  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const delivery = deliver(batch);
    inFlight.add(delivery);
    void delivery.finally(() => inFlight.delete(delivery));
  };

  return {
    add(message) {
      const settled = new Promise<void>((resolve, reject) => {
        pending.push({ message, resolve, reject });
      });
      if (pending.length >= limits.maxMessages) flush();
      else timer ??= setTimeout(flush, limits.maxDelayMs);
      return settled;
    },
    get stats() {
      return { ...stats };
    },
    async drain() {
      flush();
      await Promise.all(inFlight);
    },
  };
}
