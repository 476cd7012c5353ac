import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ScriptRun {
  /** Exit code; null when the run was killed. */
  code: number | null;
  stdout: string;
  /** The last 4,000 characters of stderr, trimmed; "killed by SIGKILL" first when it was killed. */
  stderr: string;
  wallMs: number;
}

/**
 * Runs a TypeScript script in a fresh Node process (tsx loader, repository root as cwd) — the way the
 * benchmarks isolate each solve's time and memory — and collects its output. `killAfterMs` bounds a run
 * that has hung rather than slowed.
 */
export function runScript(script: string, args: readonly string[], killAfterMs?: number): Promise<ScriptRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const killer =
      killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('close', (code, signal) => {
      if (killer) clearTimeout(killer);
      resolve({
        code: signal ? null : code,
        stdout,
        stderr: signal ? `killed by ${signal}\n${stderr.trim()}` : stderr.trim(),
        wallMs: performance.now() - started,
      });
    });
  });
}
