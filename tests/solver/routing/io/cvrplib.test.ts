import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../../../../packages/solver/src/routing/check/check-plan.ts';
import {
  CvrplibFormatError,
  euc2dDistance,
  parseCvrplib,
} from '../../../../packages/solver/src/routing/io/cvrplib.ts';
import {
  formatCvrplibSolution,
  parseCvrplibSolution,
} from '../../../../packages/solver/src/routing/io/cvrplib-solution.ts';
import {
  NodeRoutesError,
  nodeRoutesFromPlan,
  planFromNodeRoutes,
} from '../../../../packages/solver/src/routing/io/node-routes.ts';
import { createProblem } from '../../../../packages/solver/src/routing/model/problem-data.ts';

const DIR = '/work/shared/bench/cvrplib';
const files = readdirSync(DIR).filter((f) => f.endsWith('.vrp'));
const read = (name: string) => parseCvrplib(readFileSync(path.join(DIR, `${name}.vrp`), 'utf8'));

/** Best-known solutions in CVRPLIB `.sol` form (PyVRP/VRPLIB test data; costs match bks.json). */
const SOLUTIONS: Record<string, string> = {
  'P-n16-k8':
    'Route #1: 2\nRoute #2: 6\nRoute #3: 8\nRoute #4: 15 12 10\nRoute #5: 14 5\nRoute #6: 13 9 7\n' +
    'Route #7: 11 4\nRoute #8: 3 1\nCost 450\n',
  'A-n32-k5':
    'Route #1: 21 31 19 17 13 7 26\nRoute #2: 12 1 16 30\nRoute #3: 27 24\n' +
    'Route #4: 29 18 8 9 22 15 10 25 5 20\nRoute #5: 14 28 11 4 23 3 2 6\nCost 784\n',
  'X-n148-k46':
    'Route #1: 99\nRoute #2: 23 47 46\nRoute #3: 64 138 102 114\nRoute #4: 39 89\n' +
    'Route #5: 65 144 131\nRoute #6: 94 41 78\nRoute #7: 4 60 51\nRoute #8: 19 133 141 147\n' +
    'Route #9: 30 56\nRoute #10: 45 50 9 24 63 11\nRoute #11: 97 132\nRoute #12: 124 121 140\n' +
    'Route #13: 38 69 29 25\nRoute #14: 21 93\nRoute #15: 43 58 72\nRoute #16: 143 76 83\n' +
    'Route #17: 87 95\nRoute #18: 71 5 28\nRoute #19: 1 59\nRoute #20: 27 55 22\n' +
    'Route #21: 96 33 36 13 66 145 49\nRoute #22: 86 122 2\nRoute #23: 128 146 111\n' +
    'Route #24: 34 139\nRoute #25: 123 91 79 92\nRoute #26: 42 134 84\nRoute #27: 118 107\n' +
    'Route #28: 17 112 70 142\nRoute #29: 35 113\nRoute #30: 127 77 109 62\n' +
    'Route #31: 85 110 137\nRoute #32: 104 32 82\nRoute #33: 18 75\nRoute #34: 106 136\n' +
    'Route #35: 88 44\nRoute #36: 129 10 54 68\nRoute #37: 14 61 67 98\nRoute #38: 120 81 7\n' +
    'Route #39: 57 130 26\nRoute #40: 20 80 119 48 52\nRoute #41: 105 40\n' +
    'Route #42: 37 125 6 103 101\nRoute #43: 100 115 135 31\nRoute #44: 126 53 73\n' +
    'Route #45: 116 90 15\nRoute #46: 8 3 12 117\nRoute #47: 16 74 108\nCost 43448\n',
};

