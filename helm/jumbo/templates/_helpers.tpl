{{/* Prefix of every resource: the release name unless fullnameOverride is set. */}}
{{- define "jumbo.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "jumbo.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Name of one service's resources. Call with (dict "root" $ "svc" $svc). */}}
{{- define "jumbo.serviceName" -}}
{{- printf "%s-%s" (include "jumbo.fullname" .root) .svc.name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "jumbo.labels" -}}
helm.sh/chart: {{ include "jumbo.chart" . }}
app.kubernetes.io/name: {{ default .Chart.Name .Values.nameOverride }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: jumbo
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one service. Call with (dict "root" $ "svc" $svc). */}}
{{- define "jumbo.selectorLabels" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .svc.name }}
{{- end -}}

{{- define "jumbo.serviceLabels" -}}
{{ include "jumbo.labels" .root }}
app.kubernetes.io/component: {{ .svc.name }}
{{- end -}}

{{/* Full image reference of one service. */}}
{{- define "jumbo.image" -}}
{{- $repo := .svc.image.repository | default (printf "%s/%s" .root.Values.image.repositoryPrefix .svc.name) -}}
{{- $tag := .svc.image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- if .root.Values.image.registry -}}
{{- printf "%s/%s:%s" .root.Values.image.registry $repo $tag -}}
{{- else -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* In-cluster URL of a service by its values key (auth, chat, memory, maintenance). */}}
{{- define "jumbo.serviceUrl" -}}
{{- $svc := index .root.Values.services .key -}}
{{- printf "http://%s:%v" (include "jumbo.serviceName" (dict "root" .root "svc" $svc)) $svc.port -}}
{{- end -}}

{{/* Pod selector of a service by its values key, for NetworkPolicy peers. */}}
{{- define "jumbo.peer" -}}
- podSelector:
    matchLabels:
      {{- include "jumbo.selectorLabels" (dict "root" .root "svc" (index .root.Values.services .key)) | nindent 6 }}
{{- end -}}
