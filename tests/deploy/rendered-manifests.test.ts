import { DEFAULT_PLAN_THROUGHPUT, parseCampaignPlanSettings } from '@kiago/orchestration';
import { DEFAULT_CAMPAIGN_LIMITS, parseCampaignLimits } from '@kiago/shared';
import { expect, it } from 'vitest';
import { deployViolations } from './lib/deploy-invariants.ts';
import { describeWithTools, findTool } from './lib/deploy-tools.ts';
import { asRecord, at, type K8sObject, objectId } from './lib/k8s-object.ts';
import { rbacViolations } from './lib/rbac-invariants.ts';
import {
  HELM_CHART,
  HELM_SET_VARIANTS,
  helmSetTarget,
  render,
  renderTargets,
  renderWith,
} from './lib/render.ts';
import { podSecurityViolations } from './lib/security-invariants.ts';
import { byComponent, envValue } from './lib/workloads.ts';

const tools = { helm: findTool('helm'), kustomize: findTool('kustomize') };

function kustomize(overlay: string): K8sObject[] {
  return renderWith(tools.kustomize ?? '', ['build', `k8s/overlays/${overlay}`], overlay);
}

function helm(release: string, ...valuesFiles: string[]): K8sObject[] {
  const args = [
    'template',
    release,
    HELM_CHART,
    '--namespace',
    'kiago',
    ...valuesFiles.flatMap((f) => ['-f', f]),
  ];
  return renderWith(tools.helm ?? '', args, `helm ${release}`);
}

const ids = (objects: K8sObject[]) => objects.map(objectId).sort();

