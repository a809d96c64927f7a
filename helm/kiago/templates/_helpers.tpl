{{/* Release-scoped name prefix: "kiago" for a release named kiago, else "<release>-kiago". */}}
{{- define "kiago.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else if contains "kiago" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-kiago" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels; call with (dict "root" $ "component" "orchestrator"). */}}
{{- define "kiago.labels" -}}
{{ include "kiago.selectorLabels" . }}
app.kubernetes.io/part-of: kiago
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "kiago.selectorLabels" -}}
app.kubernetes.io/name: kiago
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* Image reference; call with (dict "root" $ "image" .Values.orchestrator.image). A digest wins over the tag. */}}
{{- define "kiago.image" -}}
{{- $global := .root.Values.image -}}
{{- $repository := .image.repository -}}
{{- if $global.registry }}{{ $repository = printf "%s/%s" $global.registry $repository }}{{ end -}}
{{- if .image.digest -}}
{{ $repository }}@{{ .image.digest }}
{{- else -}}
{{ $repository }}:{{ $global.tag | default .root.Chart.AppVersion }}{{ .image.tagSuffix | default "" }}
{{- end -}}
{{- end -}}

{{/* Pod-level security: non-root, fixed uid/gid, RuntimeDefault seccomp. Not configurable on purpose. */}}
{{- define "kiago.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "kiago.containerSecurityContext" -}}
allowPrivilegeEscalation: false
privileged: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{- define "kiago.databaseEnv" -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ .Values.database.existingSecret }}
      key: {{ .Values.database.key }}
{{- end -}}

{{/* Probes on the health port every KIAGO process serves; call with (dict "startupFailures" 24 "startupPeriod" 5). */}}
{{- define "kiago.probes" -}}
startupProbe:
  httpGet:
    path: /healthz
    port: health
  periodSeconds: {{ .startupPeriod }}
  failureThreshold: {{ .startupFailures }}
livenessProbe:
  httpGet:
    path: /healthz
    port: health
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet:
    path: /readyz
    port: health
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{/* Mounts shared by the long-running workloads; call with the root context. */}}
{{- define "kiago.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: models
  mountPath: {{ .Values.models.mountPath }}
  readOnly: true
{{- if .Values.temporal.tls.enabled }}
- name: temporal-tls
  mountPath: /etc/kiago/temporal-tls
  readOnly: true
{{- end }}
{{- end -}}

{{/* Volumes; call with (dict "root" $ "tmpSizeLimit" "1Gi"). */}}
{{- define "kiago.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .tmpSizeLimit }}
- name: models
  persistentVolumeClaim:
    claimName: {{ .root.Values.models.existingClaim }}
    readOnly: true
{{- if .root.Values.temporal.tls.enabled }}
- name: temporal-tls
  secret:
    secretName: {{ .root.Values.temporal.tls.existingSecret }}
    defaultMode: 0440
{{- end }}
{{- end -}}

{{/* Cross-field checks JSON Schema cannot express; fails the render with the field named. */}}
{{- define "kiago.validate" -}}
{{- $a := .Values.orchestrator.autoscaler -}}
{{- if gt (int $a.minReplicas) (int $a.maxReplicas) -}}
{{- fail (printf "orchestrator.autoscaler.maxReplicas (%v) must be >= orchestrator.autoscaler.minReplicas (%v)" $a.maxReplicas $a.minReplicas) -}}
{{- end -}}
{{- $s := .Values.screening.autoscaling -}}
{{- if gt (int $s.minReplicas) (int $s.maxReplicas) -}}
{{- fail (printf "screening.autoscaling.maxReplicas (%v) must be >= screening.autoscaling.minReplicas (%v)" $s.maxReplicas $s.minReplicas) -}}
{{- end -}}
{{- $k := .Values.keda -}}
{{- if and $k.enabled (gt (int $k.minReplicas) (int $k.maxReplicas)) -}}
{{- fail (printf "keda.maxReplicas (%v) must be >= keda.minReplicas (%v)" $k.maxReplicas $k.minReplicas) -}}
{{- end -}}
{{- end -}}

{{/* Concurrent shards per gpu-worker pod: one per GPU. */}}
{{- define "kiago.gpuSlots" -}}
{{- if .Values.gpuWorker.gpu.enabled }}{{ .Values.gpuWorker.gpu.perPod }}{{ else }}{{ .Values.gpuWorker.cpuSlots }}{{ end -}}
{{- end -}}
