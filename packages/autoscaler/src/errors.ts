import { KiagoError } from '@kiago/shared';

export interface ScaleTarget {
  namespace: string;
  deployment: string;
}

function describeTarget(target: ScaleTarget): string {
  return `deployments/scale ${JSON.stringify(target.deployment)} in namespace ${JSON.stringify(target.namespace)}`;
}

/** The API server refused (403): the ServiceAccount's Role does not grant this verb on the scale. */
export class ScaleForbiddenError extends KiagoError {
  readonly code = 'AUTOSCALER_FORBIDDEN';
  readonly nonRetryable = false;

  constructor(
    readonly target: ScaleTarget,
    readonly verb: 'get' | 'patch',
    readonly serverMessage: string,
  ) {
    super(
      `forbidden to ${verb} ${describeTarget(target)}: the orchestrator's ServiceAccount needs a Role granting ` +
        `get and patch on deployments/scale (resourceNames: [${target.deployment}]); server said: ${serverMessage}`,
    );
  }
}

/** The gpu-worker Deployment does not exist (404), usually a wrong KIAGO_AUTOSCALER_DEPLOYMENT/NAMESPACE. */
export class ScaleTargetNotFoundError extends KiagoError {
  readonly code = 'AUTOSCALER_TARGET_NOT_FOUND';
  readonly nonRetryable = false;

  constructor(
    readonly target: ScaleTarget,
    readonly serverMessage: string,
  ) {
    super(
      `${describeTarget(target)} not found: check KIAGO_AUTOSCALER_DEPLOYMENT and KIAGO_AUTOSCALER_NAMESPACE; server said: ${serverMessage}`,
    );
  }
}

/** Someone else changed the scale between our read and our patch (409 on the resourceVersion precondition). */
export class ScaleConflictError extends KiagoError {
  readonly code = 'AUTOSCALER_CONFLICT';
  readonly nonRetryable = false;

  constructor(
    readonly target: ScaleTarget,
    readonly serverMessage: string,
  ) {
    super(`conflict patching ${describeTarget(target)}: ${serverMessage}`);
  }
}

/** Any other failing answer from the API server (5xx, 422, 415, …) or no answer at all. */
export class ScaleApiError extends KiagoError {
  readonly code = 'AUTOSCALER_API_ERROR';
  readonly nonRetryable = false;

  constructor(
    readonly target: ScaleTarget,
    readonly httpStatus: number | null,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(
      `${describeTarget(target)}: ${httpStatus === null ? '' : `HTTP ${httpStatus}: `}${message}`,
      options,
    );
  }
}
