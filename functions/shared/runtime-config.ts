import * as z from 'zod';

/**
 * The environment every function reads, parsed once at the edge. In AWS the CDK stack sets these;
 * locally `scripts/local-village.ts` passes the same names explicitly.
 */
export const runtimeConfigSchema = z.object({
  TABLE_NAME: z.string().min(1).default('village'),
  /** Only set locally (dynalite); in AWS the SDK finds the regional endpoint. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  VILLAGE_ID: z.string().min(1).default('bach-dang'),
  /** Local HS256 signing secret; absent in AWS, where API Gateway's JWT authorizer verifies tokens. */
  JWT_SECRET: z.string().min(32).optional(),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

export function readRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  const parsed = runtimeConfigSchema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid function configuration: ${fields}`);
  }
  return parsed.data;
}
