import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';

export interface DynamoDbLocalOptions {
  /** Directory for the LevelDB files; the data lives in memory (and dies with the process) when omitted. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free ephemeral port. */
  port?: number;
}

export interface DynamoDbLocal {
  /** e.g. `http://127.0.0.1:4567`, to pass as the SDK's `endpoint`. */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Starts an embedded DynamoDB-compatible server (dynalite) for the local runtime and tests. */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  // Table state transitions are instant: nothing local benefits from simulating AWS's CREATING phase.
  const server = dynalite({
    ...(options.dataDir === undefined ? {} : { path: options.dataDir }),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // dynalite's close stops the HTTP server, then closes LevelDB so the directory can be reopened.
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
