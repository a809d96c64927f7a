import { hostname } from 'node:os';

/** `host/pid` — the pod name in Kubernetes; shown in Temporal's UI and in shard_attempts.worker. */
export function workerIdentity(): string {
  return `${hostname()}/${process.pid}`;
}
