"""Kubernetes manifests: the overlays build, validate against the API schemas offline, deploy
every service, and keep the hardening, autoscaling and network rules the operations doc promises."""
from __future__ import annotations

import base64
import json
import re
from urllib.parse import urlsplit

import pytest
import yaml
from kubernetes_validate.utils import latest_version

from deploy_helpers import K8S, OVERLAYS, ROOT, run, tool

# The oldest minor we support (native sidecar-free gRPC probes, PDB unhealthyPodEvictionPolicy and
# the preStop `sleep` action are all GA by then) and the newest the installed validator bundles.
KUBERNETES_VERSIONS = sorted({"1.34.0", latest_version()})
WORKLOAD_KINDS = ("Deployment", "StatefulSet")


def of_kind(docs: list[dict], kind: str) -> dict[str, dict]:
    return {doc["metadata"]["name"]: doc for doc in docs if doc["kind"] == kind}


def config_values(docs: list[dict]) -> dict[str, str]:
    maps = [doc for doc in docs if doc["kind"] == "ConfigMap"
            and doc["metadata"]["name"].startswith("zhili-config")]
    assert len(maps) == 1, "exactly one zhili-config ConfigMap expected"
    return maps[0]["data"]


def service_deployments(docs: list[dict]) -> dict[str, dict]:
    """Deployments whose main container runs `python -m services.<svc>`, keyed by <svc>."""
    found = {}
    for deployment in of_kind(docs, "Deployment").values():
        args = deployment["spec"]["template"]["spec"]["containers"][0].get("args", [])
        if len(args) == 3 and args[:2] == ["python", "-m"] and args[2].startswith("services."):
            found[args[2].removeprefix("services.")] = deployment
    return found


# ------------------------------------------------------------------ build and schema validation

@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_overlay_builds_and_validates_strictly(kustomize, overlay, version):
    path, docs = kustomize(f"overlays/{overlay}")
    assert docs, f"{overlay} renders nothing"
    result = run([tool("kubernetes-validate"), "--strict", "--quiet",
                  "--kubernetes-version", version, str(path)])
    assert result.returncode == 0, result.stdout + result.stderr


def test_secrets_example_validates():
    """The example is applied by hand, so it must be a valid manifest too."""
    result = run([tool("kubernetes-validate"), "--strict", "--quiet",
                  "--kubernetes-version", KUBERNETES_VERSIONS[-1],
                  str(K8S / "secrets.example.yaml")])
    assert result.returncode == 0, result.stdout + result.stderr


# ------------------------------------------------------------------ every service is deployed

def test_base_deploys_exactly_the_services_and_the_gateway(kustomize, services):
    _, docs = kustomize("base")
    deployed = service_deployments(docs)
    assert set(deployed) == services, (
        "services/ (folders with __main__.py) and deploy/k8s/base disagree: "
        f"missing {sorted(services - set(deployed))}, unknown {sorted(set(deployed) - services)}")
    files = {path.stem for path in (K8S / "base").glob("*.yaml")} - {"kustomization"}
    assert files == services | {"gateway"}, "one file per workload in deploy/k8s/base"
    gateway = of_kind(docs, "Deployment")["gateway"]
    assert "gateway.asgi:app" in gateway["spec"]["template"]["spec"]["containers"][0]["args"]


def test_each_service_migrates_in_an_init_container_and_has_its_database(kustomize, services):
    _, docs = kustomize("base")
    for name, deployment in service_deployments(docs).items():
        pod = deployment["spec"]["template"]["spec"]
        inits = pod.get("initContainers", [])
        assert [c["args"] for c in inits] == [["python", "-m", f"services.{name}", "migrate"]], name
        for container in [*inits, pod["containers"][0]]:
            env = {e["name"]: e for e in container.get("env", [])}
            ref = env["DATABASE_URL"]["valueFrom"]["secretKeyRef"]
            assert ref == {"name": f"zhili-{name}-db", "key": "DATABASE_URL"}, (name, container["name"])


