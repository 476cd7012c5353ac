import type { ProblemInput } from '../model/problem-input.ts';

/**
 * Reader for TSPLIB/CVRPLIB capacitated VRP instances (the A/B/E/F/M/P classics and the X set).
 *
 * The convention is CVRPLIB's: integer distances `d(i,j) = floor(sqrt(dx² + dy²) + 0.5)` (TSPLIB
 * nint of EUC_2D), one load dimension, an unlimited fleet of identical vehicles (the `k` in a name
 * is the minimum number of routes, not a limit), so the objective is the total distance.
 * Locations are the depot first, then the other nodes in file order; `nodeIds` maps each location
 * back to the file's node id so results can be reported in the file's own numbering.
 *
 * Tolerated: blank lines, `#` comment lines, tabs, CRLF, unknown `KEY : value` header entries and
 * unknown sections (skipped). Optional keys: SERVICE_TIME (every client), DISTANCE (maximum route
 * duration, service included), VEHICLES (recorded, not enforced, as in CVRPLIB's own convention).
 */
export interface CvrplibInstance {
  name: string;
  comment: string | undefined;
  dimension: number;
  capacity: number;
  /** `nodeIds[location]`: the file's node id; `nodeIds[0]` is the depot. */
  nodeIds: number[];
  /** Coordinates by location. */
  x: Float64Array;
  y: Float64Array;
  serviceTime: number | undefined;
  maxDistance: number | undefined;
  vehicles: number | undefined;
  input: ProblemInput;
}

/** A malformed instance file; `line` (1-based) and `key` say where. */
export class CvrplibFormatError extends Error {
  readonly line: number | undefined;
  readonly key: string;
  constructor(key: string, message: string, line?: number) {
    super(`${line === undefined ? '' : `line ${line}: `}${key}: ${message}`);
    this.name = 'CvrplibFormatError';
    this.key = key;
    this.line = line;
  }
}

/** TSPLIB EUC_2D: Euclidean distance rounded to the nearest integer. */
export function euc2dDistance(x1: number, y1: number, x2: number, y2: number): number {
  const dx = x1 - x2;
  const dy = y1 - y2;
  return Math.floor(Math.sqrt(dx * dx + dy * dy) + 0.5);
}

const SECTIONS = new Set(['NODE_COORD_SECTION', 'DEMAND_SECTION', 'DEPOT_SECTION']);
const UNSUPPORTED_SECTIONS = new Set(['EDGE_WEIGHT_SECTION', 'TIME_WINDOW_SECTION', 'PICKUP_SECTION']);

interface Line {
  no: number;
  tokens: string[];
}

function number(key: string, text: string | undefined, line: number, opts: { int?: boolean; min?: number }) {
  const value = text === undefined || text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || (opts.int && !Number.isInteger(value))) {
    throw new CvrplibFormatError(
      key,
      `expected ${opts.int ? 'an integer' : 'a number'}, got "${text ?? ''}"`,
      line,
    );
  }
  if (opts.min !== undefined && value < opts.min) {
    throw new CvrplibFormatError(key, `must be ≥ ${opts.min}, got ${value}`, line);
  }
  return value;
}

