import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';

// Prisma 6.19 CLI config: WASM schema engine through @prisma/adapter-pg, no native binary download.

// Work around prisma/orm#27403: @prisma/adapter-pg 6.x cannot map the Postgres catalog types `name`
// (OID 19) and `"char"` (OID 18), which the WASM schema engine reads from pg_catalog. Rewrite them
// to text before the adapter maps column types (pg parses both as plain strings anyway).
const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
const REMAPPED_OIDS: Record<number, number> = { 18: TEXT_OID, 19: TEXT_OID, 1003: TEXT_ARRAY_OID };

interface PgResult {
  fields?: { dataTypeID: number }[];
}
type PerformIO = (this: unknown, query: unknown) => Promise<PgResult | undefined>;

let patched = false;
function patchQueryable<T extends object>(connection: T): T {
  if (patched) return connection;
  // PgQueryable.prototype is shared by the adapter and its transactions: patch it once.
  let proto: object | null = Object.getPrototypeOf(connection);
  while (proto && !Object.hasOwn(proto, 'performIO')) proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('@prisma/adapter-pg internals changed: PgQueryable.performIO not found');
  const queryable = proto as { performIO: PerformIO };
  const original = queryable.performIO;
  queryable.performIO = async function (query) {
    const result = await original.call(this, query);
    for (const field of result?.fields ?? [])
      field.dataTypeID = REMAPPED_OIDS[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  patched = true;
  return connection;
}

// PrismaPg.connectToShadowDb() does `new Pool({ ...config, database: shadowName })`; node-postgres
// lets `connectionString` override `database`, which would point the "shadow" database at the main
// one. Pass discrete fields instead.
function pgConfigFromUrl(databaseUrl: string) {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    // let the CLI exit promptly instead of waiting for pg's 10 s idle timeout
    idleTimeoutMillis: 100,
    allowExitOnIdle: true,
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl)
      throw new Error('DATABASE_URL must name a Postgres database the migration tool may use');
    const factory = new PrismaPg(pgConfigFromUrl(databaseUrl));
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => patchQueryable(await factory.connect()),
      connectToShadowDb: async () => patchQueryable(await factory.connectToShadowDb()),
    };
  },
  schema: '.schema/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
});
