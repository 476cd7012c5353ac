import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type {
  Bin,
  Depot,
  DeviceKind,
  DisposalSite,
  Household,
  Meter,
  Vehicle,
  Village,
  VillageDataset,
} from '@village/domain';
import { batchGet, batchPut, type Item, mapConcurrent, queryAll } from '../batch.ts';
import {
  type BinLatest,
  type BinState,
  deviceRef,
  type MeterLatest,
  type MeterState,
  type RegistryRepository,
} from '../ports.ts';
import { type EntityPrefix, keys } from '../table.ts';
import { queryLatestReading } from './latest-reading.ts';

const LATEST_QUERY_CONCURRENCY = 32;

const prefixOfKind: Record<DeviceKind, EntityPrefix> = { bin: 'BIN', meter: 'MTR' };

export function createRegistryRepository(client: DynamoDBDocumentClient, table: string): RegistryRepository {
  const entityItem = (villageId: string, prefix: EntityPrefix, id: string, data: unknown): Item => ({
    ...keys.entity(villageId, prefix, id),
    type: prefix,
    data,
  });

  async function listEntities<T>(villageId: string, prefix: EntityPrefix): Promise<T[]> {
    const items = await queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.village(villageId).pk, ':prefix': keys.entityPrefix(prefix) },
    });
    return items.map((item) => item.data as T);
  }

  async function getEntity<T>(villageId: string, prefix: EntityPrefix, id: string): Promise<T | undefined> {
    const out = await client.send(
      new GetCommand({ TableName: table, Key: keys.entity(villageId, prefix, id) }),
    );
    return out.Item?.data as T | undefined;
  }

  const latestOf = (kind: DeviceKind, id: string) => queryLatestReading(client, table, kind, id);

  /** Entities with their latest reading; the per-device queries run in parallel, bounded. */
  async function withLatestAll<E extends { id: string }, S extends { latest?: unknown }>(
    entities: E[],
    kind: DeviceKind,
    toLatest: (reading: Item) => S['latest'],
  ): Promise<S[]> {
    return mapConcurrent(entities, LATEST_QUERY_CONCURRENCY, async (entity) =>
      withLatest<S>(entity as unknown as Omit<S, 'latest'>, await latestOf(kind, entity.id), toLatest),
    );
  }

  return {
    async putDataset(dataset: VillageDataset) {
      const v = dataset.village.id;
      await batchPut(client, table, [
        { ...keys.village(v), type: 'VILLAGE', data: dataset.village },
        ...dataset.bins.map((b) => entityItem(v, 'BIN', b.id, b)),
        ...dataset.meters.map((m) => entityItem(v, 'MTR', m.id, m)),
        ...dataset.households.map((h) => entityItem(v, 'HH', h.id, h)),
        ...dataset.vehicles.map((x) => entityItem(v, 'VEH', x.id, x)),
        ...dataset.depots.map((x) => entityItem(v, 'DEPOT', x.id, x)),
        ...dataset.disposalSites.map((x) => entityItem(v, 'DISP', x.id, x)),
      ]);
    },

    async getVillage(villageId) {
      const out = await client.send(new GetCommand({ TableName: table, Key: keys.village(villageId) }));
      return out.Item?.data as Village | undefined;
    },

    async getDataset(villageId) {
      const out = await client.send(new GetCommand({ TableName: table, Key: keys.village(villageId) }));
      const village = out.Item?.data as Village | undefined;
      if (!village) return undefined;
      const [bins, meters, households, vehicles, depots, disposalSites] = await Promise.all([
        listEntities<Bin>(villageId, 'BIN'),
        listEntities<Meter>(villageId, 'MTR'),
        listEntities<Household>(villageId, 'HH'),
        listEntities<Vehicle>(villageId, 'VEH'),
        listEntities<Depot>(villageId, 'DEPOT'),
        listEntities<DisposalSite>(villageId, 'DISP'),
      ]);
      return { village, bins, meters, households, vehicles, depots, disposalSites };
    },

    async listBins(villageId) {
      return withLatestAll<Bin, BinState>(await listEntities<Bin>(villageId, 'BIN'), 'bin', toBinLatest);
    },

    async getBin(villageId, binId) {
      const [bin, state] = await Promise.all([
        getEntity<Bin>(villageId, 'BIN', binId),
        latestOf('bin', binId),
      ]);
      return bin ? withLatest<BinState>(bin, state, toBinLatest) : undefined;
    },

    async listMeters(villageId) {
      return withLatestAll<Meter, MeterState>(
        await listEntities<Meter>(villageId, 'MTR'),
        'meter',
        toMeterLatest,
      );
    },

    async getMeter(villageId, meterId) {
      const [meter, state] = await Promise.all([
        getEntity<Meter>(villageId, 'MTR', meterId),
        latestOf('meter', meterId),
      ]);
      return meter ? withLatest<MeterState>(meter, state, toMeterLatest) : undefined;
    },

    listHouseholds: (villageId) => listEntities<Household>(villageId, 'HH'),
    getHousehold: (villageId, householdId) => getEntity<Household>(villageId, 'HH', householdId),
    listVehicles: (villageId) => listEntities<Vehicle>(villageId, 'VEH'),

    async findDevices(villageId, devices) {
      const found = await batchGet(
        client,
        table,
        devices.map((d) => keys.entity(villageId, prefixOfKind[d.deviceKind], d.deviceId)),
      );
      const refs = new Set<string>();
      for (const item of found) {
        const prefix = item.type as EntityPrefix;
        const kind = prefix === 'BIN' ? 'bin' : prefix === 'MTR' ? 'meter' : undefined;
        if (kind) refs.add(deviceRef(kind, (item.data as { id: string }).id));
      }
      return refs;
    },
  };
}

function withLatest<S extends { latest?: unknown }>(
  entity: Omit<S, 'latest'>,
  reading: Item | undefined,
  toLatest: (reading: Item) => S['latest'],
): S {
  return (reading ? { ...entity, latest: toLatest(reading) } : { ...entity }) as S;
}

function toBinLatest(state: Item): BinLatest {
  return {
    fillPercent: state.fillPercent as number,
    measuredAt: state.measuredAt as string,
    ...(state.temperatureC !== undefined ? { temperatureC: state.temperatureC as number } : {}),
    ...(state.batteryPercent !== undefined ? { batteryPercent: state.batteryPercent as number } : {}),
  };
}

function toMeterLatest(state: Item): MeterLatest {
  return {
    kwhTotal: state.kwhTotal as number,
    measuredAt: state.measuredAt as string,
    ...(state.kw !== undefined ? { kw: state.kw as number } : {}),
    ...(state.voltageV !== undefined ? { voltageV: state.voltageV as number } : {}),
  };
}
