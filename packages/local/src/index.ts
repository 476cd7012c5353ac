export {
  type DeviceCredentials,
  loadOrCreateDeviceCredentials,
  secretsMatch,
} from './credentials.ts';
export {
  type AuthenticationResult,
  authenticate,
  canPublish,
  canSubscribe,
  commandsTopic,
  type Decision,
  type DeviceIdentity,
  type Principal,
} from './device-policy.ts';
export { type DynamoDbLocal, type DynamoDbLocalOptions, startDynamoDbLocal } from './dynamodb-local.ts';
export {
  type BrokerLogger,
  type DeviceDirectory,
  type DeviceSecretSource,
  type MqttBroker,
  type MqttBrokerOptions,
  type MqttBrokerStats,
  startMqttBroker,
} from './mqtt-broker.ts';
export { generateSecret, loadOrCreateSecret } from './secret-file.ts';
export { type BatchLimits, DEFAULT_BATCH_LIMITS } from './telemetry-batcher.ts';
