/**
 * CVRPLIB solution files (`.sol`):
 *
 *   Route #1: 21 31 19 17 13 7 26
 *   Route #2: 12 1 16 30
 *   Cost 784
 *
 * Numbering: CVRPLIB numbers the depot 0 and the customers 1…n−1 in file order, which is exactly our
 * location index for instances read by `parseCvrplib` (depot first, then the other nodes in file
 * order). With the depot as node 1 (every CVRPLIB instance) a `.sol` number is the file's node id − 1.
 */
export interface CvrplibSolution {
  /** Location indices per route, depot excluded. */
  routes: number[][];
  cost: number | undefined;
}

export class CvrplibSolutionFormatError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CvrplibSolutionFormatError';
    this.line = line;
  }
}

export function parseCvrplibSolution(text: string): CvrplibSolution {
  const routes: number[][] = [];
  let cost: number | undefined;
  text.split(/\r?\n|\r/).forEach((raw, i) => {
    const line = raw.trim();
    const route = /^Route\s*#\s*\d+\s*:(.*)$/i.exec(line);
    if (route) {
      const tokens = route[1]!.trim().split(/\s+/).filter(Boolean);
      routes.push(
        tokens.map((token) => {
          const value = Number(token);
          if (!Number.isInteger(value) || value < 1) {
            throw new CvrplibSolutionFormatError(
              i + 1,
              `route entry "${token}" is not a customer number ≥ 1`,
            );
          }
          return value;
        }),
      );
      return;
    }
    const costLine = /^Cost\s*:?\s*(\S+)$/i.exec(line);
    if (costLine) {
      const value = Number(costLine[1]);
      if (!Number.isFinite(value))
        throw new CvrplibSolutionFormatError(i + 1, `cost "${costLine[1]}" is not a number`);
      cost = value;
    }
    // Anything else (blank lines, "Time 12.3", comments) is ignored.
  });
  return { routes, cost };
}

export function formatCvrplibSolution(solution: CvrplibSolution): string {
  const lines = solution.routes.map((route, r) => `Route #${r + 1}: ${route.join(' ')}`);
  if (solution.cost !== undefined) lines.push(`Cost ${solution.cost}`);
  return `${lines.join('\n')}\n`;
}
