/** Where the API reports what clients must not see (unexpected errors with their stacks). */
export interface Logger {
  error(message: string, fields: Record<string, unknown>): void;
}

/**
 * One JSON line per entry on stderr: CloudWatch and a local terminal both read it, and `console` is
 * available in every runtime the app is served from.
 */
export const jsonConsoleLogger: Logger = {
  error(message, fields) {
    console.error(JSON.stringify({ level: 'error', message, ...fields }));
  },
};
