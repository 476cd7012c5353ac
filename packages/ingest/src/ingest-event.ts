import {
  issuesFromZod,
  type RawTelemetry,
  rawTelemetrySchema,
  toZonedIso,
  ValidationError,
} from '@village/domain';
import * as z from 'zod';

/**
 * The shapes that reach the ingest function:
 * - `{ records: RawTelemetry[] }` from the local broker's batcher (and direct invocations);
 * - one IoT Core rule message, selected as
 *   `SELECT encode(*, 'base64') AS payloadBase64, topic() AS topic, timestamp() AS receivedAtMs`
 *   (base64 keeps payloads that are not JSON, so they can be recorded as rejected);
 * - an SQS batch whose bodies are such rule messages.
 */
const iotRuleMessageSchema = z.object({
  topic: z.string(),
  payloadBase64: z.string(),
  receivedAtMs: z.number(),
});

const ingestEventSchema = z.union([
  z.object({ records: z.array(rawTelemetrySchema) }),
  iotRuleMessageSchema,
  z.object({ Records: z.array(z.object({ body: z.string() })) }),
]);

function fromIotRule(message: z.infer<typeof iotRuleMessageSchema>): RawTelemetry {
  return {
    topic: message.topic,
    payload: Buffer.from(message.payloadBase64, 'base64').toString('utf8'),
    receivedAt: toZonedIso(message.receivedAtMs),
  };
}

/** Normalises any supported event into raw messages; a malformed envelope is a wiring bug and throws. */
export function parseIngestEvent(event: unknown): RawTelemetry[] {
  const parsed = ingestEventSchema.safeParse(event);
  if (!parsed.success) {
    throw new ValidationError('unsupported ingest event', issuesFromZod(parsed.error.issues, 'event'));
  }
  const value = parsed.data;
  if ('records' in value) return value.records;
  if ('Records' in value) {
    return value.Records.map((record, i) => {
      const body = iotRuleMessageSchema.safeParse(safeJson(record.body));
      if (!body.success) {
        throw new ValidationError(
          'unsupported SQS record',
          issuesFromZod(body.error.issues, `event.Records.${i}.body`),
        );
      }
      return fromIotRule(body.data);
    });
  }
  return [fromIotRule(value)];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
