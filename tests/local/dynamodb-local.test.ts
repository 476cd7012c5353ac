import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from '@village/local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'village-dynalite-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const clientFor = (endpoint: string) =>
  new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });

describe('startDynamoDbLocal', () => {
  it('persists tables and items under dataDir across a restart', async () => {
    const first = await startDynamoDbLocal({ dataDir, port: 0 });
    expect(first.endpoint).toBe(`http://127.0.0.1:${first.port}`);
    const client = clientFor(first.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'village',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    // createTableMs: 0 — ACTIVE at once, so callers need not poll.
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'village' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    await client.send(
      new PutItemCommand({ TableName: 'village', Item: { pk: { S: 'bin#1' }, fill: { N: '42' } } }),
    );
    client.destroy();
    await first.close();

    const second = await startDynamoDbLocal({ dataDir });
    const again = clientFor(second.endpoint);
    try {
      const { Item } = await again.send(
        new GetItemCommand({ TableName: 'village', Key: { pk: { S: 'bin#1' } } }),
      );
      expect(Item).toEqual({ pk: { S: 'bin#1' }, fill: { N: '42' } });
    } finally {
      again.destroy();
      await second.close();
    }
  });

  it('keeps data in memory only when no dataDir is given', async () => {
    const first = await startDynamoDbLocal();
    const client = clientFor(first.endpoint);
    await client.send(
      new CreateTableCommand({
        TableName: 'ephemeral',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      }),
    );
    client.destroy();
    await first.close();
    const second = await startDynamoDbLocal();
    const again = clientFor(second.endpoint);
    try {
      await expect(
        again.send(new GetItemCommand({ TableName: 'ephemeral', Key: { pk: { S: 'x' } } })),
      ).rejects.toThrow(/not found|ResourceNotFound/i);
    } finally {
      again.destroy();
      await second.close();
    }
  });
});
