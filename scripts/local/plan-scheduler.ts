import { minutesOfDay, type TimeOfDay } from '@village/domain';

/** Village time is UTC+7 all year (Asia/Ho_Chi_Minh keeps no daylight saving). */
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

export interface PlanJob {
  name: string;
  /** Read each time, so an operator's change to the settings moves the next run. */
  at(): Promise<TimeOfDay>;
  run(): Promise<unknown>;
}

/** Milliseconds from `nowMs` to the next `at` (village time), never 0. */
export function msUntilNext(nowMs: number, at: TimeOfDay): number {
  const localMs = (nowMs + OFFSET_MS) % DAY_MS;
  const targetMs = minutesOfDay(at) * 60_000;
  const wait = (targetMs - localMs + DAY_MS) % DAY_MS;
  return wait === 0 ? DAY_MS : wait;
}

/**
 * The local stand-in for EventBridge Scheduler: runs each plan job daily at its village time (the
 * operator's settings), calling the same handler functions the cloud schedules invoke. A failed run
 * is logged and the next day's run still happens, as Scheduler with a dead-letter queue would.
 */
export function startPlanScheduler(jobs: readonly PlanJob[], log: (line: string) => void = console.log) {
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const schedule = async (job: PlanJob) => {
    if (stopped) return;
    const at = await job.at();
    const timer = setTimeout(
      async () => {
        timers.delete(timer);
        try {
          const result = await job.run();
          log(`${job.name}: ${JSON.stringify(result)}`);
        } catch (error) {
          log(`${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        void schedule(job);
      },
      msUntilNext(Date.now(), at),
    );
    timer.unref();
    timers.add(timer);
  };
  for (const job of jobs) void schedule(job);
  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
