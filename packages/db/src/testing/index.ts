export { type PostgresOutageProxy, startPostgresOutageProxy } from './postgres-outage-proxy.js';
export { createRunFixture, type RunFixture } from './run-fixture.js';
export { createEmptyDatabase, createTestDatabase, type TestDatabase } from './test-database.js';
export { testDatabaseUrl } from './test-database-url.js';
