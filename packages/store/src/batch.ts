import {
  BatchGetCommand,
  BatchWriteCommand,
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';

export type Item = Record<string, unknown>;
export interface Key {
  pk: string;
  sk: string;
}

const BATCH_GET_LIMIT = 100;
const BATCH_WRITE_LIMIT = 25;
const MAX_UNPROCESSED_ROUNDS = 8;

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

const backoff = (round: number) => new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** round)));

/** Strongly consistent batch read; returns the found items (order not guaranteed). */
export async function batchGet(
  client: DynamoDBDocumentClient,
  table: string,
  keys: readonly Key[],
): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const results = await Promise.all(
    chunk(unique, BATCH_GET_LIMIT).map(async (part) => {
      const found: Item[] = [];
      let request: Record<string, { Keys: Key[]; ConsistentRead: boolean }> | undefined = {
        [table]: { Keys: part, ConsistentRead: true },
      };
      for (let round = 0; request; round++) {
        if (round > MAX_UNPROCESSED_ROUNDS) throw new Error('BatchGetItem: unprocessed keys after retries');
        if (round > 0) await backoff(round);
        const out = await client.send(new BatchGetCommand({ RequestItems: request }));
        found.push(...((out.Responses?.[table] as Item[] | undefined) ?? []));
        const left = out.UnprocessedKeys?.[table]?.Keys as Key[] | undefined;
        request = left && left.length > 0 ? { [table]: { Keys: left, ConsistentRead: true } } : undefined;
      }
      return found;
    }),
  );
  return results.flat();
}

/** Unconditional batch put; retries unprocessed items so the call either stores all or throws. */
export async function batchPut(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Item[],
): Promise<void> {
  await Promise.all(
    chunk(items, BATCH_WRITE_LIMIT).map(async (part) => {
      let pending = part.map((Item) => ({ PutRequest: { Item } }));
      for (let round = 0; pending.length > 0; round++) {
        if (round > MAX_UNPROCESSED_ROUNDS)
          throw new Error('BatchWriteItem: unprocessed items after retries');
        if (round > 0) await backoff(round);
        const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] as typeof pending | undefined) ?? [];
      }
    }),
  );
}

/** Follows pagination until `limit` items (or all of them) are read. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
  limit = Number.POSITIVE_INFINITY,
): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const remaining = limit - items.length;
    const out = await client.send(
      new QueryCommand({
        ...input,
        ExclusiveStartKey,
        ...(Number.isFinite(remaining) ? { Limit: Math.min(remaining, 1000) } : {}),
      }),
    );
    items.push(...((out.Items as Item[] | undefined) ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey && items.length < limit);
  return items;
}

/** Runs async tasks with bounded concurrency, preserving result order. */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i] as T);
  });
  await Promise.all(workers);
  return results;
}
