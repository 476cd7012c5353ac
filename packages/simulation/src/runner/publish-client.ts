import mqtt from 'mqtt';

/** What the simulator needs from an MQTT connection; tests inject a fake, production uses `connectMqttClient`. */
export interface PublishClient {
  publish(topic: string, payload: string, options: { qos: 0 | 1 }): Promise<void>;
  close(): Promise<void>;
  isConnected(): boolean;
}

/** A device's identity on the broker: clientId and username are both the device id. */
export interface DeviceAuth {
  clientId: string;
  username: string;
  password: string;
}

export type PublishClientFactory = (brokerUrl: string, auth: DeviceAuth) => Promise<PublishClient>;

/**
 * One real MQTT connection for one device. No automatic reconnect: the pool replaces dead clients,
 * and a client that silently reconnected would hold QoS 1 messages in flight forever.
 */
export const connectMqttClient: PublishClientFactory = async (brokerUrl, auth) => {
  const client = await mqtt.connectAsync(
    brokerUrl,
    { ...auth, clean: true, reconnectPeriod: 0, connectTimeout: 10_000 },
    false,
  );
  let closedError: Error | undefined;
  const closeListeners = new Set<(error: Error) => void>();
  // Errors surface as failed publishes; without a listener EventEmitter would throw them.
  client.on('error', () => {});
  client.on('close', () => {
    closedError = new Error(`connection of ${auth.clientId} closed by the broker`);
    for (const listener of closeListeners) listener(closedError);
  });
  return {
    publish: (topic, payload, options) =>
      new Promise<void>((resolve, reject) => {
        if (closedError) return reject(closedError);
        closeListeners.add(reject);
        client.publishAsync(topic, payload, { qos: options.qos }).then(
          () => {
            closeListeners.delete(reject);
            resolve();
          },
          (error: unknown) => {
            closeListeners.delete(reject);
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }),
    close: () => client.endAsync(),
    isConnected: () => client.connected && !closedError,
  };
};
