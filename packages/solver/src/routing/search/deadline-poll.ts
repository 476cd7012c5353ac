import { type Deadline, NO_DEADLINE } from '../stop/deadline.ts';

/**
 * Units of work between two looks at the deadline. A unit is about one (client, neighbour) pair of
 * the local search, i.e. a handful of O(1) move evaluations (~0.1–2 µs), so a look happens every few
 * hundred µs at most and costs one clock read: nothing measurable, and far inside any time limit.
 */
export const DEADLINE_POLL_INTERVAL = 256;

/**
 * Polls a deadline from a hot loop through a work counter: `spend` only decrements a number, and reads
 * the deadline (perhaps the clock) once per `interval` units. Once expired it stays expired until the
 * next `start`. No allocation, no clock read per move.
 */
export class DeadlinePoll {
  /** True once the deadline was seen to have passed (since the last `start`). */
  expired = false;
  private deadline: Deadline = NO_DEADLINE;
  private untilLook: number;
  private readonly interval: number;

  constructor(interval = DEADLINE_POLL_INTERVAL) {
    this.interval = interval;
    this.untilLook = interval;
  }

  start(deadline: Deadline = NO_DEADLINE): void {
    this.deadline = deadline;
    this.expired = false;
    this.untilLook = this.interval;
  }

  /** Records `units` of work; true when the deadline has passed (as of the last look). */
  spend(units: number): boolean {
    if (this.expired) return true;
    this.untilLook -= units;
    if (this.untilLook > 0) return false;
    this.untilLook = this.interval;
    this.expired = this.deadline.expired();
    return this.expired;
  }
}
