import {
  type Clock,
  DomainError,
  type EnergyPlan,
  minutesOfDay,
  type OperatorSettings,
  type TariffBook,
  toZonedIso,
  type VillageDataset,
  type WastePlan,
  zonedDate,
} from '@village/domain';
import { planEnergyDay } from '../daily/plan-energy-day.ts';
import { planWasteDay } from '../daily/plan-waste-day.ts';
import { addDays } from '../energy/calendar.ts';
import type { MeterSample } from '../energy/forecast/meter-days.ts';
import { planDatesCovering, plannedHistoryFromPlans } from '../energy/forecast/planned-history.ts';
import { residentialBill } from '../energy/tariff/residential-bill.ts';
import { tariffOn } from '../energy/tariff/tariff-on.ts';
import type { FillReading } from '../waste/forecast-types.ts';
import type { PlanningData } from './planning-data.ts';

const DAY_MS = 86_400_000;
/** The energy plans' slot length (`planEnergyDay`'s default). */
const SLOT_MINUTES = 15;

export interface PlannerOptions {
  data: PlanningData;
  clock: Clock;
  tariffBook: TariffBook;
  /** Days of bin history the forecaster reads (default 21). */
  wasteHistoryDays?: number;
  /** Days of meter history for the base-load forecast (default 14). */
  energyHistoryDays?: number;
  wasteTimeLimitMs?: number;
  energyTimeLimitMs?: number;
  /** Makes plan ids; a fresh one per call (stored plans are immutable). */
  newId?: () => string;
}

export interface PlanRequestBase {
  villageId: string;
  date: string;
}

export interface WasteRequest extends PlanRequestBase {
  replan?: { basePlanId: string; unavailableVehicleIds: string[]; keepCommittedStops?: number };
}

export interface BillRequest {
  villageId: string;
  householdId: string;
  monthKwh: number;
}

/**
 * The planning service behind the API and the scheduled functions: reads what a day's decision needs
 * (the village's static data, telemetry, the operator's settings, the crews' reports), calls the same
 * pure daily decisions the month simulation uses, and returns the plan for the caller to store.
 */
