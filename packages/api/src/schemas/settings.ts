import { z } from '@hono/zod-openapi';
import { operatorSettingsSchema } from '@village/domain';
import { queryInt, zonedTimeSchema } from './common.ts';

export const MAX_AUDIT_ENTRIES = 200;

export const operatorSettingsBodySchema = operatorSettingsSchema.meta({
  id: 'OperatorSettings',
  description:
    'Thresholds (%), plan times (HH:MM village time), per-vehicle availability and shift overrides, ' +
    'the transformer limit (kW; absent: the village transformer’s) and the longest route (minutes). ' +
    'A field left out takes its default.',
});

const actorSchema = z
  .object({ subject: z.string(), role: z.string() })
  .meta({ id: 'Actor', description: 'The authenticated principal who made the change' });

export const settingsResponseSchema = z
  .object({
    version: z
      .number()
      .int()
      .meta({ description: '0 until the first change; send it back to change settings' }),
    settings: operatorSettingsBodySchema,
    updatedAt: zonedTimeSchema.nullable(),
    updatedBy: actorSchema.nullable(),
  })
  .meta({ id: 'SettingsRecord' });

const settingValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const settingsChangeSchema = z
  .object({
    version: z.number().int(),
    changedAt: zonedTimeSchema,
    changedBy: actorSchema,
    changes: z.array(
      z.object({
        field: z.string().meta({ example: 'vehicles.truck-1.shiftStart' }),
        from: settingValueSchema.meta({ description: 'null: the field was absent' }),
        to: settingValueSchema,
      }),
    ),
  })
  .meta({ id: 'SettingsChange' });

export const putSettingsBodySchema = z
  .object({
    version: z.number().int().min(0).optional().meta({
      description: 'The version you read (or send it as `If-Match: "3"`); a stale one is a 409',
    }),
    settings: operatorSettingsBodySchema,
  })
  .meta({ id: 'PutSettingsRequest' });

export const putSettingsHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .meta({ description: 'The version you read, as the ETag of GET /api/settings, e.g. "3"' }),
});

export const putSettingsResponseSchema = settingsResponseSchema
  .extend({
    change: settingsChangeSchema.nullable().meta({ description: 'null: the settings were already equal' }),
  })
  .meta({ id: 'SettingsUpdate' });

export const settingsAuditQuerySchema = z.object({
  limit: queryInt(1, MAX_AUDIT_ENTRIES)
    .default(50)
    .meta({ description: `Newest first, at most ${MAX_AUDIT_ENTRIES}` }),
});

export const settingsAuditResponseSchema = z
  .object({ changes: z.array(settingsChangeSchema) })
  .meta({ id: 'SettingsAudit' });
