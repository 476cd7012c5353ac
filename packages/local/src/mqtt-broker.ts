import { type AddressInfo, createServer, type Socket } from 'node:net';
import { type Clock, parseTelemetryTopic, type RawTelemetry, systemClock, toZonedIso } from '@village/domain';
import { Aedes, type AuthErrorCode, type AuthenticateError, type Client } from 'aedes';
import {
  type AuthenticationDirectory,
  authenticate,
  canPublish,
  canSubscribe,
  type DeviceIdentity,
  type Principal,
} from './device-policy.ts';
import {
  type BatcherStats,
  type BatchLimits,
  createTelemetryBatcher,
  DEFAULT_BATCH_LIMITS,
} from './telemetry-batcher.ts';

/** deviceId → secret, as a map or a lookup (a lookup sees devices provisioned after start). */
export type DeviceSecretSource =
  | Readonly<Record<string, string>>
  | ((deviceId: string) => string | undefined);

/** deviceId → where it belongs, as a map or a lookup. */
export type DeviceDirectory =
  | Readonly<Record<string, DeviceIdentity>>
  | ((deviceId: string) => DeviceIdentity | undefined);

export interface BrokerLogger {
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
}

export interface MqttBrokerOptions {
  /** 0 picks a free ephemeral port. */
  port: number;
  /** Defaults to 127.0.0.1: the local broker is not meant to be reachable from the network. */
  host?: string;
  credentials: DeviceSecretSource;
  /**
   * When given, a device may publish only under its own village and kind. Without it only the device
   * id segment of the topic is enforced.
   */
  deviceKinds?: DeviceDirectory;
  /** Enables the `service` principal (any client id, username `service`) for tooling. */
  servicePassword?: string;
  /** Receives every authorized telemetry message, in batches. The lead passes the ingest function. */
  onTelemetry: (batch: RawTelemetry[]) => Promise<void>;
  batch?: Partial<BatchLimits>;
  logger?: BrokerLogger;
  clock?: Clock;
}

export interface MqttBrokerStats extends BatcherStats {
  connectedClients: number;
  connectionsAccepted: number;
  connectionsRefused: number;
  telemetryAccepted: number;
  publishesRefused: number;
  subscriptionsRefused: number;
}

export interface MqttBroker {
  /** e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  port: number;
  /** A snapshot of the counters at the time of reading. */
  readonly stats: MqttBrokerStats;
  /** Stores what is pending, disconnects every client and stops listening. */
  close(): Promise<void>;
}

const consoleLogger: BrokerLogger = {
  info: (message, context) => console.info(`[mqtt-broker] ${message}`, context ?? ''),
  warn: (message, context) => console.warn(`[mqtt-broker] ${message}`, context ?? ''),
  error: (message, context) => console.error(`[mqtt-broker] ${message}`, context ?? ''),
};

/** Marks errors the policy raised on purpose, so they are not logged a second time as client errors. */
class PolicyRefusal extends Error {
  override name = 'PolicyRefusal';
}

function lookupIn<T>(source: Readonly<Record<string, T>> | ((id: string) => T | undefined)) {
  // Own properties only: a username such as "constructor" must not find Object.prototype members.
  return typeof source === 'function'
    ? source
    : (id: string): T | undefined => (Object.hasOwn(source, id) ? source[id] : undefined);
}

const payloadText = (payload: string | Buffer) =>
  typeof payload === 'string' ? payload : payload.toString('utf8');

/**
 * Starts a local MQTT broker (aedes) that enforces the same rules as the AWS IoT Core policy and feeds
 * device telemetry into `onTelemetry` in batches.
 *
 * At-least-once: `authorizePublish` calls back only once the batch holding the message was stored, and
 * aedes writes the QoS 1 PUBACK only after that callback. If storing fails the callback carries an
 * error, aedes closes the connection without a PUBACK, and the client re-sends after reconnecting
 * (`onTelemetry` must therefore be idempotent, which `messageId` makes possible).
 *
 * Refusals: a refused publish is answered like IoT Core does for MQTT 3.1.1, by closing the connection
 * (3.1.1 has no negative PUBACK; aedes emits `clientError` and destroys the socket). A refused
 * subscription gets SUBACK return code 128 and the client stays connected.
 *
 * Throughput: aedes reads a client's next socket chunk only when every packet of the previous chunk is
 * done, so one client has one chunk of messages in flight at a time, while many clients share batches.
 */
