import { type DeviceKind, idSchema, parseTelemetryTopic } from '@village/domain';
import { secretsMatch } from './credentials.ts';

/**
 * The pure allow/deny rules of the local broker. They mirror the AWS IoT Core policy of the cloud
 * deployment, where `${iot:Connection.Thing.ThingName}` pins each device to its own client id and topics.
 */

/** Where a device belongs; it decides the only telemetry topic the device may publish to. */
export interface DeviceIdentity {
  villageId: string;
  deviceKind: DeviceKind;
}

export type Principal =
  /** `identity` is undefined when the broker was given no device directory (see `canPublish`). */
  | { kind: 'device'; deviceId: string; identity: DeviceIdentity | undefined }
  /** Trusted tooling (simulator replay, debugging): may publish and subscribe anywhere except `$SYS`. */
  | { kind: 'service' };

export type Decision = { allowed: true } | { allowed: false; reason: string };

const allow: Decision = { allowed: true };
const deny = (reason: string): Decision => ({ allowed: false, reason });

/** MQTT CONNACK return codes (3.1.1) the broker answers with. */
export const ConnackCode = { badUsernameOrPassword: 4, notAuthorized: 5 } as const;

export type AuthenticationResult =
  | { ok: true; principal: Principal }
  | { ok: false; returnCode: (typeof ConnackCode)[keyof typeof ConnackCode]; reason: string };

export interface AuthenticationInput {
  clientId: string;
  username: string | undefined;
  password: Uint8Array | undefined;
}

export interface AuthenticationDirectory {
  secretOf(deviceId: string): string | undefined;
  identityOf(deviceId: string): DeviceIdentity | undefined;
  /** Set to enable the service principal; `username` is `service` by convention. */
  service?: { username: string; password: string };
}

// Compared against when the device is unknown, so an unknown id costs the same time as a wrong password.
const UNKNOWN_DEVICE_SECRET = 'unknown-device-placeholder-secret';

export function authenticate(
  input: AuthenticationInput,
  directory: AuthenticationDirectory,
): AuthenticationResult {
  const { clientId, username, password } = input;
  if (username === undefined) {
    return { ok: false, returnCode: ConnackCode.badUsernameOrPassword, reason: 'no username' };
  }
  const service = directory.service;
  if (service !== undefined && username === service.username) {
    return secretsMatch(service.password, password)
      ? { ok: true, principal: { kind: 'service' } }
      : { ok: false, returnCode: ConnackCode.badUsernameOrPassword, reason: 'wrong service password' };
  }
  // Like IoT Core's thing-name binding: the session is the device, so no device can take over another's.
  if (clientId !== username) {
    return { ok: false, returnCode: ConnackCode.notAuthorized, reason: 'clientId must equal username' };
  }
  const secret = directory.secretOf(username);
  const matches = secretsMatch(secret ?? UNKNOWN_DEVICE_SECRET, password);
  if (secret === undefined || !matches) {
    // Same answer for both, so probing cannot enumerate device ids.
    return {
      ok: false,
      returnCode: ConnackCode.badUsernameOrPassword,
      reason: secret === undefined ? 'unknown device' : 'wrong password',
    };
  }
  return {
    ok: true,
    principal: { kind: 'device', deviceId: username, identity: directory.identityOf(username) },
  };
}

const KIND_SEGMENT: Record<DeviceKind, string> = { bin: 'bins', meter: 'meters' };

const isReserved = (topic: string) => topic.startsWith('$');

/**
 * A device may publish only to `village/{itsVillage}/{bins|meters}/{itself}/telemetry`. Without a
 * directory entry only the device id segment can be checked (the village and kind are then trusted).
 */
export function canPublish(principal: Principal | undefined, topic: string): Decision {
  if (principal === undefined) return deny('not authenticated');
  if (isReserved(topic)) return deny('topics starting with $ are reserved');
  if (principal.kind === 'service') return allow;
  const parsed = parseTelemetryTopic(topic);
  if (!parsed.ok) return deny(`devices may only publish telemetry: ${parsed.reason}`);
  const { villageId, deviceKind, deviceId } = parsed.value;
  if (deviceId !== principal.deviceId)
    return deny(`device ${principal.deviceId} may not publish as ${deviceId}`);
  const identity = principal.identity;
  if (identity !== undefined && (identity.villageId !== villageId || identity.deviceKind !== deviceKind)) {
    return deny(
      `device ${principal.deviceId} is a ${identity.deviceKind} of village ${identity.villageId}, not a ${deviceKind} of ${villageId}`,
    );
  }
  return allow;
}

/** A device may subscribe only to its own commands topic, spelled out exactly (no wildcards). */
export function canSubscribe(principal: Principal | undefined, topicFilter: string): Decision {
  if (principal === undefined) return deny('not authenticated');
  if (principal.kind === 'service') {
    return isReserved(topicFilter) ? deny('topics starting with $ are reserved') : allow;
  }
  const parts = topicFilter.split('/');
  const [root, villageId, kindSegment, deviceId, leaf] = parts;
  const identity = principal.identity;
  const ownTopic =
    parts.length === 5 &&
    root === 'village' &&
    leaf === 'commands' &&
    deviceId === principal.deviceId &&
    (identity === undefined
      ? idSchema.safeParse(villageId).success && (kindSegment === 'bins' || kindSegment === 'meters')
      : villageId === identity.villageId && kindSegment === KIND_SEGMENT[identity.deviceKind]);
  return ownTopic ? allow : deny(`device ${principal.deviceId} may only subscribe to its own commands topic`);
}

/** `village/{villageId}/{bins|meters}/{deviceId}/commands`: the one topic a device may subscribe to. */
export function commandsTopic(villageId: string, deviceKind: DeviceKind, deviceId: string): string {
  return `village/${villageId}/${KIND_SEGMENT[deviceKind]}/${deviceId}/commands`;
}
