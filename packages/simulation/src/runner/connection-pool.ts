import type { PublishClient, PublishClientFactory } from './publish-client.ts';

/**
 * A bounded, least-recently-used set of per-device MQTT connections. A real deployment has one
 * connection per device; locally 1,800 sockets to one broker is wasteful, so at most `maxOpen` stay
 * open and the idle one used longest ago is closed to make room. Each device still authenticates as
 * itself (clientId = username = device id), so broker ACLs are exercised exactly as in the field.
 */

export interface ConnectionPoolOptions {
  brokerUrl: string;
  maxOpen: number;
  createClient: PublishClientFactory;
}

export interface ConnectionPool {
  /** Runs `use` with the device's connection, opening one (and evicting another) if needed. */
  withClient<T>(deviceId: string, secret: string, use: (client: PublishClient) => Promise<T>): Promise<T>;
  /** Sockets open or opening, including ones being closed. Never exceeds `maxOpen`. */
  openCount(): number;
  closeAll(): Promise<void>;
}

interface Entry {
  client: Promise<PublishClient>;
  inUse: number;
}

export function createConnectionPool(options: ConnectionPoolOptions): ConnectionPool {
  if (!Number.isInteger(options.maxOpen) || options.maxOpen < 1) {
    throw new RangeError('maxOpen must be a positive integer');
  }
  // Map iteration order is insertion order: re-inserting on use keeps the LRU entry first.
  const entries = new Map<string, Entry>();
  let closing = 0;
  let waiters: Array<() => void> = [];

  function wakeWaiters(): void {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  }

  async function close(client: Promise<PublishClient>): Promise<void> {
    closing += 1;
    try {
      await (await client).close();
    } catch {
      // A client that failed to connect or is already gone needs no closing.
    } finally {
      closing -= 1;
      wakeWaiters();
    }
  }

  /** Closes the least recently used idle connection, or waits until one is released. */
  async function evictOrWait(): Promise<void> {
    const idle = [...entries].find(([, entry]) => entry.inUse === 0);
    if (idle) {
      entries.delete(idle[0]);
      await close(idle[1].client);
    } else {
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  }

  async function acquire(deviceId: string, secret: string): Promise<Entry> {
    for (;;) {
      const existing = entries.get(deviceId);
      if (existing) {
        entries.delete(deviceId);
        entries.set(deviceId, existing);
        existing.inUse += 1;
        try {
          const client = await existing.client;
          if (client.isConnected()) return existing;
        } catch {
          // Fall through: the connection attempt failed; drop it and try afresh.
        }
        existing.inUse -= 1;
        if (entries.get(deviceId) === existing) {
          entries.delete(deviceId);
          void close(existing.client);
        }
        continue;
      }
      // Checked and claimed with no await in between, so concurrent callers cannot overshoot maxOpen.
      if (entries.size + closing >= options.maxOpen) {
        await evictOrWait();
        continue;
      }
      const client = options.createClient(options.brokerUrl, {
        clientId: deviceId,
        username: deviceId,
        password: secret,
      });
      const entry: Entry = { client, inUse: 1 };
      entries.set(deviceId, entry);
      try {
        await client;
        return entry;
      } catch (error) {
        if (entries.get(deviceId) === entry) entries.delete(deviceId);
        wakeWaiters();
        throw error;
      }
    }
  }

  return {
    async withClient(deviceId, secret, use) {
      const entry = await acquire(deviceId, secret);
      try {
        return await use(await entry.client);
      } finally {
        entry.inUse -= 1;
        wakeWaiters();
      }
    },
    openCount: () => entries.size + closing,
    async closeAll() {
      const all = [...entries.values()];
      entries.clear();
      await Promise.all(all.map((entry) => close(entry.client)));
    },
  };
}
