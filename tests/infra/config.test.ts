import { describe, expect, it } from 'vitest';
import { configFromContext, stageConfig } from '../../infra/config.ts';

describe('infra/config.ts', () => {
  it('derives every name from the stage', () => {
    const dev = stageConfig('dev');
    expect(dev).toMatchObject({
      prefix: 'village-dev',
      tableName: 'village-dev-village',
      protectData: false,
      region: 'ap-southeast-1',
      timeZone: 'Asia/Ho_Chi_Minh',
      iot: {
        thingTypeName: { bin: 'village-dev-bin', meter: 'village-dev-meter' },
        devicePolicyName: 'village-dev-device',
        telemetryRuleName: 'village_dev_telemetry',
      },
      schedules: { wastePlan: { hour: 5, minute: 0 }, energyPlan: { hour: 18, minute: 0 } },
    });
    expect(dev.iot.telemetryRuleName).toMatch(/^[a-zA-Z0-9_]+$/);
    const prod = stageConfig('prod');
    expect(prod).toMatchObject({ prefix: 'village-prod', protectData: true, logRetentionDays: 90 });
    expect(prod.apiThrottle.rateLimit).toBeGreaterThan(dev.apiThrottle.rateLimit);
    expect(stageConfig(undefined).stage).toBe('dev');
  });

  it('reads and validates context overrides', () => {
    const context: Record<string, unknown> = {
      stage: 'prod',
      webOrigin: 'https://app.bachdang.vn',
      reservedConcurrency: 'off',
      tracing: 'on',
      region: 'us-east-1',
    };
    const config = configFromContext((key) => context[key]);
    expect(config).toMatchObject({
      stage: 'prod',
      webOrigin: 'https://app.bachdang.vn',
      reservedConcurrency: undefined,
      tracing: true,
      region: 'us-east-1',
    });
    expect(stageConfig('prod').reservedConcurrency).toEqual({ ingest: 50, api: 50, plan: 1 });
    expect(() => stageConfig('dev', { webOrigin: 'https://app.bachdang.vn/path' })).toThrow(/bare origin/);
    expect(() => stageConfig('dev', { webOrigin: 'ftp://x.example' })).toThrow();
    expect(() => stageConfig('dev', { region: 'Singapore' })).toThrow();
    expect(() => stageConfig('staging')).toThrow();
  });
});
