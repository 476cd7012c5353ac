import type { StoppingCriterion } from './stopping-criterion.ts';

/**
 * "Drop what you are doing": the part of the stopping criteria that may end work inside one iteration
 * — a spent wall-clock budget or a cancellation. Iteration counts and stagnation never interrupt an
 * iteration, so a run bounded by iterations alone does exactly the same work whatever the clock says
 * (same seed → same result).
 *
 * Hot loops must not ask on every step: `expired()` may read the clock. The local search polls it
 * through a work counter (search/deadline-poll.ts), every few hundred move evaluations.
 */
export interface Deadline {
  expired(): boolean;
}

export const NO_DEADLINE: Deadline = { expired: () => false };

/** The deadline a stopping criterion imposes on work in progress; none when it has no notion of one. */
export function deadlineOf(criterion: StoppingCriterion): Deadline {
  return criterion.expired ? (criterion as Deadline) : NO_DEADLINE;
}