def test_services_are_reachable_by_name_on_a_grpc_port(kustomize, services):
    _, docs = kustomize("base")
    config = config_values(docs)
    kube_services = of_kind(docs, "Service")
    accounts = of_kind(docs, "ServiceAccount")
    port = int(config["GRPC_PORT"])
    for name in services:
        ports = {p["name"]: p for p in kube_services[name]["spec"]["ports"]}
        assert ports["grpc"]["port"] == port, name
        assert config[f"{name.upper()}_GRPC_ADDR"] == f"{name}:{port}", (
            f"{name.upper()}_GRPC_ADDR missing from deploy/k8s/base/config.env")
        assert accounts[name]["automountServiceAccountToken"] is False, name
    assert "http" in {p["name"] for p in kube_services["gateway"]["spec"]["ports"]}
    assert accounts["gateway"]["automountServiceAccountToken"] is False
    assert config["GRPC_HOST"] == "0.0.0.0", "services must listen on the pod IP, not loopback"


# ------------------------------------------------------------------ hardening, probes, resources

def _check_container(where: str, container: dict, *, main: bool) -> list[str]:
    problems = []
    if main:
        for probe in ("readinessProbe", "livenessProbe"):
            if probe not in container:
                problems.append(f"{where}: no {probe}")
    resources = container.get("resources", {})
    for part in ("requests", "limits"):
        for resource in ("cpu", "memory"):
            if resource not in resources.get(part, {}):
                problems.append(f"{where}: no {part}.{resource}")
    context = container.get("securityContext", {})
    if context.get("allowPrivilegeEscalation") is not False:
        problems.append(f"{where}: allowPrivilegeEscalation must be false")
    if context.get("readOnlyRootFilesystem") is not True:
        problems.append(f"{where}: readOnlyRootFilesystem must be true")
    if context.get("privileged"):
        problems.append(f"{where}: privileged")
    if context.get("capabilities", {}).get("drop") != ["ALL"] or context["capabilities"].get("add"):
        problems.append(f"{where}: capabilities must drop ALL and add none")
    return problems


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_workloads_are_hardened_probed_and_sized(kustomize, overlay):
    _, docs = kustomize(f"overlays/{overlay}")
    workloads = [doc for doc in docs if doc["kind"] in WORKLOAD_KINDS]
    assert of_kind(docs, "Deployment"), "no Deployment rendered"
    problems = []
    for workload in workloads:
        name = f"{workload['kind']}/{workload['metadata']['name']}"
        pod = workload["spec"]["template"]["spec"]
        context = pod.get("securityContext", {})
        if context.get("runAsNonRoot") is not True or not context.get("runAsUser"):
            problems.append(f"{name}: pod must run as a non-root uid")
        if context.get("seccompProfile", {}).get("type") != "RuntimeDefault":
            problems.append(f"{name}: seccompProfile RuntimeDefault")
        if pod.get("automountServiceAccountToken") is not False:
            problems.append(f"{name}: automountServiceAccountToken must be false")
        for container in pod["containers"]:
            problems += _check_container(f"{name}/{container['name']}", container, main=True)
        for container in pod.get("initContainers", []):
            problems += _check_container(f"{name}/init:{container['name']}", container, main=False)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_zhili_pods_get_a_writable_tmp_and_native_grpc_probes(kustomize, overlay, services):
    _, docs = kustomize(f"overlays/{overlay}")
    grpc_port = int(config_values(docs)["GRPC_PORT"])
    deployments = of_kind(docs, "Deployment")
    for name in [*services, "gateway"]:
        pod = deployments[name]["spec"]["template"]["spec"]
        empty_dirs = {v["name"] for v in pod["volumes"] if "emptyDir" in v}
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            assert mounts.get("/tmp") in empty_dirs, f"{name}/{container['name']}: /tmp emptyDir"
    for name in services:
        main = deployments[name]["spec"]["template"]["spec"]["containers"][0]
        for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
            assert main[probe].get("grpc", {}).get("port") == grpc_port, (name, probe)
    gateway = deployments["gateway"]["spec"]["template"]["spec"]
    multiproc = next(e["value"] for e in gateway["containers"][0]["env"]
                     if e["name"] == "PROMETHEUS_MULTIPROC_DIR")
    mounts = {m["mountPath"]: m["name"] for m in gateway["containers"][0]["volumeMounts"]}
    assert mounts.get(multiproc) in {v["name"] for v in gateway["volumes"] if "emptyDir" in v}


