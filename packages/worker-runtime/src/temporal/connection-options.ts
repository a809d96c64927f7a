import { readFile } from 'node:fs/promises';
import type { TLSConfig } from '@temporalio/worker';
import type { TemporalEnv } from '../env/worker-env.js';
import { TlsFileError } from './tls-file-error.js';

/** Options both `NativeConnection.connect` (workers) and `Connection.connect` (clients) accept. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
}

async function readTlsFile(variable: string, path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new TlsFileError(variable, path, error);
  }
}

/** Reads the TLS files named by the environment (mounted Secrets in Kubernetes) into connection options. */
export async function temporalConnectionOptions(temporal: TemporalEnv): Promise<TemporalConnectionOptions> {
  const { tls } = temporal;
  if (!tls) return { address: temporal.address };
  const config: TLSConfig = {};
  if (tls.caPath) config.serverRootCACertificate = await readTlsFile('TEMPORAL_TLS_CA_PATH', tls.caPath);
  if (tls.clientCertPath && tls.clientKeyPath) {
    config.clientCertPair = {
      crt: await readTlsFile('TEMPORAL_TLS_CERT_PATH', tls.clientCertPath),
      key: await readTlsFile('TEMPORAL_TLS_KEY_PATH', tls.clientKeyPath),
    };
  }
  return { address: temporal.address, tls: config };
}
