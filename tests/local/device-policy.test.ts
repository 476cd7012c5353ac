import {
  authenticate,
  canPublish,
  canSubscribe,
  commandsTopic,
  type DeviceIdentity,
  type Principal,
} from '@village/local';
import { describe, expect, it } from 'vitest';

const bin: DeviceIdentity = { villageId: 'bach-dang', deviceKind: 'bin' };
const device: Principal = { kind: 'device', deviceId: 'bin-1', identity: bin };
const unplaced: Principal = { kind: 'device', deviceId: 'bin-1', identity: undefined };
const service: Principal = { kind: 'service' };

const directory = {
  secretOf: (id: string) => (id === 'bin-1' ? 'bin-1-secret-xxxxxxxxxxxxxxxx' : undefined),
  identityOf: (id: string) => (id === 'bin-1' ? bin : undefined),
  service: { username: 'service', password: 'service-secret-yyyyyyyyyyyyyy' },
};
const password = (s: string) => Buffer.from(s);

describe('authenticate', () => {
  it('binds a device principal with its identity when username, clientId and password match', () => {
    const result = authenticate(
      { clientId: 'bin-1', username: 'bin-1', password: password('bin-1-secret-xxxxxxxxxxxxxxxx') },
      directory,
    );
    expect(result).toEqual({ ok: true, principal: device });
  });

  it.each([
    ['wrong password', { clientId: 'bin-1', username: 'bin-1', password: password('nope') }, 4],
    ['unknown device', { clientId: 'bin-9', username: 'bin-9', password: password('nope') }, 4],
    ['no username', { clientId: 'bin-1', username: undefined, password: undefined }, 4],
    [
      'clientId ≠ username',
      { clientId: 'other', username: 'bin-1', password: password('bin-1-secret-xxxxxxxxxxxxxxxx') },
      5,
    ],
    ['prototype key', { clientId: 'constructor', username: 'constructor', password: undefined }, 4],
  ])('refuses %s', (_name, input, returnCode) => {
    expect(authenticate(input, directory)).toMatchObject({ ok: false, returnCode });
  });

  it('accepts the service principal under any clientId', () => {
    const result = authenticate(
      { clientId: 'tool', username: 'service', password: password('service-secret-yyyyyyyyyyyyyy') },
      directory,
    );
    expect(result).toEqual({ ok: true, principal: service });
  });
});

describe('canPublish', () => {
  it('allows only the device’s own telemetry topic', () => {
    expect(canPublish(device, 'village/bach-dang/bins/bin-1/telemetry').allowed).toBe(true);
    for (const topic of [
      'village/bach-dang/bins/bin-2/telemetry',
      'village/bach-dang/meters/bin-1/telemetry',
      'village/other/bins/bin-1/telemetry',
      'village/bach-dang/bins/bin-1/commands',
      '$SYS/anything',
    ]) {
      expect(canPublish(device, topic)).toMatchObject({ allowed: false });
    }
  });

  it('checks only the id segment for a device without a directory entry', () => {
    expect(canPublish(unplaced, 'village/other/meters/bin-1/telemetry').allowed).toBe(true);
    expect(canPublish(unplaced, 'village/other/meters/bin-2/telemetry').allowed).toBe(false);
  });

  it('refuses unauthenticated clients and lets the service publish anywhere but $SYS', () => {
    expect(canPublish(undefined, 'village/bach-dang/bins/bin-1/telemetry').allowed).toBe(false);
    expect(canPublish(service, 'tools/anything').allowed).toBe(true);
    expect(canPublish(service, '$SYS/x').allowed).toBe(false);
  });
});

describe('canSubscribe', () => {
  it('allows a device only its own commands topic, without wildcards', () => {
    expect(canSubscribe(device, commandsTopic('bach-dang', 'bin', 'bin-1')).allowed).toBe(true);
    for (const filter of [
      commandsTopic('bach-dang', 'bin', 'bin-2'),
      commandsTopic('bach-dang', 'meter', 'bin-1'),
      'village/bach-dang/bins/+/commands',
      'village/#',
      '#',
    ]) {
      expect(canSubscribe(device, filter).allowed).toBe(false);
    }
  });

  it('lets the service subscribe to wildcards', () => {
    expect(canSubscribe(service, 'village/+/bins/+/telemetry').allowed).toBe(true);
  });
});
