import { DomainError } from '@village/domain';

/** The settings changed since the caller read them: re-read, re-apply the edit, try again. */
export class SettingsConflictError extends DomainError {
  readonly expectedVersion: number;
  readonly currentVersion: number;
  constructor(expectedVersion: number, currentVersion: number) {
    super(
      'CONFLICT',
      `Settings are at version ${currentVersion}, not ${expectedVersion}: read them again and re-apply the change`,
      [{ field: 'version', message: `stale: current version is ${currentVersion}` }],
    );
    this.name = 'SettingsConflictError';
    this.expectedVersion = expectedVersion;
    this.currentVersion = currentVersion;
  }
}