def test_only_directory_mounts_the_signing_key(kustomize):
    _, docs = kustomize("overlays/prod")
    for name, workload in of_kind(docs, "Deployment").items():
        volumes = workload["spec"]["template"]["spec"].get("volumes", [])
        secrets = {v["secret"]["secretName"] for v in volumes if "secret" in v}
        assert ("zhili-jwt-signing" in secrets) == (name == "directory"), name


# ------------------------------------------------------------------ prod: scaling and safety

def _selects(selector: dict, labels: dict) -> bool:
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def test_prod_scales_and_protects_every_service_and_the_gateway(kustomize, services):
    _, docs = kustomize("overlays/prod")
    deployments = of_kind(docs, "Deployment")
    hpas = of_kind(docs, "HorizontalPodAutoscaler")
    budgets = list(of_kind(docs, "PodDisruptionBudget").values())
    for name in [*services, "gateway"]:
        hpa = hpas.get(name)
        assert hpa and hpa["apiVersion"] == "autoscaling/v2", f"{name}: no autoscaling/v2 HPA"
        assert hpa["spec"]["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment",
                                                 "name": name}
        assert hpa["spec"]["minReplicas"] >= 2, f"{name}: one replica is a single point of failure"
        assert "replicas" not in deployments[name]["spec"], f"{name}: replicas belong to the HPA"
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert any(_selects(b["spec"]["selector"], labels) for b in budgets), f"{name}: no PDB"


def test_prod_network_policy_denies_by_default(kustomize, services):
    _, docs = kustomize("overlays/prod")
    policies = of_kind(docs, "NetworkPolicy")
    deny = [p for p in policies.values() if p["spec"]["podSelector"] == {}
            and set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"}
            and not p["spec"].get("ingress") and not p["spec"].get("egress")]
    assert deny, "no default-deny (ingress and egress) NetworkPolicy"
    dns = policies["allow-dns-egress"]["spec"]["egress"][0]["ports"]
    assert {(p["protocol"], p["port"]) for p in dns} == {("UDP", 53), ("TCP", 53)}
    # The rules select pods by role; a service without the role label would be cut off.
    deployments = of_kind(docs, "Deployment")
    for name in services:
        labels = deployments[name]["spec"]["template"]["metadata"]["labels"]
        assert labels.get("app.kubernetes.io/component") == "grpc-service", name
    assert {"gateway-from-ingress-controller", "gateway-to-services", "services-grpc-ingress",
            "services-to-nats-and-postgres", "nats-from-services", "nats-cluster-routes",
            "metrics-from-prometheus"} <= set(policies)


def test_prod_runs_a_three_node_jetstream_cluster(kustomize):
    _, docs = kustomize("overlays/prod")
    nats = of_kind(docs, "StatefulSet")["nats"]
    assert nats["spec"]["replicas"] == 3
    assert nats["spec"]["volumeClaimTemplates"], "JetStream needs persistent volumes"
    headless = of_kind(docs, "Service")[nats["spec"]["serviceName"]]
    assert headless["spec"]["clusterIP"] == "None"
    assert any(_selects(b["spec"]["selector"], nats["spec"]["template"]["metadata"]["labels"])
               for b in of_kind(docs, "PodDisruptionBudget").values()), "NATS needs its own PDB"
    conf = next(doc["data"]["nats.conf"] for doc in docs if doc["kind"] == "ConfigMap"
                and doc["metadata"]["name"].startswith("nats-config"))
    jetstream = re.search(r"jetstream\s*\{(.*?)\}", conf, re.S).group(1)
    for key in ("store_dir", "max_file_store", "sync_interval"):
        assert re.search(rf"^\s*{key}:", jetstream, re.M), f"jetstream {{ {key} }} not set"
    assert len(re.findall(r"nats://nats-\d\.", conf)) == 3, "three cluster routes"
    assert config_values(docs)["JETSTREAM_REPLICAS"] == "3"


