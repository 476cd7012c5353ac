import { describe, expect, it } from 'vitest';
import { buildProblem } from '../../../../packages/solver/src/routing/village/build-problem.ts';
import {
  type CollectionRequestInput,
  parseCollectionRequest,
} from '../../../../packages/solver/src/routing/village/collection-request.ts';
import { bin, compactor, may, must, request, smallTruck } from './fixtures.ts';

const build = (input: CollectionRequestInput) => buildProblem(parseCollectionRequest(input));
const reasonOf = (input: CollectionRequestInput, binId: string) =>
  build(input).rejected.find((r) => r.binId === binId);

describe('pre-checks', () => {
  it('TOO_HEAVY: a bin heavier than every vehicle that may serve it', () => {
    const input = request({
      vehicles: [compactor('VEH-01'), smallTruck('VEH-02')],
      bins: [must(bin('BIN-OK', 1)), must(bin('BIN-HUGE', 2, { capacityLitres: 9_000, fullKg: 3_600 }))],
    });
    const built = build(input);
    expect(built.clients.map((c) => c.bin.id)).toEqual(['BIN-OK']);
    expect(built.rejected).toHaveLength(1);
    expect(built.rejected[0]).toMatchObject({ binId: 'BIN-HUGE', code: 'TOO_HEAVY', mustCollect: true });
    expect(built.rejected[0]!.reason).toContain('9,000 l / 3,600 kg');
    expect(built.rejected[0]!.reason).toContain('8,000 l / 3,200 kg');
  });

  it('TOO_HEAVY counts only vehicles allowed at the bin (a lane bin vs the small truck)', () => {
    const lane = bin('BIN-LANE', 1, { capacityLitres: 2_500, fullKg: 400, accessibleBy: ['small-truck'] });
    const found = reasonOf(
      request({ vehicles: [compactor('VEH-01'), smallTruck('VEH-02')], bins: [must(lane)] }),
      'BIN-LANE',
    );
    expect(found?.code).toBe('TOO_HEAVY');
    expect(found?.reason).toContain('2,000 l / 1,000 kg');
  });

  it('NO_VEHICLE_WITH_ACCESS: a narrow-lane bin when only compactors exist', () => {
    const lane = bin('BIN-LANE', 1, { accessibleBy: ['small-truck'] });
    const found = reasonOf(
      request({ vehicles: [compactor('VEH-01')], bins: [may(lane, 50_000)] }),
      'BIN-LANE',
    );
    expect(found).toMatchObject({ code: 'NO_VEHICLE_WITH_ACCESS', mustCollect: false, valueVnd: 50_000 });
    expect(found?.reason).toBe('Only small-truck can reach this bin and the fleet has none available');
  });

  it('NO_VEHICLE_WITH_ACCESS: the vehicles that reach it do not carry its stream', () => {
    const lane = bin('BIN-LANE', 1, { accessibleBy: ['small-truck'], stream: 'organic' });
    const vehicles = [compactor('VEH-01'), smallTruck('VEH-02', { streams: ['general', 'recyclable'] })];
    const found = reasonOf(request({ vehicles, bins: [must(lane)] }), 'BIN-LANE');
    expect(found?.code).toBe('NO_VEHICLE_WITH_ACCESS');
    expect(found?.reason).toContain('collects organic waste');
  });

  it('NO_VEHICLE_WITH_ACCESS: a stream no disposal site takes cannot be carried', () => {
    const organic = bin('BIN-ORG', 1, { stream: 'organic' });
    const input = request({
      bins: [must(organic)],
      disposalSites: [{ ...request().disposalSites![0]!, acceptsStreams: ['general', 'recyclable'] }],
    });
    expect(reasonOf(input, 'BIN-ORG')?.code).toBe('NO_VEHICLE_WITH_ACCESS');
  });

  it('TIME_WINDOW_UNREACHABLE: a window that closes before any truck can get there', () => {
    // 30 km away at 20 km/h with the 1.3 detour: ~2 hours from the 05:00 start.
    const far = bin('BIN-FAR', 30, { timeWindow: { open: '05:00', close: '06:00' } });
    const found = reasonOf(request({ bins: [must(far)] }), 'BIN-FAR');
    expect(found?.code).toBe('TIME_WINDOW_UNREACHABLE');
    expect(found?.reason).toMatch(
      /^Earliest possible arrival 0[67]:\d\d is after its time window 05:00–06:00 closes$/,
    );
  });

  it('TIME_WINDOW_UNREACHABLE: reachable in its window but no time left to unload and return', () => {
    const late = bin('BIN-LATE', 2, { timeWindow: { open: '12:30', close: '13:30' } });
    const found = reasonOf(request({ bins: [must(late)] }), 'BIN-LATE');
    expect(found?.code).toBe('TIME_WINDOW_UNREACHABLE');
    expect(found?.reason).toContain('unload and return to the depot within its shift');
    // The small truck's shift runs until 13:30, so with it the bin is feasible.
    const withSmall = build(
      request({ vehicles: [compactor('VEH-01'), smallTruck('VEH-02')], bins: [must(late)] }),
    );
    expect(withSmall.rejected).toEqual([]);
  });

  it('keeps bins every check passes', () => {
    expect(build(request()).rejected).toEqual([]);
  });
});
