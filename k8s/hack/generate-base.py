#!/usr/bin/env python3
"""Regenerates k8s/base from the chart's default rendering:
    helm template jumbo helm/jumbo | python3 k8s/hack/generate-base.py
Helm-only labels and annotations are dropped; objects are grouped per service. Needs PyYAML."""
import collections, os, sys
import yaml
KIND_ORDER = ['ServiceAccount','ConfigMap','Service','Deployment','HorizontalPodAutoscaler','PodDisruptionBudget','NetworkPolicy','ServiceMonitor','PersistentVolumeClaim','Ingress','PrometheusRule']
docs = [d for d in yaml.safe_load_all(sys.stdin) if d]
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'base'))
def clean(o):
    if isinstance(o, dict):
        o.pop('helm.sh/chart', None)
        if o.get('app.kubernetes.io/managed-by') == 'Helm':
            o['app.kubernetes.io/managed-by'] = 'kustomize'
        o.pop('checksum/config', None)
        o.pop('helm.sh/resource-policy', None)
        for v in list(o.values()): clean(v)
        if o.get('annotations') == {}: o.pop('annotations')
    elif isinstance(o, list):
        for v in o: clean(v)
clean(docs)
docs.sort(key=lambda d: KIND_ORDER.index(d['kind']))
groups = collections.OrderedDict()
for d in docs:
    comp = d['metadata'].get('labels', {}).get('app.kubernetes.io/component')
    if d['kind'] == 'PrometheusRule': name = 'monitoring-alerts.yaml'
    elif d['kind'] == 'ConfigMap' and 'dashboard' in d['metadata']['name']: name = 'monitoring-dashboards.yaml'
    elif d['kind'] == 'Ingress': name = 'ingress.yaml'
    elif d['kind'] == 'PersistentVolumeClaim': name = 'maintenance-backups-pvc.yaml'
    else: name = f"{comp}.yaml"
    groups.setdefault(name, []).append(d)
class D(yaml.SafeDumper): pass
def str_rep(dumper, data):
    if '\n' in data: return dumper.represent_scalar('tag:yaml.org,2002:str', data, style='|')
    return dumper.represent_scalar('tag:yaml.org,2002:str', data)
D.add_representer(str, str_rep)
header = "# Plain manifests equal to `helm template jumbo helm/jumbo` with default values (see k8s/README.md).\n"
names = sorted(groups)
for name in names:
    with open(name, 'w') as f:
        f.write(header)
        f.write(yaml.dump_all(groups[name], Dumper=D, sort_keys=False, default_flow_style=False, width=200))
with open('kustomization.yaml', 'w') as f:
    f.write("apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n# ServiceMonitor and PrometheusRule need the Prometheus Operator CRDs (monitoring-*.yaml).\nresources:\n")
    for r in names: f.write(f"  - {r}\n")