describe('CVRPLIB instances', () => {
  it('finds the benchmark set', () => {
    expect(files.length).toBeGreaterThanOrEqual(26);
  });

  it.each(files)('parses %s: node count, capacity, demands within k routes', (file) => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const instance = parseCvrplib(text);
    const [, n, k] = /-n(\d+)-k(\d+)/.exec(file) ?? [];
    expect(instance.name).toBe(file.replace(/\.vrp$/, ''));
    expect(instance.dimension).toBe(Number(n));
    expect(instance.input.clients).toHaveLength(Number(n) - 1);
    expect(instance.nodeIds[0]).toBe(1); // every CVRPLIB depot is node 1
    expect(new Set(instance.nodeIds).size).toBe(Number(n));
    const capacityLine = /CAPACITY\s*:\s*(\d+)/.exec(text);
    expect(instance.capacity).toBe(Number(capacityLine?.[1]));
    const total = instance.input.clients.reduce((sum, c) => sum + (c.demand[0] ?? 0), 0);
    expect(Math.ceil(total / instance.capacity)).toBeLessThanOrEqual(Number(k));
    const problem = createProblem(instance.input);
    expect(problem.numClients).toBe(Number(n) - 1);
    expect(problem.numAvailable[0]).toBe(Number(n) - 1);
  });

  it('reads known capacities', () => {
    expect(read('P-n16-k8').capacity).toBe(35);
    expect(read('A-n32-k5').capacity).toBe(100);
    expect(read('E-n51-k5').capacity).toBe(160);
    expect(read('F-n72-k4').capacity).toBe(30000);
    expect(read('X-n101-k25').capacity).toBe(206);
  });

  it('uses TSPLIB nint Euclidean distances', () => {
    expect(euc2dDistance(0, 0, 3, 4)).toBe(5);
    expect(euc2dDistance(0, 0, 1, 1)).toBe(1); // 1.414 → 1
    expect(euc2dDistance(0, 0, 1, 2)).toBe(2); // 2.236 → 2
    expect(euc2dDistance(0, 0, 2, 3)).toBe(4); // 3.606 → 4
    expect(euc2dDistance(0, 0, 0.5, 0)).toBe(1); // ties round up
    // P-n16-k8: depot (30,40) → node 2 (37,52): sqrt(49 + 144) = 13.89 → 14.
    const p = createProblem(read('P-n16-k8').input);
    expect(p.distance[1]).toBe(14);
    expect(p.distance[p.numLocations]).toBe(14);
  });

  it.each(Object.keys(SOLUTIONS))('recomputes the best-known cost of %s with the checker', (name) => {
    const instance = read(name);
    const solution = parseCvrplibSolution(SOLUTIONS[name]!);
    const problem = createProblem(instance.input);
    // .sol numbers are location indices (depot 0), so node id = number + 1 here.
    const plan = { routes: solution.routes.map((visits) => ({ vehicleType: 0, visits })) };
    const check = checkPlan(problem, plan);
    expect(check.violations).toEqual([]);
    expect(check.unassigned).toEqual([]);
    expect(check.cost).toBe(solution.cost);
    const nodeRoutes = nodeRoutesFromPlan(instance, plan);
    expect(nodeRoutes[0]?.[0]).toBe((solution.routes[0]?.[0] ?? 0) + 1);
    expect(planFromNodeRoutes(instance, nodeRoutes)).toEqual(plan);
    expect(formatCvrplibSolution(solution)).toBe(SOLUTIONS[name]);
  });

  it('flags a capacity excess in a known instance', () => {
    const instance = read('P-n16-k8');
    // Nodes 3 and 7 (demands 30 and 31) together exceed the capacity 35.
    const plan = planFromNodeRoutes(instance, [[3, 7]]);
    const check = checkPlan(createProblem(instance.input), plan);
    expect(check.violations[0]).toMatchObject({ kind: 'capacity', load: 61, capacity: 35, route: 0 });
    expect(check.violations.filter((v) => v.kind === 'missingRequired')).toHaveLength(13);
  });
});

const VALID = [
  'NAME : tiny',
  'COMMENT : a comment',
  'TYPE : CVRP',
  'DIMENSION : 3',
  'EDGE_WEIGHT_TYPE : EUC_2D',
  'CAPACITY : 10',
  'NODE_COORD_SECTION',
  '1 0 0',
  '2 3 4',
  '3 0 5',
  'DEMAND_SECTION',
  '1 0',
  '2 4',
  '3 5',
  'DEPOT_SECTION',
  '1',
  '-1',
  'EOF',
  '',
].join('\n');

