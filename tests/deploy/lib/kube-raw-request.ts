import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

export interface RawAnswer {
  status: number;
  body: string;
}

/**
 * One HTTP request to the API server as `kubeConfig`'s (bearer-token) user, body sent byte for byte:
 * the generated client re-serialises objects through its models, which silently drops unknown fields
 * (a typo would never reach the server), and cannot send `fieldValidation`.
 */
export function rawRequest(
  kubeConfig: KubeConfig,
  method: string,
  path: string,
  body?: { json: unknown; contentType: string },
): Promise<RawAnswer> {
  const cluster = kubeConfig.getCurrentCluster();
  const token = kubeConfig.getCurrentUser()?.token;
  if (!cluster || !token) throw new Error('kubeconfig needs a cluster and a bearer token');
  const ca = cluster.caData
    ? Buffer.from(cluster.caData, 'base64')
    : cluster.caFile
      ? readFileSync(cluster.caFile)
      : undefined;
  const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (body) headers['content-type'] = body.contentType;
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, cluster.server), { method, ca, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body ? JSON.stringify(body.json) : undefined);
  });
}

/** `Status.message` of a refused request, with its HTTP code: what a user would read from kubectl. */
export function refusalMessage(answer: RawAnswer): string {
  try {
    const { message } = JSON.parse(answer.body) as { message?: unknown };
    if (typeof message === 'string') return `HTTP ${answer.status}: ${message}`;
  } catch {
    // not a Status object: show the raw body
  }
  return `HTTP ${answer.status}: ${answer.body}`;
}
