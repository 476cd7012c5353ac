import type { EnergyPlan, IsoDate, WastePlan } from '@village/domain';

/**
 * What the API needs from the planning loop (implemented in packages/planning and wired by the
 * composition: functions/, the local runtime). The planner computes and returns a plan; it does not
 * store it — the caller (this API, the scheduled function) stores it with `store.plans`. It reads
 * what else it needs (readings, registry, `store.settings`, `store.stopReports.lastCollectedAt`)
 * itself. A plan that cannot be made is a `DomainError('INFEASIBLE', …)` (→ 422).
 */
export interface PlannerPort {
  planWaste(request: WastePlanRequest): Promise<WastePlan>;
  planEnergy(request: EnergyPlanRequest): Promise<EnergyPlan>;
  /** The monthly bill of a household for a consumption, on its tariff; optional. */
  estimateBill?(request: BillEstimateRequest): Promise<BillEstimate>;
}

/** Who asked for a plan (kept for logs; the planner must not authorize with it). */
export interface PlanRequester {
  subject: string;
  role: string;
}

export interface WastePlanRequest {
  villageId: string;
  /** The village-local date to plan. */
  date: IsoDate;
  requestedBy: PlanRequester;
  /** Present when re-planning a date that already has a plan (e.g. a truck broke down). */
  replan?: WasteReplan;
}

export interface WasteReplan {
  /** The plan being replaced: its collected/skipped stops (crew reports merged) are history. */
  basePlanId: string;
  /** Vehicles out of service for the rest of the day. */
  unavailableVehicleIds: string[];
  /** How many of each vehicle's next planned stops to keep as they are (crews already on the way). */
  keepCommittedStops?: number;
}

export interface EnergyPlanRequest {
  villageId: string;
  date: IsoDate;
  requestedBy: PlanRequester;
}

export interface BillEstimateRequest {
  villageId: string;
  householdId: string;
  /** Consumption of the month, kWh. */
  monthKwh: number;
}

export interface BillEstimate {
  monthKwh: number;
  /** Which tariff version priced it (an id from the tariff data). */
  tariffId: string;
  totalExclVatVnd: number;
  totalInclVatVnd: number;
  /** One line per tier (or period) used. */
  lines: Array<{ label: string; kwh: number; unitPriceVnd: number; amountVnd: number }>;
}