export function parseCvrplib(text: string): CvrplibInstance {
  const header = new Map<string, { value: string; line: number }>();
  const comments: string[] = [];
  const sections = new Map<string, Line[]>();
  let current: Line[] | undefined; // data lines of the section being read (undefined: header)

  const rawLines = text.split(/\r?\n|\r/);
  for (let i = 0; i < rawLines.length; i++) {
    const no = i + 1;
    const raw = rawLines[i]!.trim();
    if (raw === '' || raw.startsWith('#')) continue;
    // Data lines start with a number; anything else is a keyword (header entry or section start).
    if (/^[-+]?[\d.]/.test(raw)) {
      if (!current) throw new CvrplibFormatError('data', `"${raw}" outside any section`, no);
      current.push({ no, tokens: raw.split(/\s+/) });
      continue;
    }
    const match =
      /^([A-Za-z_][A-Za-z0-9_]*)\s*(?::\s*(.*))?$/.exec(raw) ?? /^([A-Za-z_][A-Za-z0-9_]*)\s+(.*)$/.exec(raw);
    if (!match) throw new CvrplibFormatError('line', `cannot read "${raw}"`, no);
    const key = match[1]!.toUpperCase();
    const value = (match[2] ?? '').trim();
    if (key === 'EOF') break;
    if (key.endsWith('_SECTION')) {
      if (UNSUPPORTED_SECTIONS.has(key))
        throw new CvrplibFormatError(key, 'not supported (CVRP with EUC_2D only)', no);
      if (SECTIONS.has(key) && sections.has(key)) throw new CvrplibFormatError(key, 'appears twice', no);
      current = [];
      // Unknown sections (e.g. DISPLAY_DATA_SECTION) are read and ignored.
      sections.set(SECTIONS.has(key) ? key : `${key}#${no}`, current);
      continue;
    }
    current = undefined;
    if (key === 'COMMENT') {
      comments.push(value);
      continue;
    }
    const previous = header.get(key);
    if (previous) throw new CvrplibFormatError(key, `given twice (lines ${previous.line} and ${no})`, no);
    header.set(key, { value, line: no });
  }

  const required = (key: string) => {
    const entry = header.get(key);
    if (!entry || entry.value === '') throw new CvrplibFormatError(key, 'missing');
    return entry;
  };
  const optional = (key: string, opts: { int?: boolean; min?: number }) => {
    const entry = header.get(key);
    return entry ? number(key, entry.value, entry.line, opts) : undefined;
  };

  const type = header.get('TYPE');
  if (type && type.value.toUpperCase() !== 'CVRP') {
    throw new CvrplibFormatError('TYPE', `unsupported "${type.value}" (only CVRP)`, type.line);
  }
  const edge = required('EDGE_WEIGHT_TYPE');
  if (edge.value.toUpperCase() !== 'EUC_2D') {
    throw new CvrplibFormatError('EDGE_WEIGHT_TYPE', `unsupported "${edge.value}" (only EUC_2D)`, edge.line);
  }
  const dim = required('DIMENSION');
  const dimension = number('DIMENSION', dim.value, dim.line, { int: true, min: 1 });
  const cap = required('CAPACITY');
  const capacity = number('CAPACITY', cap.value, cap.line, { min: 0 });
  const serviceTime = optional('SERVICE_TIME', { min: 0 });
  const maxDistance = optional('DISTANCE', { min: 0 });
  const vehicles = optional('VEHICLES', { int: true, min: 1 });

  // NODE_COORD_SECTION: "<id> <x> <y>".
  const coords = new Map<number, { x: number; y: number; line: number }>();
  const order: number[] = [];
  for (const { no, tokens } of sectionLines(sections, 'NODE_COORD_SECTION')) {
    if (tokens.length !== 3)
      throw new CvrplibFormatError('NODE_COORD_SECTION', 'expected "<id> <x> <y>"', no);
    const id = number('NODE_COORD_SECTION', tokens[0], no, { int: true });
    if (coords.has(id)) throw new CvrplibFormatError('NODE_COORD_SECTION', `node ${id} listed twice`, no);
    const x = number('NODE_COORD_SECTION', tokens[1], no, {});
    const y = number('NODE_COORD_SECTION', tokens[2], no, {});
    coords.set(id, { x, y, line: no });
    order.push(id);
  }
  if (order.length !== dimension) {
    throw new CvrplibFormatError(
      'NODE_COORD_SECTION',
      `has ${order.length} nodes, DIMENSION says ${dimension}`,
    );
  }

  // DEMAND_SECTION: "<id> <demand>", one per node.
  const demands = new Map<number, number>();
  for (const { no, tokens } of sectionLines(sections, 'DEMAND_SECTION')) {
    if (tokens.length !== 2) throw new CvrplibFormatError('DEMAND_SECTION', 'expected "<id> <demand>"', no);
    const id = number('DEMAND_SECTION', tokens[0], no, { int: true });
    if (!coords.has(id)) throw new CvrplibFormatError('DEMAND_SECTION', `unknown node ${id}`, no);
    if (demands.has(id)) throw new CvrplibFormatError('DEMAND_SECTION', `node ${id} listed twice`, no);
    demands.set(id, number('DEMAND_SECTION', tokens[1], no, { min: 0 }));
  }
  const noDemand = order.find((id) => !demands.has(id));
  if (noDemand !== undefined)
    throw new CvrplibFormatError('DEMAND_SECTION', `no demand for node ${noDemand}`);

  // DEPOT_SECTION: depot ids terminated by -1; CVRP has exactly one.
  const depots: number[] = [];
  const depotLines = sectionLines(sections, 'DEPOT_SECTION');
  let terminated = false;
  for (const { no, tokens } of depotLines) {
    for (const token of tokens) {
      if (terminated) break;
      const id = number('DEPOT_SECTION', token, no, { int: true });
      if (id === -1) terminated = true;
      else if (!coords.has(id)) throw new CvrplibFormatError('DEPOT_SECTION', `unknown node ${id}`, no);
      else depots.push(id);
    }
  }
  if (depots.length !== 1) {
    throw new CvrplibFormatError(
      'DEPOT_SECTION',
      `expected exactly one depot, got ${depots.length}`,
      depotLines[0]?.no,
    );
  }
  const depot = depots[0]!;
  if (demands.get(depot) !== 0)
    throw new CvrplibFormatError('DEMAND_SECTION', `depot ${depot} must have demand 0`);

  const nodeIds = [depot, ...order.filter((id) => id !== depot)];
  const n = nodeIds.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  nodeIds.forEach((id, l) => {
    const c = coords.get(id)!;
    x[l] = c.x;
    y[l] = c.y;
  });
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = euc2dDistance(x[i]!, y[i]!, x[j]!, y[j]!);
      distance[i * n + j] = d;
      distance[j * n + i] = d;
    }
  }

  const clients = nodeIds.slice(1).map((id) => ({
    demand: [demands.get(id)!],
    ...(serviceTime === undefined ? {} : { serviceDuration: serviceTime }),
  }));
  const input: ProblemInput = {
    numLoadDimensions: 1,
    depots: [{}],
    clients,
    vehicleTypes: [
      {
        numAvailable: clients.length,
        capacity: [capacity],
        startDepot: 0,
        endDepot: 0,
        ...(maxDistance === undefined ? {} : { maxDuration: maxDistance }),
      },
    ],
    distance,
  };

  return {
    name: header.get('NAME')?.value ?? '',
    comment: comments.length > 0 ? comments.join('\n') : undefined,
    dimension,
    capacity,
    nodeIds,
    x,
    y,
    serviceTime,
    maxDistance,
    vehicles,
    input,
  };
}

function sectionLines(sections: Map<string, Line[]>, key: string): Line[] {
  const lines = sections.get(key);
  if (!lines) throw new CvrplibFormatError(key, 'missing');
  return lines;
}