export async function startMqttBroker(options: MqttBrokerOptions): Promise<MqttBroker> {
  const logger = options.logger ?? consoleLogger;
  const clock = options.clock ?? systemClock;
  const secretOf = lookupIn(options.credentials);
  const identities = options.deviceKinds;
  const identityOf = identities === undefined ? () => undefined : lookupIn(identities);
  const directory: AuthenticationDirectory = {
    secretOf,
    identityOf,
    ...(options.servicePassword === undefined
      ? {}
      : { service: { username: 'service', password: options.servicePassword } }),
  };
  const counters = {
    connectionsAccepted: 0,
    connectionsRefused: 0,
    telemetryAccepted: 0,
    publishesRefused: 0,
    subscriptionsRefused: 0,
  };
  const batcher = createTelemetryBatcher(
    options.onTelemetry,
    { ...DEFAULT_BATCH_LIMITS, ...options.batch },
    (error, batchSize) =>
      logger.error('onTelemetry failed; QoS 1 senders are disconnected un-acknowledged and will retry', {
        batchSize,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
  const principals = new WeakMap<Client, Principal>();

  const broker = await Aedes.createBroker({
    authenticate(client, username, password, done) {
      const result = authenticate({ clientId: client.id, username, password }, directory);
      if (result.ok) {
        principals.set(client, result.principal);
        counters.connectionsAccepted += 1;
        return done(null, true);
      }
      counters.connectionsRefused += 1;
      logger.warn('connection refused', { clientId: client.id, username, reason: result.reason });
      const error = new PolicyRefusal(result.reason) as PolicyRefusal & AuthenticateError;
      error.returnCode = result.returnCode as AuthErrorCode;
      done(error, null);
    },

    authorizePublish(client, packet, callback) {
      const decision = canPublish(client ? principals.get(client) : undefined, packet.topic);
      if (!decision.allowed) {
        counters.publishesRefused += 1;
        logger.warn('publish refused; closing the connection', {
          clientId: client?.id,
          topic: packet.topic,
          reason: decision.reason,
        });
        return callback(new PolicyRefusal(decision.reason));
      }
      // Only the service principal gets here with a non-telemetry topic: route it, do not ingest it.
      if (!parseTelemetryTopic(packet.topic).ok) return callback(null);
      counters.telemetryAccepted += 1;
      const message: RawTelemetry = {
        topic: packet.topic,
        payload: payloadText(packet.payload),
        receivedAt: toZonedIso(clock.nowMs()),
      };
      batcher.add(message).then(
        () => callback(null),
        // QoS 0 promised at-most-once: keep the client connected. Otherwise withhold the PUBACK.
        () => callback(packet.qos === 0 ? null : new Error('telemetry not stored; the client must retry')),
      );
    },

    authorizeSubscribe(client, subscription, callback) {
      const decision = canSubscribe(principals.get(client), subscription.topic);
      if (decision.allowed) return callback(null, subscription);
      counters.subscriptionsRefused += 1;
      logger.warn('subscription refused', {
        clientId: client.id,
        topic: subscription.topic,
        reason: decision.reason,
      });
      // null (not an error) answers SUBACK 128 instead of dropping the connection.
      callback(null, null);
    },
  });

  broker.on('clientError', (client, error) => {
    if (!(error instanceof PolicyRefusal)) {
      logger.info('client error', { clientId: client.id, error: error.message });
    }
  });

  // aedes only closes registered clients; sockets still mid-CONNECT are tracked to close them too.
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    broker.handle(socket);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  const close = async () => {
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Store what is pending while clients are still connected, so they receive their PUBACKs.
    await batcher.drain();
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await serverClosed;
    // Messages that arrived during shutdown (including wills) are stored before close resolves.
    await batcher.drain();
  };

  return {
    url: `mqtt://${urlHost}:${port}`,
    port,
    get stats() {
      return { ...counters, ...batcher.stats, connectedClients: broker.connectedClients };
    },
    close() {
      closing ??= close();
      return closing;
    },
  };
}
