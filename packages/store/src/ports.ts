import type {
  Bin,
  BinTelemetry,
  DeviceKind,
  FieldIssue,
  Household,
  Meter,
  MeterTelemetry,
  Vehicle,
  Village,
  VillageDataset,
} from '@village/domain';
import type { PlansRepository, SettingsRepository, StopReportsRepository } from './planning-ports.ts';

/** The public contract of the store: what callers may ask of the data layer, independent of DynamoDB. */

export interface BinLatest {
  fillPercent: number;
  measuredAt: string;
  temperatureC?: number;
  batteryPercent?: number;
}

export interface MeterLatest {
  kwhTotal: number;
  measuredAt: string;
  kw?: number;
  voltageV?: number;
}

export interface BinState extends Bin {
  latest?: BinLatest;
}

export interface MeterState extends Meter {
  latest?: MeterLatest;
}

/** One validated message, ready to store. `measuredAtMs` is `ts` as epoch milliseconds. */
export type ValidReading =
  | {
      deviceKind: 'bin';
      villageId: string;
      deviceId: string;
      receivedAt: string;
      measuredAtMs: number;
      message: BinTelemetry;
    }
  | {
      deviceKind: 'meter';
      villageId: string;
      deviceId: string;
      receivedAt: string;
      measuredAtMs: number;
      message: MeterTelemetry;
    };

export type WriteStatus = 'stored' | 'duplicate';

export interface StoredBinReading {
  messageId: string;
  measuredAt: string;
  fillPercent: number;
  temperatureC?: number;
  batteryPercent?: number;
}

export interface StoredMeterReading {
  messageId: string;
  measuredAt: string;
  kwhTotal: number;
  kw?: number;
  voltageV?: number;
}

export interface TimeRange {
  fromMs: number;
  toMs: number;
}

export interface RejectedMessage {
  /** Stable id derived from topic + payload, so a redelivered bad message is recorded once. */
  id: string;
  villageId: string | null;
  deviceKind: DeviceKind | null;
  deviceId: string | null;
  topic: string;
  payload: string;
  reason: string;
  issues: FieldIssue[];
  receivedAt: string;
}

export interface RegistryRepository {
  /** Writes (or overwrites) a village's static data; device latest-state is preserved. */
  putDataset(dataset: VillageDataset): Promise<void>;
  getVillage(villageId: string): Promise<Village | undefined>;
  /** The village's static data as stored by `putDataset` (no device state): what the planners plan on. */
  getDataset(villageId: string): Promise<VillageDataset | undefined>;
  listBins(villageId: string): Promise<BinState[]>;
  getBin(villageId: string, binId: string): Promise<BinState | undefined>;
  listMeters(villageId: string): Promise<MeterState[]>;
  getMeter(villageId: string, meterId: string): Promise<MeterState | undefined>;
  listHouseholds(villageId: string): Promise<Household[]>;
  getHousehold(villageId: string, householdId: string): Promise<Household | undefined>;
  listVehicles(villageId: string): Promise<Vehicle[]>;
  /**
   * Which of these devices are registered (for ingestion): one round trip per 100 keys.
   * The set holds `deviceRef(kind, id)` strings.
   */
  findDevices(
    villageId: string,
    devices: ReadonlyArray<{ deviceKind: DeviceKind; deviceId: string }>,
  ): Promise<Set<string>>;
}

export interface ReadingsRepository {
  /**
   * Stores readings idempotently: a `messageId` already stored for the device is reported as
   * `duplicate` and not written again. A device's latest state is its newest reading by measurement
   * time, so out-of-order delivery never moves it backwards. Returns one status per input, in order.
   */
  writeReadings(readings: readonly ValidReading[]): Promise<WriteStatus[]>;
  /** Readings in time order (ascending), `fromMs <= t < toMs`. */
  listBinReadings(binId: string, range: TimeRange, limit?: number): Promise<StoredBinReading[]>;
  listMeterReadings(meterId: string, range: TimeRange, limit?: number): Promise<StoredMeterReading[]>;
}

export interface RejectionsRepository {
  /** Records each rejection once (keyed by its stable id). */
  recordRejections(rejections: readonly RejectedMessage[]): Promise<void>;
  /** Newest first. `villageId` null lists messages whose topic named no valid village. */
  listRejections(villageId: string | null, limit?: number): Promise<RejectedMessage[]>;
}

/** The string that `findDevices` returns for a device. */
export function deviceRef(deviceKind: DeviceKind, deviceId: string): string {
  return `${deviceKind}#${deviceId}`;
}

export interface Store {
  registry: RegistryRepository;
  readings: ReadingsRepository;
  rejections: RejectionsRepository;
  plans: PlansRepository;
  settings: SettingsRepository;
  stopReports: StopReportsRepository;
}
