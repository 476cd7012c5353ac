/**
 * Typed errors with context. Adapters (HTTP, MQTT, CLI) map them to their own shapes; none of them
 * exposes a stack trace to a client.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'INFEASIBLE'
  | 'INTERNAL';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `query.from` or `households.3.loads.0.kw`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  constructor(code: ErrorCode, message: string, details: FieldIssue[] = [], options?: ErrorOptions) {
    super(message, options);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details: FieldIssue[]) {
    super('VALIDATION_FAILED', message, details);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} "${id}" not found`);
    this.name = 'NotFoundError';
  }
}

/** Turns zod issues into field-named issues, with an optional prefix such as `body` or `query`. */
export function issuesFromZod(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  prefix?: string,
): FieldIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const field = [prefix, path].filter((p) => p !== undefined && p !== '').join('.') || prefix || '(root)';
    return { field, message: issue.message };
  });
}
