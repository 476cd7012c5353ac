import { z } from 'zod';

/**
 * Per-environment settings, parsed once from CDK context (`-c stage=prod -c webOrigin=https://…`).
 * Every name and tunable of the cloud shell lives here; the stacks read nothing else.
 */
export const stageSchema = z.enum(['dev', 'prod']);
export type Stage = z.infer<typeof stageSchema>;

export type DeviceKind = 'bin' | 'meter';

/** A local time of day in the village's time zone. */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

export interface StageConfig {
  stage: Stage;
  /** Name prefix of every resource, so dev and prod can share an account. */
  prefix: string;
  /** prod keeps the table (and user pool) on stack deletion and refuses accidental deletes. */
  protectData: boolean;
  /** The single table (DataStack); other stacks find it by this name. */
  tableName: string;
  /** Region the stacks are synthesized for (Singapore: the AWS region nearest the village). */
  region: string;
  /** The one village this deployment serves (the functions' `VILLAGE_ID`). */
  villageId: string;
  /** IANA zone of the village: schedules fire in it. */
  timeZone: string;
  /** The only origin CORS allows (the web app); `-c webOrigin=…` overrides. */
  webOrigin: string;
  /** HTTP API stage throttling, requests per second (steady) and burst. */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** CloudWatch Logs retention of every function and the API access log, in days. */
  logRetentionDays: 7 | 14 | 30 | 90 | 180 | 365;
  /**
   * Reserved concurrency per function: a cap on what a runaway (device flood, retry storm, scraper)
   * can spend, and on the write rate it can put on the table. `undefined` = no cap (`-c
   * reservedConcurrency=off`, for trial accounts whose concurrency quota is still 10).
   */
  reservedConcurrency: { ingest: number; api: number; plan: number } | undefined;
  /** Lambda memory in MB; CPU scales with it, and so does the price per ms. */
  memoryMb: { ingest: number; api: number; plan: number };
  /** X-Ray active tracing on the functions (see docs/deploy.md for what it costs at the demo load). */
  tracing: boolean;
  iot: {
    /** One thing type per device kind. */
    thingTypeName: Record<DeviceKind, string>;
    /** The policy every device certificate carries. */
    devicePolicyName: string;
    /** Topic rule names allow only letters, digits and `_`. Devices using Basic Ingest name it. */
    telemetryRuleName: string;
  };
  /** When the daily plans run, local time in `timeZone`. */
  schedules: { wastePlan: TimeOfDay; energyPlan: TimeOfDay };
}

const onOff = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', 'off'])])
  .transform((v) => v === true || v === 'true' || v === 'on');

/** The raw context values this app reads; anything else in `cdk.json` is CDK's own. */
export const contextSchema = z.object({
  webOrigin: z
    .url({ protocol: /^https?$/ })
    .refine((u) => new URL(u).origin === u, 'must be a bare origin such as https://village.example.org')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/)
    .optional(),
  reservedConcurrency: onOff.optional(),
  tracing: onOff.optional(),
});
export type ConfigContext = z.input<typeof contextSchema>;

const DEFAULT_WEB_ORIGIN: Record<Stage, string> = {
  dev: 'http://localhost:5173',
  prod: 'https://village.example.org',
};

export function stageConfig(stageContext: unknown, context: ConfigContext = {}): StageConfig {
  const stage = stageSchema.parse(stageContext ?? 'dev');
  const ctx = contextSchema.parse(context);
  const prefix = `village-${stage}`;
  const prod = stage === 'prod';
  return {
    stage,
    prefix,
    protectData: prod,
    tableName: `${prefix}-village`,
    region: ctx.region ?? 'ap-southeast-1',
    villageId: 'bach-dang',
    timeZone: 'Asia/Ho_Chi_Minh',
    webOrigin: ctx.webOrigin ?? DEFAULT_WEB_ORIGIN[stage],
    apiThrottle: prod ? { rateLimit: 100, burstLimit: 200 } : { rateLimit: 20, burstLimit: 40 },
    logRetentionDays: prod ? 90 : 14,
    reservedConcurrency:
      ctx.reservedConcurrency === false
        ? undefined
        : prod
          ? { ingest: 50, api: 50, plan: 1 }
          : { ingest: 10, api: 10, plan: 1 },
    memoryMb: { ingest: 256, api: 512, plan: 1024 },
    tracing: ctx.tracing ?? false,
    iot: {
      thingTypeName: { bin: `${prefix}-bin`, meter: `${prefix}-meter` },
      devicePolicyName: `${prefix}-device`,
      telemetryRuleName: `${prefix.replaceAll('-', '_')}_telemetry`,
    },
    schedules: { wastePlan: { hour: 5, minute: 0 }, energyPlan: { hour: 18, minute: 0 } },
  };
}

/** The config of an app or test scope, from its context (`stage` plus the keys of `contextSchema`). */
export function configFromContext(tryGetContext: (key: string) => unknown): StageConfig {
  const context: Record<string, unknown> = {};
  for (const key of Object.keys(contextSchema.shape)) {
    const value = tryGetContext(key);
    if (value !== undefined) context[key] = value;
  }
  return stageConfig(tryGetContext('stage'), context as ConfigContext);
}

/** The topic segment of a device kind, as in docs/telemetry.md. */
export const topicSegment: Record<DeviceKind, 'bins' | 'meters'> = { bin: 'bins', meter: 'meters' };

/**
 * Thing attributes the device policy reads through policy variables, so one policy pins every device
 * to its own topic: `village/{villageId}/{kind}/{thingName}/telemetry`, `kind` being `bins` or `meters`.
 * `scripts/provision-device.ts` sets them; a thing without them can publish nowhere.
 */
export const thingAttributes = { villageId: 'villageId', topicKind: 'kind' } as const;
