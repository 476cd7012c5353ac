/**
 * Runs `jobs` with at most `parallel` in flight, results in job order. The benchmarks use it to keep
 * one solve per core (each job is a child process; see run-script.ts).
 */
export async function runAll<T>(jobs: readonly (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      const job = jobs[i];
      if (job) results[i] = await job();
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return results;
}
