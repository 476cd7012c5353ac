import {
  type Clock,
  createRng,
  type DeviceKind,
  type IsoDateTime,
  minutesOfDay,
  systemClock,
  type TimeOfDay,
  toZonedIso,
  type VillageDataset,
} from '@village/domain';
import { createBinSimulator } from '../devices/bin-fill-model.ts';
import { DAY_MS, HOUR_MS, localDayIndex, localMidnightMs, MINUTE_MS } from '../devices/local-time.ts';
import { createMeterSimulator } from '../devices/meter-load-model.ts';
import { createConnectionPool } from './connection-pool.ts';
import { connectMqttClient, type PublishClientFactory } from './publish-client.ts';
import { binMessage, meterMessage, type OutgoingMessage } from './telemetry-messages.ts';

/**
 * Animates a village dataset in accelerated time and publishes each device's telemetry to MQTT as
 * that device. Simulated time runs at `speed` × real time from `startMs`; reports fall on a fixed
 * grid (every hour for bins, every 15 minutes for meters, plus one at the start) and carry the
 * simulated instant as `ts`. If publishing falls behind, reports are caught up in order.
 */

export interface SimulatorOptions {
  dataset: VillageDataset;
  brokerUrl: string;
  /** Device id → secret. Devices without one are skipped and counted. */
  credentials: Readonly<Record<string, string>>;
  /** Simulated start instant, epoch ms. */
  startMs: number;
  /** Simulated seconds per real second. Default 60. */
  speed?: number;
  binReportIntervalMs?: number;
  meterReportIntervalMs?: number;
  /** Seeds the device models. Default 1. */
  seed?: number;
  /** Open MQTT connections at most. Default 50. */
  maxConnections?: number;
  /** Publishes in flight at most. Default 16. */
  publishConcurrency?: number;
  /** A publish not acknowledged (QoS 1) within this many ms counts as failed. Default 10,000. */
  publishTimeoutMs?: number;
  createClient?: PublishClientFactory;
  /** Real-time source. */
  clock?: Clock;
  /**
   * Status-quo collection so long runs do not saturate: every day at `at` (village time) bins at or
   * above `minFillPercent` are emptied. Default 07:00 and 70 %; `false` disables it.
   */
  dailyCollection?: { at: TimeOfDay; minFillPercent: number } | false;
  onProgress?: (progress: SimulatorProgress) => void;
}

export interface SimulatorCounters {
  published: number;
  failed: number;
  /** Messages not sent because the device has no credentials. */
  skipped: number;
}

export interface SimulatorProgress {
  simTime: IsoDateTime;
  deviceKind: DeviceKind;
  /** Counts for this report round alone. */
  round: SimulatorCounters;
  total: SimulatorCounters;
  openConnections: number;
  /** Bins emptied by the daily collection since the previous bin round. */
  collectedBins?: number;
  lastError?: string;
}

export interface SimulatorHandle {
  /** A snapshot of the running totals. */
  counters(): SimulatorCounters;
  /** Simulated instant that real time corresponds to now. */
  simNowMs(): number;
  /** Stops after in-flight publishes settle and disconnects every client cleanly. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the simulator has stopped; rejects only on an internal error. */
  readonly done: Promise<void>;
}