describeWithTools(['helm', 'kustomize'], 'rendered manifests (kustomize and helm)', () => {
  it.each(renderTargets().map((t) => [t.label, t] as const))(
    '%s: no invariant violations (the server checks schema and Pod Security: server-apply.test.ts)',
    (_, target) => {
      const objects = render(target);
      expect(objects.length).toBeGreaterThan(10);
      expect([
        ...podSecurityViolations(objects),
        ...rbacViolations(objects),
        ...deployViolations(objects),
      ]).toEqual([]);
    },
  );

  it('helm renders the same objects as kustomize for each environment', () => {
    expect(ids(helm('kiago', 'helm/kiago/examples/prod.yaml'))).toEqual(ids(kustomize('prod')));
    expect(ids(helm('kiago', 'helm/kiago/examples/prod-keda.yaml'))).toEqual(ids(kustomize('prod-keda')));
    // The dev overlay also creates the models volume, which a chart leaves to the cluster operator.
    const helmDev = ids(helm('kiago', 'helm/kiago/examples/dev.yaml'));
    expect(ids(kustomize('dev')).filter((id) => !helmDev.includes(id))).toEqual([
      'PersistentVolumeClaim/kiago-models',
    ]);
    expect(helmDev.filter((id) => !ids(kustomize('dev')).includes(id))).toEqual([]);
  });

  it('grants the autoscaler get/patch on the gpu-worker scale and nothing else', () => {
    for (const objects of [kustomize('prod'), helm('kiago', 'helm/kiago/examples/prod.yaml')]) {
      const roles = objects.filter((o) => o.kind === 'Role');
      expect(roles.map((r) => r.rules)).toEqual([
        [
          {
            apiGroups: ['apps'],
            resources: ['deployments/scale'],
            resourceNames: ['kiago-gpu-worker'],
            verbs: ['get', 'patch'],
          },
        ],
      ]);
      expect(envValue(byComponent(objects, 'orchestrator')?.containers[0], 'KIAGO_AUTOSCALER_ENABLED')).toBe(
        'true',
      );
    }
    for (const objects of [
      kustomize('dev'),
      kustomize('prod-keda'),
      helm('kiago', 'helm/kiago/examples/dev.yaml'),
    ]) {
      expect(objects.filter((o) => o.kind === 'Role' || o.kind === 'RoleBinding')).toEqual([]);
    }
  });

  it('gives the GPU worker one slot per GPU, on the GPU pool only in prod', () => {
    const keda = helm('kiago', 'helm/kiago/examples/prod-keda.yaml');
    const worker = byComponent(keda, 'gpu-worker')?.containers[0];
    expect(worker?.resources?.limits?.['nvidia.com/gpu']).toBe('2');
    expect(envValue(worker, 'KIAGO_GPU_SLOTS')).toBe('2');
    const scaledObject = keda.find((o) => o.kind === 'ScaledObject');
    expect(at(scaledObject, 'spec', 'triggers', 0, 'metadata', 'targetQueueSize')).toBe('2');
    expect(at(scaledObject, 'spec', 'triggers', 0, 'authenticationRef', 'name')).toBe('kiago-temporal-tls');

    for (const dev of [kustomize('dev'), helm('kiago', 'helm/kiago/examples/dev.yaml')]) {
      const workload = byComponent(dev, 'gpu-worker');
      expect(workload?.containers[0]?.resources?.limits).not.toHaveProperty('nvidia.com/gpu');
      expect(workload?.podSpec.nodeSelector).toBeUndefined();
      expect(envValue(workload?.containers[0], 'KIAGO_TF_BACKEND')).toBe('node');
      expect(at(workload?.object, 'spec', 'replicas')).toBe(1);
    }
  });

  it.each(HELM_SET_VARIANTS.map((sets) => [sets]))('renders clean with --set %j', (sets) => {
    const objects = render(helmSetTarget(sets));
    expect([
      ...podSecurityViolations(objects),
      ...rbacViolations(objects),
      ...deployViolations(objects),
    ]).toEqual([]);
  });

  it('sets the campaign limits in the config, and they parse with the limits the launch applies', () => {
    const configOf = (objects: K8sObject[]) =>
      asRecord(
        at(
          objects.find((o) => o.kind === 'ConfigMap'),
          'data',
        ),
      ) as Record<string, string>;
    const limitVars = (data: Record<string, string>) =>
      Object.fromEntries(Object.entries(data).filter(([key]) => key.startsWith('KIAGO_MAX_')));
    const fromHelm = limitVars(configOf(helm('kiago', 'helm/kiago/examples/prod.yaml')));
    expect(fromHelm).toEqual(limitVars(configOf(kustomize('prod'))));
    expect(parseCampaignLimits(fromHelm)).toEqual(DEFAULT_CAMPAIGN_LIMITS);
    // The processes default to loopback; in a pod the probes and the Service reach the pod IP.
    for (const data of [configOf(helm('kiago')), configOf(kustomize('prod'))]) {
      expect(data).toMatchObject({ KIAGO_HEALTH_HOST: '0.0.0.0', KIAGO_API_HOST: '0.0.0.0' });
    }
    const args = [
      'template',
      'kiago',
      HELM_CHART,
      '--set',
      'campaignLimits.maxCandidateStepsPerRun=200000000000',
    ];
    const raised = limitVars(configOf(renderWith(tools.helm ?? '', args, 'raised limit')));
    expect(parseCampaignLimits(raised).maxCandidateStepsPerRun).toBe(200_000_000_000);
  });

  it('sets the cost preview in the config: the recorded throughput unless a deployment measured its own', () => {
    const configOf = (args: string[]) =>
      asRecord(
        at(
          renderWith(tools.helm ?? '', ['template', 'kiago', HELM_CHART, ...args], 'plan settings').find(
            (o) => o.kind === 'ConfigMap',
          ),
          'data',
        ),
      ) as Record<string, string>;
    const defaults = parseCampaignPlanSettings(configOf([]));
    expect(defaults).toMatchObject({
      throughput: DEFAULT_PLAN_THROUGHPUT,
      confirmAboveCandidateSteps: 1_000_000_000,
    });
    const measured = configOf([
      '--set',
      'campaignPlan.candidateStepsPerSecond=48000',
      '--set',
      'campaignPlan.confirmAboveCandidateSteps=20000000000',
    ]);
    expect(parseCampaignPlanSettings(measured)).toMatchObject({
      throughput: { candidateStepsPerSecond: 48_000, source: 'KIAGO_PLAN_CANDIDATE_STEPS_PER_S' },
      confirmAboveCandidateSteps: 20_000_000_000,
    });
  });

  it('prefixes every name with the release and keeps the RBAC on its own gpu-worker', () => {
    const objects = helm('lab');
    expect(ids(objects).every((id) => id.split('/')[1]?.startsWith('lab-kiago-'))).toBe(true);
    const role = objects.find((o) => o.kind === 'Role');
    expect(at(role, 'rules', 0, 'resourceNames')).toEqual(['lab-kiago-gpu-worker']);
    expect(rbacViolations(objects)).toEqual([]);
  });
});
