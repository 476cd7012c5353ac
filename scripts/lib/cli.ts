import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { z } from 'zod';

/**
 * The shared edge of every command-line script: parse flags strictly, answer --help, and turn a bad
 * flag or a zod issue into one line naming the option, exit code 2.
 */
export interface Cli {
  fail(message: string, exitCode: number): never;
  /** Parses `process.argv`; prints `help` and exits 0 on --help. */
  readArgs<O extends NonNullable<ParseArgsConfig['options']>>(
    options: O,
    help: string,
    allowPositionals?: boolean,
  ): { values: Record<string, string | boolean | undefined>; positionals: string[] };
  /** The parsed value, or exit 2 with the first issue as `invalid option --name: message`. */
  validOrExit<T>(result: z.ZodSafeParseResult<T>, describe?: (option: string) => string): T;
}

export function createCli(name: string): Cli {
  const fail = (message: string, exitCode: number): never => {
    console.error(`${name}: ${message}`);
    process.exit(exitCode);
  };
  return {
    fail,
    readArgs(options, help, allowPositionals = false) {
      let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
      try {
        parsed = parseArgs({ options, strict: true, allowPositionals }) as typeof parsed;
      } catch (error) {
        return fail(`${error instanceof Error ? error.message : String(error)} (see --help)`, 2);
      }
      if (parsed.values.help) {
        process.stdout.write(help.endsWith('\n') ? help : `${help}\n`);
        process.exit(0);
      }
      return parsed;
    },
    validOrExit(result, describe = (option) => `option --${option}`) {
      if (result.success) return result.data;
      const issue = result.error.issues[0];
      return fail(
        `invalid ${describe(String(issue?.path[0] ?? '?'))}: ${issue?.message ?? 'invalid value'}`,
        2,
      );
    },
  };
}
