import { z } from '@hono/zod-openapi';
import { isoDateSchema, stopReportSchema } from '@village/domain';
import { zonedTimeSchema } from './common.ts';
import { routeStopViewSchema } from './waste-plans.ts';

export const stopReportBodySchema = stopReportSchema.meta({
  id: 'StopReportRequest',
  description:
    'A crew report for one stop. Send it until acknowledged: the same `reportId` is stored once. ' +
    '`reason` is required for a skipped stop, `note` for reason `other`.',
});

export const storedStopReportSchema = z
  .object({
    reportId: z.string(),
    vehicleId: z.string(),
    binId: z.string(),
    date: isoDateSchema,
    status: z.enum(['collected', 'skipped']),
    reason: z.enum(['blocked', 'not-out', 'other']).nullable(),
    note: z.string().nullable(),
    reportedAt: zonedTimeSchema,
    receivedAt: zonedTimeSchema,
  })
  .meta({ id: 'StopReport' });

export const stopReportResponseSchema = z
  .object({
    duplicate: z
      .boolean()
      .meta({ description: 'This reportId was already stored; `report` is the first one' }),
    report: storedStopReportSchema,
    stop: routeStopViewSchema.nullable().meta({
      description:
        "The stop on the date's latest plan, with the status all reports give it; null if not on it",
    }),
  })
  .meta({ id: 'StopReportResult' });