const expectError = (text: string, pattern: RegExp, line?: number) => {
  let error: unknown;
  try {
    parseCvrplib(text);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(CvrplibFormatError);
  expect((error as Error).message).toMatch(pattern);
  if (line !== undefined) expect((error as CvrplibFormatError).line).toBe(line);
};

describe('CVRPLIB reader: tolerance and errors', () => {
  it('tolerates CRLF, tabs, comments, unknown keys and optional SERVICE_TIME/DISTANCE', () => {
    const text = VALID.replace(
      'TYPE : CVRP',
      '# hand-written\nTYPE:\tCVRP\nEDGE_WEIGHT_FORMAT : FUNCTION\nSERVICE_TIME : 10\nDISTANCE : 200\nVEHICLES : 2',
    )
      .replace('3 0 5', '3\t0\t5  ')
      .replace('EOF', 'DISPLAY_DATA_SECTION\n1 0 0\nEOF\ntrailing junk')
      .replaceAll('\n', '\r\n');
    const instance = parseCvrplib(text);
    expect(instance.name).toBe('tiny');
    expect(instance.comment).toBe('a comment');
    expect(instance.serviceTime).toBe(10);
    expect(instance.maxDistance).toBe(200);
    expect(instance.vehicles).toBe(2);
    expect(instance.input.clients[0]).toEqual({ demand: [4], serviceDuration: 10 });
    expect(instance.input.vehicleTypes[0]?.maxDuration).toBe(200);
    expect(instance.input.vehicleTypes[0]?.numAvailable).toBe(2); // unlimited: one per client
  });

  it('puts the depot first even when it is not node 1', () => {
    const instance = parseCvrplib(
      VALID.replace('DEPOT_SECTION\n1\n', 'DEPOT_SECTION\n2\n').replace('1 0\n2 4', '1 4\n2 0'),
    );
    expect(instance.nodeIds).toEqual([2, 1, 3]);
    expect(instance.input.clients.map((c) => c.demand[0])).toEqual([4, 5]);
  });

  it('names the key and line of malformed input', () => {
    expectError(VALID.replace('DIMENSION : 3\n', ''), /DIMENSION: missing/);
    expectError(
      VALID.replace('CAPACITY : 10', 'CAPACITY : ten'),
      /^line 6: CAPACITY: expected a number, got "ten"/,
      6,
    );
    expectError(VALID.replace('EUC_2D', 'GEO'), /EDGE_WEIGHT_TYPE: unsupported "GEO"/, 5);
    expectError(VALID.replace('TYPE : CVRP', 'TYPE : TSP'), /TYPE: unsupported "TSP"/);
    expectError(VALID.replace('2 3 4', '2 3'), /line 9: NODE_COORD_SECTION: expected "<id> <x> <y>"/, 9);
    expectError(VALID.replace('3 0 5\n', ''), /NODE_COORD_SECTION: has 2 nodes, DIMENSION says 3/);
    expectError(VALID.replace('2 4', '2 x'), /line 13: DEMAND_SECTION: expected a number, got "x"/, 13);
    expectError(VALID.replace('2 4', '7 4'), /DEMAND_SECTION: unknown node 7/);
    expectError(VALID.replace('3 5\n', ''), /DEMAND_SECTION: no demand for node 3/);
    expectError(VALID.replace('2 4', '2 -4'), /DEMAND_SECTION: must be ≥ 0/);
    expectError(VALID.replace('1 0\n2 4', '1 1\n2 4'), /depot 1 must have demand 0/);
    expectError(
      VALID.replace('DEPOT_SECTION\n1\n', 'DEPOT_SECTION\n1\n2\n'),
      /DEPOT_SECTION: expected exactly one depot, got 2/,
    );
    expectError(VALID.replace('DEPOT_SECTION\n1\n-1\n', ''), /DEPOT_SECTION: missing/);
    expectError(
      VALID.replace('CAPACITY : 10', 'CAPACITY : 10\nCAPACITY : 12'),
      /CAPACITY: given twice \(lines 6 and 7\)/,
    );
    expectError(VALID.replace('NODE_COORD_SECTION\n', ''), /line 7: data: "1 0 0" outside any section/, 7);
    expectError(
      VALID.replace('DEMAND_SECTION', 'EDGE_WEIGHT_SECTION'),
      /EDGE_WEIGHT_SECTION: not supported/,
      11,
    );
  });
});

describe('node routes and .sol files', () => {
  const instance = parseCvrplib(VALID);

  it('rejects ids that are not clients of the instance', () => {
    expect(() => planFromNodeRoutes(instance, [[2, 9]])).toThrow(
      /routes\[0\]\[1\]: node 9 is not in the instance/,
    );
    expect(() => planFromNodeRoutes(instance, [[1]])).toThrow(NodeRoutesError);
    expect(() => nodeRoutesFromPlan(instance, { routes: [{ vehicleType: 0, visits: [0] }] })).toThrow(
      /location 0 is not a client/,
    );
  });

  it('reads .sol files leniently and rejects bad entries with the line', () => {
    expect(parseCvrplibSolution('Route #1: 1 2\n\nRoute #2:  3 \nTime 1.5\nCost 12\n')).toEqual({
      routes: [[1, 2], [3]],
      cost: 12,
    });
    expect(() => parseCvrplibSolution('Route #1: 1\nRoute #2: 0 2\n')).toThrow(/line 2: route entry "0"/);
  });
});
