import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@village/domain';
import { batchPut, type Item, queryAll } from '../batch.ts';
import { assertItemFits } from '../item-size.ts';
import type { PlanKind, PlanLookup, PlanRef } from '../planning-ports.ts';
import { keys } from '../table.ts';

/** One part of a plan (a vehicle route, a household's loads), stored as its own item. */
export interface PlanPart {
  partId: string;
  data: unknown;
}

export interface PlanToStore {
  kind: PlanKind;
  villageId: string;
  planId: string;
  date: string;
  createdAt: string;
  /** The plan without its parts; stored with `sequence` added. */
  summary: Record<string, unknown>;
  parts: readonly PlanPart[];
}

function toRef(item: Item): PlanRef {
  return {
    kind: item.kind as PlanKind,
    planId: item.planId as string,
    date: item.date as string,
    createdAt: item.createdAt as string,
    sequence: item.sequence as number,
  };
}

/**
 * Summaries and parts hold their document as one JSON string attribute: they are read whole and
 * never filtered on, and a household's 2 × 96 kW values as one string cost dynalite and the SDK a
 * fraction of ~200 separately typed numbers (measured: a 1,500-household write several times faster).
 */
export const planData = (item: Item): unknown => JSON.parse(item.json as string);

const duplicatePlan = (kind: PlanKind, planId: string) =>
  new DomainError('CONFLICT', `A ${kind} plan "${planId}" is already stored; a new plan needs a new planId`, [
    { field: 'planId', message: 'already stored' },
  ]);

/**
 * Plans without transactions (dynalite has none). A plan is written in this order:
 * 1. the date's sequence number (atomic counter) — a crash here only leaves a gap;
 * 2. the parts (BatchWriteItem) — unreachable until a summary names the plan;
 * 3. the summary in the plan's own partition — from now on readable by id;
 * 4. the index entry `{date}#{sequence}` — from now on the latest plan of its date.
 * Readers reach parts only through a summary or an index entry, so they never see half a plan.
 */
export function createPlanIndex(client: DynamoDBDocumentClient, table: string) {
  async function nextSequence(villageId: string, kind: PlanKind, date: string): Promise<number> {
    const out = await client.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.planSequence(villageId, kind, date),
        UpdateExpression: 'ADD #seq :one',
        ExpressionAttributeNames: { '#seq': 'sequence' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return out.Attributes?.sequence as number;
  }

  async function store(plan: PlanToStore): Promise<PlanRef> {
    const { kind, villageId, planId, date, createdAt } = plan;
    // A stored plan is never rewritten: its parts would change under readers of the old plan.
    if (await getSummaryItem(villageId, kind, planId)) throw duplicatePlan(kind, planId);
    const sequence = await nextSequence(villageId, kind, date);
    const ref: PlanRef = { kind, planId, date, createdAt, sequence };
    const pk = keys.planPartition(villageId, kind, planId);

    const parts = plan.parts.map((part) => {
      const item = {
        pk,
        sk: keys.planPartSortKey(kind, part.partId),
        type: 'PLAN_PART',
        json: JSON.stringify(part.data),
      };
      assertItemFits(item, `${kind} plan ${planId} part ${part.partId}`);
      return item;
    });
    await batchPut(client, table, parts);

    const summary = {
      pk,
      sk: keys.planSummarySortKey,
      type: 'PLAN_SUMMARY',
      ...ref,
      partIds: plan.parts.map((p) => p.partId),
      json: JSON.stringify({ ...plan.summary, sequence }),
    };
    assertItemFits(summary, `${kind} plan ${planId} summary`);
    try {
      await client.send(
        new PutCommand({ TableName: table, Item: summary, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw duplicatePlan(kind, planId);
      throw error;
    }

    await client.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: keys.planIndexPartition(villageId, kind),
          sk: keys.planIndexSortKey(date, sequence),
          type: 'PLAN_INDEX',
          villageId,
          ...ref,
        },
      }),
    );
    return ref;
  }

  async function listVersions(villageId: string, kind: PlanKind, date?: string, limit?: number) {
    const items = await queryAll(
      client,
      {
        TableName: table,
        KeyConditionExpression: date === undefined ? 'pk = :pk' : 'pk = :pk AND begins_with(sk, :date)',
        ExpressionAttributeValues: {
          ':pk': keys.planIndexPartition(villageId, kind),
          ...(date === undefined ? {} : { ':date': `${date}#` }),
        },
        ScanIndexForward: false,
        ConsistentRead: true,
      },
      limit,
    );
    return items.map(toRef);
  }

  /**
   * The latest plan of each date from `fromDate` to `toDate` (inclusive), oldest date first: one Query
   * over the index partition's `{date}#{sequence}` keys, every page of it, newest first within a date.
   */
  async function latestPerDate(villageId: string, kind: PlanKind, fromDate: string, toDate: string) {
    if (fromDate > toDate) return [];
    const items = await queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': keys.planIndexPartition(villageId, kind),
        ':from': `${fromDate}#`,
        // '~' sorts after every digit: the last date's every sequence.
        ':to': `${toDate}#~`,
      },
      ScanIndexForward: false,
      ConsistentRead: true,
    });
    const latest = new Map<string, PlanRef>();
    for (const ref of items.map(toRef)) {
      const known = latest.get(ref.date);
      if (!known || ref.sequence > known.sequence) latest.set(ref.date, ref);
    }
    return [...latest.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  async function getSummaryItem(
    villageId: string,
    kind: PlanKind,
    planId: string,
  ): Promise<Item | undefined> {
    const out = await client.send(
      new GetCommand({
        TableName: table,
        Key: { pk: keys.planPartition(villageId, kind, planId), sk: keys.planSummarySortKey },
        ConsistentRead: true,
      }),
    );
    return out.Item;
  }

  async function find(villageId: string, kind: PlanKind, lookup: PlanLookup): Promise<PlanRef | undefined> {
    if (lookup.by === 'id') {
      const item = await getSummaryItem(villageId, kind, lookup.planId);
      return item ? toRef(item) : undefined;
    }
    const [latest] = await listVersions(villageId, kind, lookup.by === 'date' ? lookup.date : undefined, 1);
    return latest;
  }

  /** Summary and parts of a plan in one Query (they share the partition); undefined without a summary. */
  async function readWhole(villageId: string, kind: PlanKind, planId: string) {
    const items = await queryAll(client, {
      TableName: table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.planPartition(villageId, kind, planId) },
      ConsistentRead: true,
    });
    const summary = items.find((i) => i.sk === keys.planSummarySortKey);
    if (!summary) return undefined;
    const parts = new Map(items.filter((i) => i !== summary).map((i) => [i.sk as string, planData(i)]));
    // Parts come back in the plan's own order, not in key order.
    const ordered = (summary.partIds as string[]).flatMap((partId) => {
      const data = parts.get(keys.planPartSortKey(kind, partId));
      return data === undefined ? [] : [data];
    });
    return { summary: planData(summary) as Record<string, unknown>, parts: ordered };
  }

  return { store, listVersions, latestPerDate, find, getSummaryItem, readWhole };
}

export type PlanIndex = ReturnType<typeof createPlanIndex>;
