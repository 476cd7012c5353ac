import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { defaultOperatorSettings, type OperatorSettings } from '@village/domain';
import { createStore, SettingsConflictError } from '@village/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';

const V = 'settings-village';
const operator = { subject: 'op-1', role: 'operator' };
const at = (hour: number) => `2026-11-29T${String(hour).padStart(2, '0')}:00:00+07:00`;

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
});
afterAll(() => local.close());

const withChanges = (over: Partial<OperatorSettings>): OperatorSettings => ({
  ...defaultOperatorSettings(),
  ...over,
});

describe('settings repository', () => {
  it('answers defaults at version 0 for a village that never saved settings', async () => {
    expect(await local.store.settings.getSettings(V)).toEqual({
      settings: defaultOperatorSettings(),
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    expect(defaultOperatorSettings()).toMatchObject({
      thresholdPercent: 85,
      wastePlanTime: '05:00',
      energyPlanTime: '18:00',
    });
  });

  it('saves a change, bumps the version and records who changed what', async () => {
    const next = withChanges({ thresholdPercent: 90, vehicles: { 'truck-1': { available: false } } });
    const { record, change } = await local.store.settings.putSettings(V, next, {
      expectedVersion: 0,
      changedBy: operator,
      changedAt: at(8),
    });
    expect(record).toEqual({ settings: next, version: 1, updatedAt: at(8), updatedBy: operator });
    expect(change).toEqual({
      version: 1,
      changedAt: at(8),
      changedBy: operator,
      changes: [
        { field: 'thresholdPercent', from: 85, to: 90 },
        { field: 'vehicles.truck-1.available', from: null, to: false },
      ],
    });
    expect(await local.store.settings.getSettings(V)).toEqual(record);
  });

  it('refuses a stale version with a typed conflict naming the current version', async () => {
    const attempt = local.store.settings.putSettings(V, withChanges({ thresholdPercent: 70 }), {
      expectedVersion: 0,
      changedBy: operator,
      changedAt: at(9),
    });
    await expect(attempt).rejects.toBeInstanceOf(SettingsConflictError);
    await expect(attempt).rejects.toMatchObject({ code: 'CONFLICT', currentVersion: 1, expectedVersion: 0 });
    expect((await local.store.settings.getSettings(V)).settings.thresholdPercent).toBe(90);
  });

  it('lets exactly one of two concurrent writers of the same version win', async () => {
    const write = (thresholdPercent: number, subject: string) =>
      local.store.settings.putSettings(V, withChanges({ thresholdPercent }), {
        expectedVersion: 1,
        changedBy: { subject, role: 'operator' },
        changedAt: at(10),
      });
    const results = await Promise.allSettled([write(75, 'op-a'), write(80, 'op-b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(SettingsConflictError);
    expect((await local.store.settings.getSettings(V)).version).toBe(2);
  });

  it('changes nothing (no version, no audit entry) when the settings are equal', async () => {
    const current = await local.store.settings.getSettings(V);
    const result = await local.store.settings.putSettings(V, current.settings, {
      expectedVersion: 2,
      changedBy: operator,
      changedAt: at(11),
    });
    expect(result).toEqual({ record: current, change: null });
    expect((await local.store.settings.listSettingsAudit(V)).map((c) => c.version)).toEqual([2, 1]);
  });

  it('lists the audit log newest first, honouring the limit', async () => {
    const [newest] = await local.store.settings.listSettingsAudit(V, 1);
    expect(newest?.version).toBe(2);
    // The winner wrote whole settings without the vehicle override: both fields changed.
    expect(newest?.changes.map((c) => c.field)).toEqual(['thresholdPercent', 'vehicles.truck-1.available']);
    expect(newest?.changes[1]).toEqual({ field: 'vehicles.truck-1.available', from: false, to: null });
  });

  it('loses no audit entry when the process dies between the settings and the audit write', async () => {
    const failingAudit = createStore({
      client: new Proxy(local.client, {
        get(target, property, receiver) {
          if (property !== 'send') return Reflect.get(target, property, receiver);
          return (command: Parameters<typeof target.send>[0]) =>
            command instanceof BatchWriteCommand
              ? Promise.reject(new Error('simulated crash'))
              : target.send(command);
        },
      }),
      tableName: local.tableName,
    });
    const current = await local.store.settings.getSettings(V);
    await expect(
      failingAudit.settings.putSettings(
        V,
        { ...current.settings, maxShiftMinutes: 420 },
        {
          expectedVersion: 2,
          changedBy: operator,
          changedAt: at(12),
        },
      ),
    ).rejects.toThrow('simulated crash');
    expect((await local.store.settings.listSettingsAudit(V)).map((c) => c.version)).toEqual([3, 2, 1]);

    // The next change writes the lost entry for good.
    await local.store.settings.putSettings(
      V,
      { ...current.settings, maxShiftMinutes: 400 },
      {
        expectedVersion: 3,
        changedBy: operator,
        changedAt: at(13),
      },
    );
    const audit = await local.store.settings.listSettingsAudit(V);
    expect(audit.map((c) => c.version)).toEqual([4, 3, 2, 1]);
    expect(audit[1]?.changes).toEqual([{ field: 'maxShiftMinutes', from: 480, to: 420 }]);
  });
});
