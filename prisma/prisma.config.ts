import { defineConfig } from 'prisma/config';

// Prisma 7 CLI config (used by `prisma generate` in packages/db). Migrations are NOT run by the
// Prisma 7 CLI here (its schema engine is a native download); see tools/prisma-migrate.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
});
