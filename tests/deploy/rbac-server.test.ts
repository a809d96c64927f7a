import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';
import { beforeAll, expect, it } from 'vitest';
import { findTool } from './lib/deploy-tools.ts';
import {
  describeAction,
  httpStatusOf,
  type KubeAction,
  reviewAllows,
  serviceAccountUser,
} from './lib/kube-access.ts';
import {
  adminKubeConfig,
  createRestrictedNamespace,
  describeWithControlPlane,
  serviceAccountKubeConfig,
} from './lib/kube-test-cluster.ts';
import { render, renderTargets } from './lib/render.ts';
import { applyServerSide, intoNamespace } from './lib/server-apply.ts';

const WORKER = 'kiago-gpu-worker';
const ORCHESTRATOR_SA = 'kiago-orchestrator';
const helmBuilt = findTool('helm') !== null;

/** Everything the autoscaler must NOT be able to do, next to the two things it must. */
function actions(namespace: string, otherNamespace: string): [KubeAction, boolean][] {
  const scale = { group: 'apps', resource: 'deployments', subresource: 'scale', namespace } as const;
  return [
    [{ ...scale, verb: 'get', name: WORKER }, true],
    [{ ...scale, verb: 'patch', name: WORKER }, true],
    [{ ...scale, verb: 'update', name: WORKER }, false],
    [{ ...scale, verb: 'get', name: 'kiago-screening' }, false],
    [{ ...scale, verb: 'patch', name: 'kiago-screening' }, false],
    [{ ...scale, verb: 'patch', name: 'kiago-orchestrator' }, false],
    [{ ...scale, verb: 'patch', name: WORKER, namespace: otherNamespace }, false],
    [{ verb: 'get', group: 'apps', resource: 'deployments', name: WORKER, namespace }, false],
    [{ verb: 'patch', group: 'apps', resource: 'deployments', name: WORKER, namespace }, false],
    [{ verb: 'delete', group: 'apps', resource: 'deployments', name: WORKER, namespace }, false],
    [{ verb: 'list', group: 'apps', resource: 'deployments', namespace }, false],
    [{ verb: 'create', group: 'apps', resource: 'deployments', namespace }, false],
    [{ verb: 'list', group: 'apps', resource: 'replicasets', namespace }, false],
    [{ verb: 'get', group: '', resource: 'secrets', name: 'kiago-database', namespace }, false],
    [{ verb: 'list', group: '', resource: 'secrets', namespace }, false],
    [{ verb: 'list', group: '', resource: 'pods', namespace }, false],
    [{ verb: 'create', group: '', resource: 'pods', namespace }, false],
    [{ verb: 'get', group: '', resource: 'configmaps', name: 'kiago-config', namespace }, false],
    [
      {
        verb: 'create',
        group: '',
        resource: 'serviceaccounts',
        subresource: 'token',
        name: ORCHESTRATOR_SA,
        namespace,
      },
      false,
    ],
    [{ verb: 'create', group: 'batch', resource: 'jobs', namespace }, false],
    [{ verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'roles', namespace }, false],
    [
      {
        verb: 'patch',
        group: 'rbac.authorization.k8s.io',
        resource: 'roles',
        name: 'kiago-gpu-autoscaler',
        namespace,
      },
      false,
    ],
  ];
}

/** The rules the server grants, minus the self-review rules every authenticated user has. */
async function grantedRules(asUser: KubeConfig, namespace: string) {
  const review = await asUser.makeApiClient(AuthorizationV1Api).createSelfSubjectRulesReview({
    body: { spec: { namespace } },
  });
  return (review.status?.resourceRules ?? []).filter(
    (rule) =>
      !rule.apiGroups?.includes('authorization.k8s.io') && !rule.apiGroups?.includes('authentication.k8s.io'),
  );
}

describeWithControlPlane('RBAC of the chart, answered by the API server', () => {
  let admin: KubeConfig;
  let namespace: string;
  let otherNamespace: string;

  beforeAll(async () => {
    if (!helmBuilt) return;
    admin = adminKubeConfig();
    namespace = await createRestrictedNamespace(admin, 'rbac');
    otherNamespace = await createRestrictedNamespace(admin, 'rbac-other');
    const prod = renderTargets().find((t) => t.label === 'helm -f helm/kiago/examples/prod.yaml');
    if (!prod) throw new Error('no prod render target');
    for (const ns of [namespace, otherNamespace]) {
      expect(await applyServerSide(admin, intoNamespace(render(prod), ns))).toEqual([]);
    }
  });

  it.runIf(helmBuilt)(
    "the autoscaler's ServiceAccount token: get/patch the gpu-worker's scale, 403 on everything else",
    async () => {
      const asAutoscaler = await serviceAccountKubeConfig(admin, namespace, ORCHESTRATOR_SA);
      const answers = [];
      for (const [action, allowed] of actions(namespace, otherNamespace)) {
        const body = action.verb === 'patch' && allowed ? { spec: { replicas: 2 } } : {};
        answers.push([describeAction(action), await httpStatusOf(asAutoscaler, action, body)]);
      }
      expect(answers).toEqual(
        actions(namespace, otherNamespace).map(([a, allowed]) => [describeAction(a), allowed ? 200 : 403]),
      );
    },
  );

  it.runIf(helmBuilt)('SubjectAccessReview gives the same answers', async () => {
    const user = serviceAccountUser(namespace, ORCHESTRATOR_SA);
    const answers = [];
    for (const [action] of actions(namespace, otherNamespace)) {
      answers.push([describeAction(action), await reviewAllows(admin, user, action)]);
    }
    expect(answers).toEqual(
      actions(namespace, otherNamespace).map(([a, allowed]) => [describeAction(a), allowed]),
    );
  });

  it.runIf(helmBuilt)(
    'the orchestrator holds exactly its one rule; every other ServiceAccount holds none',
    async () => {
      const orchestratorRules = await grantedRules(
        await serviceAccountKubeConfig(admin, namespace, ORCHESTRATOR_SA),
        namespace,
      );
      expect(orchestratorRules).toEqual([
        {
          verbs: ['get', 'patch'],
          apiGroups: ['apps'],
          resources: ['deployments/scale'],
          resourceNames: [WORKER],
        },
      ]);
      // kiago-workload runs the gpu-worker and screening; `default` runs the migrate hook Job.
      for (const serviceAccount of ['kiago-workload', 'default']) {
        const rules = await grantedRules(
          await serviceAccountKubeConfig(admin, namespace, serviceAccount),
          namespace,
        );
        expect({ serviceAccount, rules }).toEqual({ serviceAccount, rules: [] });
      }
    },
  );
});
