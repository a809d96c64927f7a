import pg from 'pg';

/** The same server and credentials, another database. */
export function databaseUrlWithName(databaseUrl: string, databaseName: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(databaseName)}`;
  return url.toString();
}

export function databaseNameOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
}

/** Runs `fn` on a connection to the server's `postgres` maintenance database (CREATE/DROP DATABASE). */
export async function withMaintenanceClient<T>(
  databaseUrl: string,
  fn: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrlWithName(databaseUrl, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Drops `databaseName` if it exists, disconnecting its sessions (Postgres ≥ 13). */
export async function dropDatabase(databaseUrl: string, databaseName: string): Promise<void> {
  await withMaintenanceClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`);
  });
}

/** Creates an empty `databaseName` (dropping any old one) and returns its URL. */
export async function recreateDatabase(databaseUrl: string, databaseName: string): Promise<string> {
  await withMaintenanceClient(databaseUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(databaseName)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(databaseName)}`);
  });
  return databaseUrlWithName(databaseUrl, databaseName);
}
