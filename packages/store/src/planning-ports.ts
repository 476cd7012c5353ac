import type {
  EnergyPlan,
  HouseholdEnergyPlan,
  IsoDate,
  IsoDateTime,
  OperatorSettings,
  RouteStop,
  StopReport,
  VehicleRoute,
  WastePlan,
} from '@village/domain';
import type { WriteStatus } from './ports.ts';

/** The store's contract for the planning loop: plans, operator settings, crew reports. */

export type PlanKind = 'waste' | 'energy';

/** Which stored plan to read: the newest of any date, the newest of one date, or one plan by id. */
export type PlanLookup = { by: 'latest' } | { by: 'date'; date: IsoDate } | { by: 'id'; planId: string };

/** Where a stored plan sits among the plans of its date: a higher `sequence` was stored later. */
export interface PlanRef {
  kind: PlanKind;
  planId: string;
  date: IsoDate;
  createdAt: IsoDateTime;
  sequence: number;
}

/** A waste plan without its routes; `vehicleIds` lists the routes in the plan's order. */
export type WastePlanSummary = Omit<WastePlan, 'routes'> & { sequence: number; vehicleIds: string[] };

/** An energy plan without its households, plus the village totals computed when it was stored. */
export type EnergyPlanSummary = Omit<EnergyPlan, 'households'> & {
  sequence: number;
  householdCount: number;
  /** Sum of the households' `expectedCostVnd`. */
  totalExpectedCostVnd: number;
  /** Sum of the households' `unmanagedCostVnd` (every load running as soon as its window opens). */
  totalUnmanagedCostVnd: number;
};

/** A crew report as stored: the report, the plan date it belongs to, when the service received it. */
export interface StoredStopReport extends StopReport {
  date: IsoDate;
  receivedAt: IsoDateTime;
}

/** A planned stop with the crew's latest report for it merged in (status from the report). */
export interface ReportedRouteStop extends RouteStop {
  report?: StoredStopReport;
}

export interface ReportedVehicleRoute extends Omit<VehicleRoute, 'stops'> {
  stops: ReportedRouteStop[];
}

export interface ReportedWastePlan extends Omit<WastePlan, 'routes'> {
  sequence: number;
  routes: ReportedVehicleRoute[];
}

export interface PlansRepository {
  /**
   * Stores a plan as a summary item plus one item per vehicle route, parts first and summary last;
   * it becomes the latest plan of its date. Storing another plan for the same date keeps this one
   * readable by id. A stored plan is immutable: a `planId` already stored is a CONFLICT.
   */
  putWastePlan(plan: WastePlan): Promise<PlanRef>;
  /** As `putWastePlan`, with one item per household (a village-size plan exceeds one 400 KB item). */
  putEnergyPlan(plan: EnergyPlan): Promise<PlanRef>;
  /** Which plan a lookup resolves to; only plans whose summary was written are found. */
  findPlan(villageId: string, kind: PlanKind, lookup: PlanLookup): Promise<PlanRef | undefined>;
  /** Every stored plan of a date, newest first. */
  listPlanVersions(villageId: string, kind: PlanKind, date: IsoDate): Promise<PlanRef[]>;
  /** The whole plan; stop statuses reflect the crews' reports for the plan's date. */
  getWastePlan(villageId: string, lookup: PlanLookup): Promise<ReportedWastePlan | undefined>;
  /** One vehicle's route with reports merged; `route` is absent when the plan has no route for it. */
  getVehicleRoute(
    villageId: string,
    lookup: PlanLookup,
    vehicleId: string,
  ): Promise<{ plan: WastePlanSummary; route?: ReportedVehicleRoute } | undefined>;
  getEnergyPlanSummary(villageId: string, lookup: PlanLookup): Promise<EnergyPlanSummary | undefined>;
  /** The whole plan, every household (reads one item per household). */
  getEnergyPlan(villageId: string, lookup: PlanLookup): Promise<EnergyPlan | undefined>;
  /**
   * The latest plan of each date from `fromDate` to `toDate` (inclusive), whole (every household),
   * oldest date first; dates without a plan are left out. What the meters saw on past days (the
   * energy planner's `plannedHistory`).
   */
  listLatestEnergyPlans(
    villageId: string,
    range: { fromDate: IsoDate; toDate: IsoDate },
  ): Promise<EnergyPlan[]>;
  /** One household's part; `household` is absent when the plan has none for it. */
  getHouseholdPlan(
    villageId: string,
    lookup: PlanLookup,
    householdId: string,
  ): Promise<{ plan: EnergyPlanSummary; household?: HouseholdEnergyPlan } | undefined>;
}

/** Who made a change: the authenticated principal's subject and role. */
export interface Actor {
  subject: string;
  role: string;
}

export type SettingValue = string | number | boolean | null;

/** One changed leaf, by dotted path (`vehicles.truck-1.shiftStart`); null means absent. */
export interface FieldChange {
  field: string;
  from: SettingValue;
  to: SettingValue;
}

/** One audit-log entry: the change that produced `version`. */
export interface SettingsChange {
  version: number;
  changedAt: IsoDateTime;
  changedBy: Actor;
  changes: FieldChange[];
}

/** The current settings; version 0 (defaults, never saved) until the first change. */
export interface SettingsRecord {
  settings: OperatorSettings;
  version: number;
  updatedAt: IsoDateTime | null;
  updatedBy: Actor | null;
}

export interface SettingsUpdate {
  /** The version the caller read; a different stored version is a `SettingsConflictError`. */
  expectedVersion: number;
  changedBy: Actor;
  changedAt: IsoDateTime;
}

export interface SettingsRepository {
  getSettings(villageId: string): Promise<SettingsRecord>;
  /**
   * Replaces the settings if the stored version is still `expectedVersion` (conditional put) and
   * records the field-level change in the audit log. Settings equal to the stored ones change
   * nothing: same version, `change` null.
   */
  putSettings(
    villageId: string,
    settings: OperatorSettings,
    update: SettingsUpdate,
  ): Promise<{ record: SettingsRecord; change: SettingsChange | null }>;
  /** Audit log, newest first. */
  listSettingsAudit(villageId: string, limit?: number): Promise<SettingsChange[]>;
}

export interface StopReportsRepository {
  /**
   * Records a crew report once per `reportId` and plan date: a redelivery answers `duplicate` with
   * the report first stored. A collected bin's last collection time moves forward (never back).
   */
  recordStopReport(
    villageId: string,
    date: IsoDate,
    report: StopReport,
    receivedAt: IsoDateTime,
  ): Promise<{ status: WriteStatus; report: StoredStopReport }>;
  getStopReport(villageId: string, date: IsoDate, reportId: string): Promise<StoredStopReport | undefined>;
  /** The date's reports, oldest `reportedAt` first. */
  listStopReports(villageId: string, date: IsoDate): Promise<StoredStopReport[]>;
  /** binId → epoch ms of its latest collection reported by a crew (for the fill forecaster). */
  lastCollectedAt(villageId: string): Promise<Map<string, number>>;
}
