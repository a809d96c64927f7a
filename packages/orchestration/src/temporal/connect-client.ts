import { type TemporalEnv, temporalConnectionOptions } from '@kiago/worker-runtime';
import { Client, Connection } from '@temporalio/client';

/** A Temporal client for the namespace of `temporal` (TLS from the env's files); `client.connection.close()` ends it. */
export async function connectTemporalClient(temporal: TemporalEnv): Promise<Client> {
  const connection = await Connection.connect(await temporalConnectionOptions(temporal));
  return new Client({ connection, namespace: temporal.namespace });
}
