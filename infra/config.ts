import { z } from 'zod';

/** Per-environment settings, parsed once from CDK context (`-c stage=prod`). */
export const stageSchema = z.enum(['dev', 'prod']);
export type Stage = z.infer<typeof stageSchema>;

export interface StageConfig {
  stage: Stage;
  /** Name prefix of every resource, so dev and prod can share an account. */
  prefix: string;
  /** prod keeps the table on stack deletion and refuses accidental deletes. */
  protectData: boolean;
}

export function stageConfig(stageContext: unknown): StageConfig {
  const stage = stageSchema.parse(stageContext ?? 'dev');
  return { stage, prefix: `village-${stage}`, protectData: stage === 'prod' };
}
