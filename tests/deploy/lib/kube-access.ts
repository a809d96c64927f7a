import { AuthorizationV1Api, type KubeConfig } from '@kubernetes/client-node';
import { rawRequest } from './kube-raw-request.ts';

/** One API request a workload might make, as both an HTTP call and an authorization question. */
export interface KubeAction {
  verb: 'get' | 'list' | 'create' | 'update' | 'patch' | 'delete';
  group: '' | 'apps' | 'batch' | 'rbac.authorization.k8s.io';
  resource: string;
  subresource?: string;
  name?: string;
  namespace: string;
}

const VERSION: Record<KubeAction['group'], string> = {
  '': '/api/v1',
  apps: '/apis/apps/v1',
  batch: '/apis/batch/v1',
  'rbac.authorization.k8s.io': '/apis/rbac.authorization.k8s.io/v1',
};
const METHOD = { get: 'GET', list: 'GET', create: 'POST', update: 'PUT', patch: 'PATCH', delete: 'DELETE' };

export function describeAction(a: KubeAction): string {
  const resource = `${a.resource}${a.subresource ? `/${a.subresource}` : ''}`;
  return `${a.verb} ${a.group || 'core'}/${resource}${a.name ? ` ${a.name}` : ''} in ${a.namespace}`;
}

function pathOf(a: KubeAction): string {
  const collection = `${VERSION[a.group]}/namespaces/${a.namespace}/${a.resource}`;
  if (a.verb === 'list' || (a.verb === 'create' && !a.subresource)) return collection;
  return `${collection}/${a.name}${a.subresource ? `/${a.subresource}` : ''}`;
}

/** The HTTP status the API server answers when `kubeConfig`'s user performs the action. */
export async function httpStatusOf(
  kubeConfig: KubeConfig,
  action: KubeAction,
  body: unknown = {},
): Promise<number> {
  const method = METHOD[action.verb];
  const contentType = action.verb === 'patch' ? 'application/merge-patch+json' : 'application/json';
  const payload = ['GET', 'DELETE'].includes(method) ? undefined : { json: body, contentType };
  return (await rawRequest(kubeConfig, method, pathOf(action), payload)).status;
}

/** What SubjectAccessReview says about `user` (with its groups) performing the action. */
export async function reviewAllows(
  admin: KubeConfig,
  user: { name: string; groups: string[] },
  action: KubeAction,
): Promise<boolean> {
  const review = await admin.makeApiClient(AuthorizationV1Api).createSubjectAccessReview({
    body: {
      spec: {
        user: user.name,
        groups: user.groups,
        resourceAttributes: {
          namespace: action.namespace,
          verb: action.verb,
          group: action.group,
          resource: action.resource,
          subresource: action.subresource,
          name: action.name,
        },
      },
    },
  });
  return review.status?.allowed === true;
}

/** The ServiceAccount as the API server authenticates it. */
export function serviceAccountUser(namespace: string, name: string) {
  return {
    name: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}
