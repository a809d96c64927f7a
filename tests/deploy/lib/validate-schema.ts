import * as clientNode from '@kubernetes/client-node';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Role } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { PersistentVolumeClaim } from 'kubernetes-models/v1/PersistentVolumeClaim';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { type K8sObject, objectId } from './k8s-object.ts';

interface Validatable {
  validate(): void;
}
// `never`: each model's constructor takes its own typed data; rendered YAML is checked at run time instead.
type ModelClass = new (data: never) => Validatable;

// Every kind the manifests may contain. Anything else is an error: a new kind must be added here on purpose.
const MODELS: Record<string, ModelClass> = {
  'v1/ConfigMap': ConfigMap,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
};

/**
 * Validates one object against the Kubernetes OpenAPI schema (types, formats, required fields) with
 * kubernetes-models, then rejects fields the API does not know (typos such as `readOnlyRootFileSystem`
 * would otherwise pass silently) using the field tables of @kubernetes/client-node's models.
 */
export function validateObject(object: K8sObject): string[] {
  const model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!model) return [`${objectId(object)}: no schema for ${object.apiVersion} ${object.kind}`];
  const errors: string[] = [];
  try {
    new model(object as never).validate();
  } catch (error) {
    errors.push(`${objectId(object)}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const typeName = builtInTypeName(object);
  if (typeName !== null) unknownFields(object, typeName, objectId(object), errors);
  return errors;
}

/** `apps/v1` + `Deployment` -> `V1Deployment`; null for custom resources (no client-node model). */
function builtInTypeName(object: K8sObject): string | null {
  if (object.apiVersion.includes('keda.sh')) return null;
  const version = object.apiVersion.split('/').at(-1) ?? '';
  return `${version.charAt(0).toUpperCase()}${version.slice(1)}${object.kind}`;
}

interface AttributeType {
  baseName: string;
  type: string;
}
interface ModelWithAttributes {
  getAttributeTypeMap(): AttributeType[];
}

function modelFor(typeName: string): ModelWithAttributes | undefined {
  const candidate = (clientNode as unknown as Record<string, unknown>)[typeName];
  return typeof candidate === 'function' && 'getAttributeTypeMap' in candidate
    ? (candidate as unknown as ModelWithAttributes)
    : undefined;
}

function unknownFields(value: unknown, typeName: string, path: string, errors: string[]): void {
  if (value === null || value === undefined) return;
  const arrayOf = /^Array<(.+)>$/.exec(typeName);
  if (arrayOf) {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) unknownFields(item, arrayOf[1] ?? '', `${path}[${i}]`, errors);
    }
    return;
  }
  const mapOf = /^\{ \[key: string\]: (.+); \}$/.exec(typeName);
  if (mapOf) {
    if (typeof value === 'object') {
      for (const [key, item] of Object.entries(value))
        unknownFields(item, mapOf[1] ?? '', `${path}.${key}`, errors);
    }
    return;
  }
  const model = modelFor(typeName);
  if (!model || typeof value !== 'object' || Array.isArray(value)) return;
  const fields = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a.type]));
  for (const [key, item] of Object.entries(value)) {
    const fieldType = fields.get(key);
    if (fieldType === undefined) errors.push(`${path}.${key}: unknown field (not in ${typeName})`);
    else unknownFields(item, fieldType, `${path}.${key}`, errors);
  }
}
