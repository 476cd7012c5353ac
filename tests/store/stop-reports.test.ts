import type { StopReport } from '@village/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalStore, startLocalStore } from '../support/local-store.ts';
import { vehicleRoute, wastePlan } from './support/plan-builders.ts';

const V = 'report-village';
const DATE = '2026-11-30';
const RECEIVED = '2026-11-30T07:00:00+07:00';

let local: LocalStore;
beforeAll(async () => {
  local = await startLocalStore();
  await local.store.plans.putWastePlan(
    wastePlan({
      planId: 'p1',
      villageId: V,
      date: DATE,
      routes: [
        vehicleRoute('truck-1', ['b1', 'b2'], `${DATE}T06:00:00+07:00`),
        vehicleRoute('truck-2', ['b3'], `${DATE}T06:00:00+07:00`),
      ],
    }),
  );
});
afterAll(() => local.close());

const report = (over: Partial<StopReport> & Pick<StopReport, 'reportId'>): StopReport => ({
  vehicleId: 'truck-1',
  binId: 'b1',
  status: 'collected',
  reportedAt: `${DATE}T06:12:00+07:00`,
  ...over,
});

const statuses = async (planId = 'p1') => {
  const plan = await local.store.plans.getWastePlan(V, { by: 'id', planId });
  return Object.fromEntries(
    (plan?.routes ?? []).flatMap((r) =>
      r.stops.filter((s) => s.kind === 'bin').map((s) => [`${r.vehicleId}/${s.siteId}`, s.status]),
    ),
  );
};

describe('stop reports repository', () => {
  it('records a report once per reportId; a redelivery keeps the first content', async () => {
    const first = await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-1' }),
      RECEIVED,
    );
    expect(first).toEqual({
      status: 'stored',
      report: { ...report({ reportId: 'r-1' }), date: DATE, receivedAt: RECEIVED },
    });
    const again = await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-1', status: 'skipped', reason: 'blocked' }),
      '2026-11-30T07:05:00+07:00',
    );
    expect(again).toEqual({ ...first, status: 'duplicate' });
    expect(await local.store.stopReports.listStopReports(V, DATE)).toEqual([first.report]);
  });

  it('merges reports into the routes on read, per vehicle and bin', async () => {
    await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-2', binId: 'b2', status: 'skipped', reason: 'not-out' }),
      RECEIVED,
    );
    // Another vehicle's report for one of truck-1's bins does not touch truck-1's stop.
    await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-3', vehicleId: 'truck-2', binId: 'b2', status: 'collected' }),
      RECEIVED,
    );
    expect(await statuses()).toEqual({
      'truck-1/b1': 'collected',
      'truck-1/b2': 'skipped',
      'truck-2/b3': 'planned',
    });
    const route = await local.store.plans.getVehicleRoute(V, { by: 'date', date: DATE }, 'truck-1');
    expect(route?.route?.stops.find((s) => s.siteId === 'b2')?.report).toMatchObject({
      reportId: 'r-2',
      reason: 'not-out',
    });
  });

  it('the latest report by reportedAt decides, whatever the arrival order', async () => {
    // The crew came back to b2 at 09:00 and collected it; the phone delivered it before a stale one.
    await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-4', binId: 'b2', reportedAt: `${DATE}T09:00:00+07:00` }),
      RECEIVED,
    );
    await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({
        reportId: 'r-5',
        binId: 'b2',
        status: 'skipped',
        reason: 'blocked',
        reportedAt: `${DATE}T08:00:00+07:00`,
      }),
      RECEIVED,
    );
    expect((await statuses())['truck-1/b2']).toBe('collected');
  });

  it('carries reports over to a re-plan of the same date', async () => {
    await local.store.plans.putWastePlan(
      wastePlan({
        planId: 'p2',
        villageId: V,
        date: DATE,
        routes: [vehicleRoute('truck-1', ['b1', 'b2', 'b3'], `${DATE}T06:00:00+07:00`)],
      }),
    );
    expect(await statuses('p2')).toEqual({
      'truck-1/b1': 'collected',
      'truck-1/b2': 'collected',
      'truck-1/b3': 'planned',
    });
  });

  it('keeps each bin’s last collection time, moving forward only; skips do not count', async () => {
    const last = await local.store.stopReports.lastCollectedAt(V);
    expect(Object.fromEntries(last)).toEqual({
      b1: Date.parse(`${DATE}T06:12:00+07:00`),
      b2: Date.parse(`${DATE}T09:00:00+07:00`),
    });
    // A collection reported late, for an earlier time, does not move b2 back.
    await local.store.stopReports.recordStopReport(
      V,
      DATE,
      report({ reportId: 'r-6', binId: 'b2', reportedAt: `${DATE}T06:30:00+07:00` }),
      RECEIVED,
    );
    expect((await local.store.stopReports.lastCollectedAt(V)).get('b2')).toBe(
      Date.parse(`${DATE}T09:00:00+07:00`),
    );
    expect((await local.store.stopReports.lastCollectedAt('other-village')).size).toBe(0);
  });
});
