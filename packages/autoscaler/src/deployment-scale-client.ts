import {
  ApiException,
  type AppsV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1Scale,
} from '@kubernetes/client-node';
import {
  ScaleApiError,
  ScaleConflictError,
  ScaleForbiddenError,
  type ScaleTarget,
  ScaleTargetNotFoundError,
} from './errors.js';

export interface DeploymentScale {
  replicas: number;
  /** Sent back with the patch as a precondition, so a concurrent change gives 409 instead of being overwritten. */
  resourceVersion: string | undefined;
}

/** Reads and sets the replicas of exactly one Deployment, through its `scale` subresource only. */
export interface DeploymentScaleClient {
  readonly target: ScaleTarget;
  read(): Promise<DeploymentScale>;
  patchReplicas(replicas: number, resourceVersion: string | undefined): Promise<DeploymentScale>;
}

// The generated client defaults to JSON Patch; a merge body sent under that type is rejected by a real API server.
const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

export function createDeploymentScaleClient(apps: AppsV1Api, target: ScaleTarget): DeploymentScaleClient {
  const params = { name: target.deployment, namespace: target.namespace };
  return {
    target,
    async read() {
      try {
        return toDeploymentScale(await apps.readNamespacedDeploymentScale(params));
      } catch (error) {
        throw toScaleError(error, target, 'get');
      }
    },
    async patchReplicas(replicas, resourceVersion) {
      const body = {
        ...(resourceVersion === undefined ? {} : { metadata: { resourceVersion } }),
        spec: { replicas },
      };
      try {
        return toDeploymentScale(await apps.patchNamespacedDeploymentScale({ ...params, body }, MERGE_PATCH));
      } catch (error) {
        throw toScaleError(error, target, 'patch');
      }
    },
  };
}

function toDeploymentScale(scale: V1Scale): DeploymentScale {
  return { replicas: scale.spec?.replicas ?? 0, resourceVersion: scale.metadata?.resourceVersion };
}

function toScaleError(error: unknown, target: ScaleTarget, verb: 'get' | 'patch'): Error {
  if (!(error instanceof ApiException)) {
    const message = error instanceof Error ? error.message : String(error);
    return new ScaleApiError(target, null, message, { cause: error });
  }
  const message = statusMessage(error.body) ?? `no Status body (${verb})`;
  switch (error.code) {
    case 403:
      return new ScaleForbiddenError(target, verb, message);
    case 404:
      return new ScaleTargetNotFoundError(target, message);
    case 409:
      return new ScaleConflictError(target, message);
    default:
      return new ScaleApiError(target, error.code, message, { cause: error });
  }
}

/** The `message` of a `kind: Status` body; the generated client hands error bodies over as raw text. */
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      return body.length > 0 ? body : undefined;
    }
  }
  if (typeof parsed === 'object' && parsed !== null && 'message' in parsed) {
    const { message } = parsed as { message: unknown };
    if (typeof message === 'string') return message;
  }
  return undefined;
}
