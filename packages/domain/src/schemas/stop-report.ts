import * as z from 'zod';
import { binIdSchema, idSchema, vehicleIdSchema } from '../ids.ts';
import { isoDateTimeSchema } from '../time.ts';

export const stopReportStatusSchema = z.enum(['collected', 'skipped']);
export type StopReportStatus = z.infer<typeof stopReportStatusSchema>;

/** Why a crew skipped a bin: it could not be reached, it was not put out, or something else (say what). */
export const skipReasonSchema = z.enum(['blocked', 'not-out', 'other']);
export type SkipReason = z.infer<typeof skipReasonSchema>;

export const STOP_NOTE_MAX_LENGTH = 500;

/**
 * A crew's report for one stop, sent from a phone. Phones retry until acknowledged, so the same
 * report may arrive more than once: `reportId` (generated once on the phone) makes it idempotent.
 */
export const stopReportSchema = z
  .object({
    reportId: idSchema,
    vehicleId: vehicleIdSchema,
    binId: binIdSchema,
    status: stopReportStatusSchema,
    /** Required when skipped; not allowed when collected. */
    reason: skipReasonSchema.optional(),
    /** Free text; required when the reason is `other`. */
    note: z.string().trim().min(1).max(STOP_NOTE_MAX_LENGTH).optional(),
    /** When the crew made the report (the phone's clock), with an offset. */
    reportedAt: isoDateTimeSchema,
  })
  .superRefine((report, ctx) => {
    if (report.status === 'skipped' && report.reason === undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required when status is skipped' });
    }
    if (report.status === 'collected' && report.reason !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'only a skipped stop has a reason' });
    }
    if (report.reason === 'other' && report.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'required when reason is other' });
    }
  });
export type StopReport = z.output<typeof stopReportSchema>;
