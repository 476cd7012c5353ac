/**
 * A dependency this deployment was composed without (e.g. no planner wired): 503 with a message
 * saying which. API-local because the domain's error codes describe requests, not deployments.
 */
export class UnavailableError extends Error {
  readonly code = 'UNAVAILABLE';
  constructor(message: string) {
    super(message);
    this.name = 'UnavailableError';
  }
}