function nextOnGrid(afterMs: number, intervalMs: number): number {
  return (Math.floor(afterMs / intervalMs) + 1) * intervalMs;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function runSimulator(options: SimulatorOptions): SimulatorHandle {
  const speed = options.speed ?? 60;
  const binInterval = options.binReportIntervalMs ?? HOUR_MS;
  const meterInterval = options.meterReportIntervalMs ?? 15 * MINUTE_MS;
  if (!(speed > 0) || !(binInterval > 0) || !(meterInterval > 0)) {
    throw new RangeError('speed and report intervals must be positive');
  }
  const clock = options.clock ?? systemClock;
  const concurrency = Math.max(1, options.publishConcurrency ?? 16);
  const timeoutMs = options.publishTimeoutMs ?? 10_000;
  const collection = options.dailyCollection ?? { at: '07:00', minFillPercent: 70 };
  const { dataset, startMs, credentials } = options;
  const villageId = dataset.village.id;
  const rng = createRng(options.seed ?? 1);
  const bins = createBinSimulator(dataset, rng, { startMs });
  const meters = createMeterSimulator(dataset, rng, { startMs });
  const pool = createConnectionPool({
    brokerUrl: options.brokerUrl,
    maxOpen: options.maxConnections ?? 50,
    createClient: options.createClient ?? connectMqttClient,
  });

  const total: SimulatorCounters = { published: 0, failed: 0, skipped: 0 };
  let lastError: string | undefined;
  let stopping = false;
  let wake: (() => void) | undefined;
  const realStart = clock.nowMs();
  const simNowMs = () => startMs + (clock.nowMs() - realStart) * speed;

  function sleepUntilSim(simMs: number): Promise<void> {
    const delay = (simMs - startMs) / speed - (clock.nowMs() - realStart);
    if (delay <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, delay);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  async function publishOne(message: OutgoingMessage, round: SimulatorCounters): Promise<void> {
    const secret = credentials[message.deviceId];
    if (secret === undefined) {
      round.skipped += 1;
      return;
    }
    try {
      await pool.withClient(message.deviceId, secret, (client) =>
        withTimeout(client.publish(message.topic, message.payload, { qos: 1 }), timeoutMs, 'publish'),
      );
      round.published += 1;
    } catch (error) {
      round.failed += 1;
      lastError = `${message.deviceId}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async function publishAll(messages: readonly OutgoingMessage[]): Promise<SimulatorCounters> {
    const round: SimulatorCounters = { published: 0, failed: 0, skipped: 0 };
    let next = 0;
    const worker = async () => {
      while (!stopping && next < messages.length) {
        const message = messages[next++];
        if (message) await publishOne(message, round);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker));
    total.published += round.published;
    total.failed += round.failed;
    total.skipped += round.skipped;
    return round;
  }

  let nextCollectionMs = collection
    ? localMidnightMs(localDayIndex(startMs)) + minutesOfDay(collection.at) * MINUTE_MS
    : Number.POSITIVE_INFINITY;
  if (nextCollectionMs < startMs) nextCollectionMs += DAY_MS;

  function collectDueBins(untilMs: number): number {
    if (!collection) return 0;
    let collected = 0;
    while (nextCollectionMs <= untilMs) {
      bins.advanceTo(nextCollectionMs);
      for (const bin of dataset.bins) {
        if (bins.state(bin.id).fillPercent >= collection.minFillPercent) {
          bins.collect(bin.id, nextCollectionMs);
          collected += 1;
        }
      }
      nextCollectionMs += DAY_MS;
    }
    return collected;
  }

  async function report(deviceKind: DeviceKind, simMs: number): Promise<void> {
    const ts = toZonedIso(simMs, dataset.village.timeZone);
    let collectedBins: number | undefined;
    let messages: OutgoingMessage[];
    if (deviceKind === 'bin') {
      collectedBins = collectDueBins(simMs);
      messages = bins.readings(simMs).map((r) => binMessage(villageId, r, simMs, ts));
    } else {
      messages = meters.readings(simMs).map((r) => meterMessage(villageId, r, simMs, ts));
    }
    const round = await publishAll(messages);
    options.onProgress?.({
      simTime: ts,
      deviceKind,
      round,
      total: { ...total },
      openConnections: pool.openCount(),
      ...(collectedBins === undefined ? {} : { collectedBins }),
      ...(lastError === undefined ? {} : { lastError }),
    });
  }

  async function loop(): Promise<void> {
    let nextBin = startMs;
    let nextMeter = startMs;
    while (!stopping) {
      const due = Math.min(nextBin, nextMeter);
      await sleepUntilSim(due);
      if (stopping) break;
      if (nextMeter === due) {
        await report('meter', due);
        nextMeter = nextOnGrid(due, meterInterval);
      }
      if (nextBin === due && !stopping) {
        await report('bin', due);
        nextBin = nextOnGrid(due, binInterval);
      }
    }
  }

  const loopDone = loop();
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopping = true;
      wake?.();
      try {
        await loopDone;
      } finally {
        await pool.closeAll();
      }
    })();
    return stopped;
  };
  // An internal error ends the run: close connections, then surface the error through `done`.
  const done = loopDone.then(
    () => stop(),
    async (error: unknown) => {
      await stop().catch(() => {});
      throw error;
    },
  );
  // `done` may never be awaited (callers often only call stop()); do not let it crash the process.
  done.catch(() => {});

  return { counters: () => ({ ...total }), simNowMs, stop, done };
}