export function createPlanner(options: PlannerOptions) {
  const { data, clock } = options;
  const newId =
    options.newId ?? (() => `${clock.nowMs().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);

  async function datasetOf(villageId: string): Promise<VillageDataset> {
    const dataset = await data.registry.getDataset(villageId);
    if (!dataset) throw new DomainError('NOT_FOUND', `village "${villageId}" has no registered data`);
    return dataset;
  }

  return {
    async planWaste(request: WasteRequest): Promise<WastePlan> {
      const [dataset, { settings }, lastCollected] = await Promise.all([
        datasetOf(request.villageId),
        data.settings.getSettings(request.villageId),
        data.stopReports.lastCollectedAt(request.villageId),
      ]);
      const nowMs = clock.nowMs();
      const historyMs = (options.wasteHistoryDays ?? 21) * DAY_MS;
      const readings = new Map<string, FillReading[]>();
      await Promise.all(
        dataset.bins.map(async (bin) => {
          const rows = await data.readings.listBinReadings(bin.id, {
            fromMs: nowMs - historyMs,
            toMs: nowMs + 1,
          });
          readings.set(
            bin.id,
            rows.map((r) => ({ atMs: Date.parse(r.measuredAt), fillPercent: r.fillPercent })),
          );
        }),
      );
      const unavailable = [
        ...Object.entries(settings.vehicles)
          .filter(([, v]) => !v.available)
          .map(([id]) => id),
        ...(request.replan?.unavailableVehicleIds ?? []),
      ];
      const { plan } = planWasteDay({
        dataset: withSettings(dataset, settings),
        date: request.date,
        nowMs,
        readings,
        collectedAtMs: new Map([...lastCollected].map(([binId, ms]) => [binId, [ms]])),
        settings: {
          thresholdPercent: settings.thresholdPercent,
          nearlyEmptyPercent: settings.nearlyEmptyPercent,
          scheduleFallbackDays: settings.scheduleFallbackDays,
          truckLoadMarginPercent: settings.truckLoadMarginPercent,
          unavailableVehicleIds: unavailable,
        },
        timeLimitMs: options.wasteTimeLimitMs ?? 2_000,
        planId: newId(),
        createdAt: toZonedIso(nowMs),
      });
      if (plan.routes.length === 0 && dataset.vehicles.every((v) => unavailable.includes(v.id))) {
        throw new DomainError('INFEASIBLE', 'no vehicle is available to collect', [
          { field: 'replan.unavailableVehicleIds', message: 'every vehicle is out of service' },
        ]);
      }
      return plan;
    },

    async planEnergy(request: PlanRequestBase): Promise<EnergyPlan> {
      const historyDays = options.energyHistoryDays ?? 14;
      const historyDates = Array.from({ length: historyDays }, (_, d) =>
        addDays(request.date, d - historyDays),
      );
      const planDates = planDatesCovering(historyDates);
      const [dataset, { settings }, pastPlans] = await Promise.all([
        datasetOf(request.villageId),
        data.settings.getSettings(request.villageId),
        planDates ? data.plans.listLatestEnergyPlans(request.villageId, planDates) : [],
      ]);
      const nowMs = clock.nowMs();
      const dayStartMs = Date.parse(`${request.date}T00:00:00+07:00`);
      const toMs = Math.min(nowMs + 1, dayStartMs);
      const meterHistory = new Map<string, MeterSample[]>();
      await Promise.all(
        dataset.households
          .flatMap((h) => [h.meterId])
          .concat(dataset.meters.filter((m) => m.kind === 'pump').map((m) => m.id))
          .map(async (meterId) => {
            const rows = await data.readings.listMeterReadings(meterId, {
              fromMs: dayStartMs - historyDays * DAY_MS,
              toMs,
            });
            meterHistory.set(
              meterId,
              rows.map((r) => ({
                ts: r.measuredAt,
                kwhTotal: r.kwhTotal,
                ...(r.kw !== undefined ? { kw: r.kw } : {}),
              })),
            );
          }),
      );
      const { plan } = planEnergyDay({
        dataset,
        date: request.date,
        tariffBook: options.tariffBook,
        meterHistory,
        // What the meters saw of the movable loads: the plans households followed, at will before them.
        plannedHistory: plannedHistoryFromPlans(dataset, pastPlans, historyDates, SLOT_MINUTES),
        // How its recent forecasts fared against the meters sizes the transformer reserve.
        recentPlans: pastPlans,
        slotMinutes: SLOT_MINUTES,
        ...(settings.transformerKw !== undefined ? { transformerKw: settings.transformerKw } : {}),
        transformerReservePercent: settings.transformerReservePercent,
        startMinuteOfDay: minutesOfDay(settings.energyHorizonStart),
        historyDays,
        timeLimitMs: options.energyTimeLimitMs ?? 10_000,
        planId: newId(),
        createdAt: toZonedIso(nowMs),
      });
      return plan;
    },

    async estimateBill(request: BillRequest) {
      const tariff = tariffOn(options.tariffBook, zonedDate(clock.nowMs()));
      const bill = residentialBill(tariff, request.monthKwh);
      return {
        monthKwh: request.monthKwh,
        tariffId: `${options.tariffBook.utility} ${tariff.effectiveFrom}`,
        totalExclVatVnd: bill.energyVnd,
        totalInclVatVnd: bill.totalVnd,
        lines: bill.lines.map((line) => ({
          label: `tier ${line.tier}`,
          kwh: line.kwh,
          unitPriceVnd: line.priceVndPerKwh,
          amountVnd: line.amountVnd,
        })),
      };
    },
  };
}

/** The operator's shift overrides and the longest allowed route applied to the registry's fleet. */
function withSettings(dataset: VillageDataset, settings: OperatorSettings): VillageDataset {
  return {
    ...dataset,
    vehicles: dataset.vehicles.map((vehicle) => {
      const override = settings.vehicles[vehicle.id];
      return {
        ...vehicle,
        shift: {
          start: override?.shiftStart ?? vehicle.shift.start,
          end: override?.shiftEnd ?? vehicle.shift.end,
          maxDurationMinutes: Math.min(vehicle.shift.maxDurationMinutes, settings.maxShiftMinutes),
        },
      };
    }),
  };
}

export type Planner = ReturnType<typeof createPlanner>;
