import { createRoute } from '@hono/zod-openapi';
import { DomainError, type FieldIssue, ValidationError } from '@village/domain';
import { type SettingsChange, SettingsConflictError, type SettingsRecord } from '@village/store';
import type { RouteContext } from '../app-env.ts';
import { accessPolicy } from '../auth/access-policy.ts';
import { principalOf } from '../auth/middleware.ts';
import { authErrorResponses, commonErrorResponses, conflictResponse } from '../schemas/error-body.ts';
import {
  putSettingsBodySchema,
  putSettingsHeadersSchema,
  putSettingsResponseSchema,
  settingsAuditQuerySchema,
  settingsAuditResponseSchema,
  settingsResponseSchema,
} from '../schemas/settings.ts';
import { zonedFromIso, zonedFromMs } from '../zoned-time.ts';

const json = <S>(schema: S) => ({ 'application/json': { schema } });

const etag = (version: number) => `"${version}"`;

const toRecordView = (record: SettingsRecord) => ({
  version: record.version,
  settings: record.settings,
  updatedAt: record.updatedAt === null ? null : zonedFromIso(record.updatedAt),
  updatedBy: record.updatedBy,
});

const toChangeView = (change: SettingsChange) => ({ ...change, changedAt: zonedFromIso(change.changedAt) });

const invalid = (field: string, message: string) =>
  new ValidationError('Request validation failed', [{ field, message }]);

/** The version the caller read, from `If-Match: "3"` (weak tags accepted) or `body.version`. */
function expectedVersionOf(ifMatch: string | undefined, bodyVersion: number | undefined) {
  let headerVersion: number | undefined;
  if (ifMatch !== undefined) {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!match?.[1]) throw invalid('header.if-match', 'must be the version you read, e.g. "3"');
    headerVersion = Number(match[1]);
  }
  if (headerVersion !== undefined && bodyVersion !== undefined && headerVersion !== bodyVersion) {
    throw invalid('header.if-match', `disagrees with body.version (${bodyVersion})`);
  }
  const version = headerVersion ?? bodyVersion;
  if (version === undefined) {
    throw invalid('body.version', 'required: the version you read (or send it as If-Match)');
  }
  return { version, field: headerVersion !== undefined ? 'header.if-match' : 'body.version' };
}

export function registerSettingsRoutes({ app, deps, guard }: RouteContext): void {
  const { store, villageId, clock } = deps;

  const get = createRoute({
    ...guard(accessPolicy.getSettings),
    tags: ['settings'],
    summary: 'Operator settings with their version (also the ETag)',
    responses: {
      200: { description: 'The settings', content: json(settingsResponseSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
    },
  });
  app.openapi(get, async (c) => {
    const record = await store.settings.getSettings(villageId);
    c.header('ETag', etag(record.version));
    return c.json(toRecordView(record), 200);
  });

  const put = createRoute({
    ...guard(accessPolicy.putSettings),
    tags: ['settings'],
    summary: 'Replace the operator settings if still at the version read; the change is audited',
    request: {
      headers: putSettingsHeadersSchema,
      body: { content: json(putSettingsBodySchema), required: true },
    },
    responses: {
      200: { description: 'The saved settings and what changed', content: json(putSettingsResponseSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
      ...conflictResponse,
    },
  });
  app.openapi(put, async (c) => {
    const { settings, version: bodyVersion } = c.req.valid('json');
    const expected = expectedVersionOf(c.req.valid('header')['if-match'], bodyVersion);
    const known = new Set((await store.registry.listVehicles(villageId)).map((v) => v.id));
    const unknown: FieldIssue[] = Object.keys(settings.vehicles)
      .filter((id) => !known.has(id))
      .map((id) => ({ field: `body.settings.vehicles.${id}`, message: 'unknown vehicle' }));
    if (unknown.length > 0) throw new ValidationError('Request validation failed', unknown);

    const { subject, role } = principalOf(c);
    let result: Awaited<ReturnType<typeof store.settings.putSettings>>;
    try {
      result = await store.settings.putSettings(villageId, settings, {
        expectedVersion: expected.version,
        changedBy: { subject, role },
        changedAt: zonedFromMs(clock.nowMs()),
      });
    } catch (error) {
      if (!(error instanceof SettingsConflictError)) throw error;
      throw new DomainError('CONFLICT', error.message, [
        { field: expected.field, message: `stale: current version is ${error.currentVersion}` },
      ]);
    }
    c.header('ETag', etag(result.record.version));
    return c.json(
      { ...toRecordView(result.record), change: result.change ? toChangeView(result.change) : null },
      200,
    );
  });

  const audit = createRoute({
    ...guard(accessPolicy.listSettingsAudit),
    tags: ['settings'],
    summary: 'Every change to the settings — who, when, which fields from what to what — newest first',
    request: { query: settingsAuditQuerySchema },
    responses: {
      200: { description: 'The audit log', content: json(settingsAuditResponseSchema) },
      ...commonErrorResponses,
      ...authErrorResponses,
    },
  });
  app.openapi(audit, async (c) => {
    const { limit } = c.req.valid('query');
    const changes = await store.settings.listSettingsAudit(villageId, limit);
    return c.json({ changes: changes.map(toChangeView) }, 200);
  });
}
