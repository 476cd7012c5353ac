import { createConnectionPool, type DeviceAuth, type PublishClient } from '@village/simulation';
import { describe, expect, it } from 'vitest';

/** A fake broker connection factory that records what was opened and closed. */
function fakeFactory(options: { rejectFor?: string } = {}) {
  const log = { connects: [] as DeviceAuth[], closes: [] as string[], open: 0, maxOpen: 0 };
  const createClient = async (_url: string, auth: DeviceAuth): Promise<PublishClient> => {
    log.connects.push(auth);
    if (auth.clientId === options.rejectFor) throw new Error('Connection refused: Bad username or password');
    log.open += 1;
    log.maxOpen = Math.max(log.maxOpen, log.open);
    let connected = true;
    return {
      publish: async () => {},
      isConnected: () => connected,
      close: async () => {
        connected = false;
        log.open -= 1;
        log.closes.push(auth.clientId);
      },
    };
  };
  return { log, createClient };
}

describe('connection pool', () => {
  it('connects each device as itself and reuses its connection', async () => {
    const { log, createClient } = fakeFactory();
    const pool = createConnectionPool({ brokerUrl: 'mqtt://x', maxOpen: 3, createClient });
    await pool.withClient('BIN-0001', 's1', async () => {});
    await pool.withClient('BIN-0001', 's1', async () => {});
    expect(log.connects).toEqual([{ clientId: 'BIN-0001', username: 'BIN-0001', password: 's1' }]);
    await pool.closeAll();
    expect(log.closes).toEqual(['BIN-0001']);
  });

  it('evicts the least recently used idle connection when full', async () => {
    const { log, createClient } = fakeFactory();
    const pool = createConnectionPool({ brokerUrl: 'mqtt://x', maxOpen: 2, createClient });
    for (const id of ['A', 'B', 'A', 'C']) await pool.withClient(id, 'secret', async () => {});
    expect(log.closes).toEqual(['B']);
    expect(pool.openCount()).toBe(2);
    await pool.closeAll();
  });

  it('never exceeds maxOpen under concurrent use', async () => {
    const { log, createClient } = fakeFactory();
    const pool = createConnectionPool({ brokerUrl: 'mqtt://x', maxOpen: 4, createClient });
    const ids = Array.from({ length: 40 }, (_, i) => `MTR-${i}`);
    await Promise.all(
      ids.map((id) => pool.withClient(id, 'secret', () => new Promise((resolve) => setTimeout(resolve, 1)))),
    );
    expect(log.connects).toHaveLength(40);
    expect(log.maxOpen).toBeLessThanOrEqual(4);
    await pool.closeAll();
    expect(log.open).toBe(0);
  });

  it('reports a refused connection and retries it next time instead of caching the failure', async () => {
    const { log, createClient } = fakeFactory({ rejectFor: 'BAD' });
    const pool = createConnectionPool({ brokerUrl: 'mqtt://x', maxOpen: 2, createClient });
    await expect(pool.withClient('BAD', 'wrong', async () => {})).rejects.toThrow(/Bad username/);
    await expect(pool.withClient('BAD', 'wrong', async () => {})).rejects.toThrow(/Bad username/);
    expect(log.connects.filter((c) => c.clientId === 'BAD')).toHaveLength(2);
    expect(pool.openCount()).toBe(0);
  });
});
