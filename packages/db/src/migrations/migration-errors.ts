import { KiagoError } from '@kiago/shared';

/** An applied migration whose migration.sql was edited afterwards: the database no longer matches the files. */
export class MigrationChecksumError extends KiagoError {
  readonly code = 'MIGRATION_CHECKSUM_MISMATCH';
  readonly nonRetryable = true;

  constructor(
    readonly migrationName: string,
    readonly appliedChecksum: string,
    readonly fileChecksum: string,
  ) {
    super(
      `migration ${migrationName} was applied with checksum ${appliedChecksum} but its migration.sql now has ` +
        `checksum ${fileChecksum}; never edit an applied migration — add a new one instead`,
    );
  }
}

/** A migration that failed (now or in an earlier, non-transactional Prisma deploy) and needs a human. */
export class MigrationFailedError extends KiagoError {
  readonly code = 'MIGRATION_FAILED';
  readonly nonRetryable = true;

  constructor(
    readonly migrationName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`migration ${migrationName} failed: ${message}`, options);
  }
}
