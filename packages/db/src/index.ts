export {
  databaseNameOf,
  databaseUrlWithName,
  dropDatabase,
  recreateDatabase,
} from './admin/database-admin.js';
export {
  type CandidateEnsembleUpdate,
  updateCandidateEnsembles,
} from './candidates/candidate-ensembles.js';
export type { CandidateInsert } from './candidates/candidate-insert.js';
export {
  type InsertCandidatesOptions,
  type InsertCandidatesResult,
  insertCandidates,
} from './candidates/insert-candidates.js';
export {
  TOP_CANDIDATE_RANKS,
  type TopCandidate,
  type TopCandidateRank,
  type TopCandidatesQuery,
  topCandidates,
  topCandidatesQuerySchema,
} from './candidates/top-candidates.js';
export { type CreateDbOptions, createDb, type Db } from './client/create-db.js';
export { type DbEnv, parseDbEnv } from './env.js';
export * from './generated/prisma/client.js';
export {
  type ApplyMigrationsOptions,
  type ApplyMigrationsResult,
  applyMigrations,
} from './migrations/apply-migrations.js';
export { MigrationChecksumError, MigrationFailedError } from './migrations/migration-errors.js';
export { DEFAULT_MIGRATIONS_DIR, type MigrationFile, readMigrations } from './migrations/read-migrations.js';
export { isDatabaseUnavailable, retryableDbErrorCode } from './transactions/retryable-db-error.js';
export {
  type IsolationLevel,
  type TransactionOptions,
  TransactionRetryExhaustedError,
  type TransactionTarget,
  withTransaction,
} from './transactions/with-transaction.js';
