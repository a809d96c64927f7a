import { AppsV1Api, KubeConfig } from '@kubernetes/client-node';

/** The Kubernetes API clients this service uses; the autoscaler needs only `apps`. */
export interface K8sApi {
  kubeConfig: KubeConfig;
  apps: AppsV1Api;
}

/**
 * The one place that builds Kubernetes clients. Without an explicit KubeConfig it loads the default
 * chain: $KUBECONFIG, ~/.kube/config, then the in-cluster ServiceAccount token and CA.
 */
export function createK8sApi(options: { kubeConfig?: KubeConfig } = {}): K8sApi {
  const kubeConfig = options.kubeConfig ?? defaultKubeConfig();
  return { kubeConfig, apps: kubeConfig.makeApiClient(AppsV1Api) };
}

function defaultKubeConfig(): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromDefault();
  return kubeConfig;
}
