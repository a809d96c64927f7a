import { AppsV1Api, BatchV1Api, CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findTool } from './lib/deploy-tools.ts';
import { completeHookJobs, helmAgainst } from './lib/helm-release.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
  kubeconfigFile,
} from './lib/kube-test-cluster.ts';
import { render } from './lib/render.ts';
import { applyServerSide, intoNamespace, MERGE_PATCH } from './lib/server-apply.ts';

const helm = findTool('helm');
const PROD_VALUES = 'helm/kiago/examples/prod.yaml';
const WORKER = 'kiago-gpu-worker';

describeWithControlPlane('the Helm chart on a real API server', () => {
  let admin: KubeConfig;
  let namespace: string;
  let hooks: Promise<string[]>;
  const stopHooks = new AbortController();
  const run = (...args: string[]) => helmAgainst(helm ?? 'helm', kubeconfigFile() ?? '', args);

  beforeAll(async () => {
    admin = adminKubeConfig();
    namespace = await createRestrictedNamespace(admin, 'helm');
    hooks = completeHookJobs(admin, namespace, stopHooks.signal);
  });
  afterAll(async () => {
    stopHooks.abort();
    await hooks;
  });

  const apps = () => admin.makeApiClient(AppsV1Api);
  const workerReplicas = async () =>
    (await apps().readNamespacedDeploymentScale({ name: WORKER, namespace })).spec?.replicas;
  const logLevel = async () =>
    (await admin.makeApiClient(CoreV1Api).readNamespacedConfigMap({ name: 'kiago-config', namespace })).data
      ?.KIAGO_LOG_LEVEL;
  const migrateJobs = async () =>
    (await admin.makeApiClient(BatchV1Api).listNamespacedJob({ namespace })).items.map((job) => ({
      name: job.metadata?.name,
      uid: job.metadata?.uid,
      hook: job.metadata?.annotations?.['helm.sh/hook'],
      ttlSecondsAfterFinished: job.spec?.ttlSecondsAfterFinished,
    }));
  // What the GPU autoscaler does: a merge patch of the scale subresource.
  const autoscale = (replicas: number) =>
    apps().patchNamespacedDeploymentScale(
      { name: WORKER, namespace, body: { spec: { replicas } } },
      MERGE_PATCH,
    );

  it.runIf(helm !== null)(
    'install, upgrade (changed values), rollback, uninstall; the migrate hook Job; autoscaled replicas kept',
    async () => {
      const install = await run(
        'install',
        'kiago',
        'helm/kiago',
        '-n',
        namespace,
        '-f',
        PROD_VALUES,
        '--timeout',
        '90s',
      );
      expect(install.stderr).toBe('');
      expect(install.status).toBe(0);
      const [firstHook] = await migrateJobs();
      expect(firstHook).toMatchObject({ name: 'kiago-migrate', hook: 'pre-install,pre-upgrade' });
      expect(await logLevel()).toBe('info');

      await autoscale(3);
      const upgrade = await run(
        'upgrade',
        'kiago',
        'helm/kiago',
        '-n',
        namespace,
        '-f',
        PROD_VALUES,
        '--set',
        'logLevel=debug',
        '--timeout',
        '90s',
      );
      expect(upgrade.status, upgrade.stderr).toBe(0);
      expect(await logLevel()).toBe('debug');
      expect(await workerReplicas()).toBe(3);
      // before-hook-creation: the upgrade's hook replaced the install's Job (a new uid, still one Job).
      const afterUpgrade = await migrateJobs();
      expect(afterUpgrade).toHaveLength(1);
      expect(afterUpgrade[0]?.uid).not.toBe(firstHook?.uid);

      const rollback = await run('rollback', 'kiago', '1', '-n', namespace, '--timeout', '90s');
      expect(rollback.status, rollback.stderr).toBe(0);
      expect(await logLevel()).toBe('info');
      expect(await workerReplicas()).toBe(3);
      const history = await run('history', 'kiago', '-n', namespace, '-o', 'json');
      expect((JSON.parse(history.stdout) as { status: string }[]).map((r) => r.status)).toEqual([
        'superseded',
        'superseded',
        'deployed',
      ]);

      const uninstall = await run('uninstall', 'kiago', '-n', namespace, '--wait', '--timeout', '90s');
      expect(uninstall.status, uninstall.stderr).toBe(0);
      expect((await apps().listNamespacedDeployment({ namespace })).items).toEqual([]);
      // Helm does not track hook resources: the last migrate Job (rollback runs no pre-upgrade hook)
      // outlives the release; its ttlSecondsAfterFinished lets the TTL controller remove it a day later.
      const leftover = await migrateJobs();
      expect(leftover.map((job) => job.uid)).toEqual([afterUpgrade[0]?.uid]);
      expect(leftover[0]?.ttlSecondsAfterFinished).toBe(86_400);
    },
  );

  it.runIf(findTool('kustomize') !== null)(
    're-applying the prod overlay server-side keeps the replicas the autoscaler set',
    async () => {
      const overlay = await createRestrictedNamespace(admin, 'reapply');
      const objects = intoNamespace(
        render({ label: 'prod', tool: 'kustomize', args: ['build', 'k8s/overlays/prod'] }),
        overlay,
      );
      expect(await applyServerSide(admin, objects)).toEqual([]);
      await apps().patchNamespacedDeploymentScale(
        { name: WORKER, namespace: overlay, body: { spec: { replicas: 5 } } },
        MERGE_PATCH,
      );
      expect(await applyServerSide(admin, objects)).toEqual([]);
      const scale = await apps().readNamespacedDeploymentScale({ name: WORKER, namespace: overlay });
      expect(scale.spec?.replicas).toBe(5);
    },
  );
});