def test_prod_images_are_pinned(kustomize):
    _, docs = kustomize("overlays/prod")
    for workload in (doc for doc in docs if doc["kind"] in WORKLOAD_KINDS):
        pod = workload["spec"]["template"]["spec"]
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            image = container["image"]
            if "@sha256:" in image:
                continue
            tag = image.rsplit(":", 1)[1] if ":" in image.rsplit("/", 1)[-1] else ""
            assert tag and tag != "latest", f"{workload['metadata']['name']}: {image} is not pinned"
            assert "/" in image or image.split(":")[0] == "nats", f"{image}: name a registry"


def test_prod_ingress_terminates_tls_in_front_of_the_gateway(kustomize):
    _, docs = kustomize("overlays/prod")
    ingress = of_kind(docs, "Ingress")["gateway"]
    assert ingress["spec"]["tls"][0]["secretName"]
    paths = [p["path"] for rule in ingress["spec"]["rules"] for p in rule["http"]["paths"]]
    assert "/api" in paths and "/metrics" not in paths and "/" not in paths


def test_prod_generates_no_secret_and_every_reference_is_documented(kustomize):
    _, docs = kustomize("overlays/prod")
    assert not of_kind(docs, "Secret"), "prod credentials come from outside the repository"
    referenced = set()
    for workload in (doc for doc in docs if doc["kind"] in WORKLOAD_KINDS):
        pod = workload["spec"]["template"]["spec"]
        referenced |= {v["secret"]["secretName"] for v in pod.get("volumes", []) if "secret" in v}
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            referenced |= {e["valueFrom"]["secretKeyRef"]["name"] for e in container.get("env", [])
                           if "secretKeyRef" in e.get("valueFrom", {})}
    referenced |= {tls["secretName"] for ing in of_kind(docs, "Ingress").values()
                   for tls in ing["spec"]["tls"]}
    example = yaml.safe_load_all((K8S / "secrets.example.yaml").read_text(encoding="utf-8"))
    documented = {doc["metadata"]["name"] for doc in example if doc}
    assert referenced <= documented, f"add to secrets.example.yaml: {sorted(referenced - documented)}"


# ------------------------------------------------------------------ dev overlay specifics

def test_dev_creates_a_database_and_credentials_for_every_service(kustomize, services):
    _, docs = kustomize("overlays/dev")
    postgres = of_kind(docs, "StatefulSet")["postgres"]["spec"]["template"]["spec"]["containers"][0]
    databases = next(e["value"] for e in postgres["env"] if e["name"] == "ZHILI_DATABASES").split()
    assert set(databases) == services
    secrets = {doc["metadata"]["name"].rsplit("-", 1)[0]: doc for doc in of_kind(docs, "Secret").values()}
    for name in services:
        url = base64.b64decode(secrets[f"zhili-{name}-db"]["data"]["DATABASE_URL"]).decode()
        parts = urlsplit(url)
        assert (parts.username, parts.path) == (name, f"/{name}"), url
    copy = (K8S / "overlays" / "dev" / "init-databases.sh").read_bytes()
    assert copy == (ROOT / "deploy" / "compose" / "init-databases.sh").read_bytes(), (
        "deploy/k8s/overlays/dev/init-databases.sh must stay a copy of the compose script "
        "(kustomize cannot read files outside the overlay)")


def test_dev_keys_are_a_matching_pair(kustomize):
    from cryptography.hazmat.primitives.serialization import load_pem_private_key
    from jwt.algorithms import ECAlgorithm

    keys = K8S / "overlays" / "dev" / "dev-keys"
    kid = (keys / "key-id").read_text()
    public = ECAlgorithm.to_jwk(load_pem_private_key((keys / "private.pem").read_bytes(), None)
                                .public_key(), as_dict=True)
    published = {k["kid"]: k for k in json.loads((keys / "jwks.json").read_text())["keys"]}
    assert kid in published and published[kid]["alg"] == "ES256"
    assert (published[kid]["x"], published[kid]["y"]) == (public["x"], public["y"])
