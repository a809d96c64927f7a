import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files the API server and controller-manager need: serving cert, ServiceAccount keys, admin token. */
export interface ControlPlanePki {
  /** Self-signed serving certificate for 127.0.0.1; clients trust it as their CA. */
  certFile: string;
  keyFile: string;
  caPem: string;
  serviceAccountPublicKeyFile: string;
  serviceAccountPrivateKeyFile: string;
  tokenAuthFile: string;
  adminToken: string;
}

/** A fresh PKI in `dir`: nothing is shared between test runs, so a leaked token opens nothing else. */
export function writeControlPlanePki(dir: string): ControlPlanePki {
  const certFile = join(dir, 'apiserver.crt');
  const keyFile = join(dir, 'apiserver.key');
  // Node's crypto cannot issue X.509 certificates; openssl is on every machine that has apt.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=kiago-test-apiserver',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,digitalSignature,keyEncipherment,keyCertSign',
    ],
    { stdio: 'ignore' },
  );
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const serviceAccountPublicKeyFile = join(dir, 'sa.pub');
  const serviceAccountPrivateKeyFile = join(dir, 'sa.key');
  writeFileSync(serviceAccountPublicKeyFile, publicKey);
  writeFileSync(serviceAccountPrivateKeyFile, privateKey, { mode: 0o600 });
  const adminToken = randomBytes(24).toString('hex');
  const tokenAuthFile = join(dir, 'tokens.csv');
  // token,user,uid,"group": the test harness is cluster-admin through system:masters.
  writeFileSync(tokenAuthFile, `${adminToken},kiago-test-admin,kiago-test-admin,"system:masters"\n`, {
    mode: 0o600,
  });
  return {
    certFile,
    keyFile,
    caPem: readFileSync(certFile, 'utf8'),
    serviceAccountPublicKeyFile,
    serviceAccountPrivateKeyFile,
    tokenAuthFile,
    adminToken,
  };
}

/** A kubeconfig for `user` with a bearer token (admin, or a ServiceAccount's TokenRequest token). */
export function kubeconfigYaml(server: string, caFile: string, user: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{name: kiago-test, cluster: {server: "${server}", certificate-authority: "${caFile}"}}]`,
    `users: [{name: ${user}, user: {token: "${token}"}}]`,
    `contexts: [{name: kiago-test, context: {cluster: kiago-test, user: ${user}}}]`,
    'current-context: kiago-test',
    '',
  ].join('\n');
}
