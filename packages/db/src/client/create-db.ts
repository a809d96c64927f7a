import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';

export interface CreateDbOptions {
  databaseUrl: string;
  /** Pool size shared by Prisma and raw SQL (bulk inserts, top-k). */
  maxConnections?: number;
  /** Called when an idle pooled connection dies (e.g. the server restarted); defaults to ignoring it. */
  onPoolError?: (error: Error) => void;
}

/** Prisma for ordinary reads/writes and the pg pool behind it for raw bulk SQL; one pool, one `close()`. */
export interface Db {
  prisma: PrismaClient;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDb({ databaseUrl, maxConnections = 10, onPoolError }: CreateDbOptions): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  // An idle client losing its connection emits 'error' on the pool; without a listener Node exits.
  // The next query on that client fails and is retried by the caller's policy instead.
  pool.on('error', onPoolError ?? (() => undefined));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    prisma,
    pool,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
