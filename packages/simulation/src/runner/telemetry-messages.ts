import type { BinTelemetry, DeviceKind, MeterTelemetry, VillageDataset } from '@village/domain';
import { telemetryTopic } from '@village/domain';
import type { BinReading } from '../devices/bin-fill-model.ts';
import type { MeterReading } from '../devices/meter-load-model.ts';

export interface SimulatedDevice {
  deviceId: string;
  deviceKind: DeviceKind;
}

/** Every device that reports telemetry: one per bin and one per meter (homes, pumps, the transformer). */
export function listDevices(dataset: VillageDataset): SimulatedDevice[] {
  return [
    ...dataset.bins.map((bin) => ({ deviceId: bin.id, deviceKind: 'bin' as const })),
    ...dataset.meters.map((meter) => ({ deviceId: meter.id, deviceKind: 'meter' as const })),
  ];
}

export interface OutgoingMessage {
  deviceId: string;
  topic: string;
  payload: string;
}

/**
 * A device reports at most once per simulated instant, so `${deviceId}-${epochMs}` is unique per
 * device and stays the same if the same stretch of time is replayed: ingestion then deduplicates.
 */
function messageId(deviceId: string, epochMs: number): string {
  return `${deviceId}-${epochMs}`;
}

export function binMessage(
  villageId: string,
  reading: BinReading,
  epochMs: number,
  ts: string,
): OutgoingMessage {
  const payload: BinTelemetry = {
    messageId: messageId(reading.binId, epochMs),
    ts,
    fillPercent: reading.fillPercent,
    temperatureC: reading.temperatureC,
    batteryPercent: reading.batteryPercent,
  };
  return {
    deviceId: reading.binId,
    topic: telemetryTopic({ villageId, deviceKind: 'bin', deviceId: reading.binId }),
    payload: JSON.stringify(payload),
  };
}

export function meterMessage(
  villageId: string,
  reading: MeterReading,
  epochMs: number,
  ts: string,
): OutgoingMessage {
  const payload: MeterTelemetry = {
    messageId: messageId(reading.meterId, epochMs),
    ts,
    kwhTotal: reading.kwhTotal,
    kw: reading.kw,
    voltageV: reading.voltageV,
  };
  return {
    deviceId: reading.meterId,
    topic: telemetryTopic({ villageId, deviceKind: 'meter', deviceId: reading.meterId }),
    payload: JSON.stringify(payload),
  };
}
