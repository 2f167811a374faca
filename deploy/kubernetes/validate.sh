#!/usr/bin/env bash
# Checks the Kubernetes manifests of deploy/kubernetes (README.md,
# "Validating the manifests") without a cluster:
#
#   bash deploy/kubernetes/validate.sh [DIR]     the *.yaml in DIR (default: here)
#   bash deploy/kubernetes/validate.sh --self-test
#
# 1. Every file is YAML, every document has apiVersion, kind, metadata.name.
# 2. kubectl, when on PATH. Offline, `kubectl apply --dry-run=client` cannot
#    run at all (it asks the API server for its resource list, and for the
#    OpenAPI schema unless --validate=false), so each document is decoded
#    with `kubectl set env|selector --local -o json` instead: that decodes
#    into kubectl's built-in Go types (a wrong kind, a string for a number, a
#    bad quantity fail), and a field missing from what it prints back was
#    dropped as unknown (a misspelling). A PersistentVolumeClaim is decoded
#    as a StatefulSet's volumeClaimTemplates entry. When a cluster answers,
#    `kubectl apply --dry-run=client -f FILE` runs too (its schema).
#    TIERSIM_K8S_OFFLINE=1 skips the cluster even when one answers;
#    TIERSIM_KUBECTL=none does without kubectl (as on a machine without it).
# 3. What the sharded run needs (python3 and PyYAML): the load Job is
#    Indexed with completions == parallelism == the N of
#    `--shard ${JOB_COMPLETION_INDEX}/N`, runs under sh -c when the shell
#    must expand the index, never retries a failed shard, names a profile
#    the image has with at least N providers, writes one file per index to
#    the results claim; the merge reads those very files from that claim;
#    the claim exists and is ReadWriteMany; serve listens on 0.0.0.0 behind
#    a Service, and every --target (comments too) names that Service's
#    Partner Center port.
#
# Exit 0: valid. 1: a problem, each on a line "FILE: what is wrong".
# 2: usage, or python3 with PyYAML missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

# Debian's interpreter first (it has python3-yaml; a pyenv one may not).
python=""
for p in /usr/bin/python3 "$(command -v python3 || true)"; do
  if [ -n "$p" ] && [ -x "$p" ] && "$p" -c 'import yaml' 2>/dev/null; then
    python=$p
    break
  fi
done
if [ -z "$python" ]; then
  echo "validate.sh: needs python3 with PyYAML (Debian: python3-yaml," \
    "which scripts/setup.sh installs)" >&2
  exit 2
fi

# TIERSIM_KUBECTL: another kubectl, or "none" for the checks without one.
kubectl=${TIERSIM_KUBECTL:-$(command -v kubectl || true)}
[ "$kubectl" = none ] && kubectl=""
cluster=no
if [ -n "$kubectl" ] && [ "${TIERSIM_K8S_OFFLINE:-0}" != 1 ] &&
  "$kubectl" get --raw=/version --request-timeout=5s >/dev/null 2>&1; then
  cluster=yes
fi

# validate DIR: prints the problems, returns 1 when there is one.
validate() {
  "$python" - "$1" "$repo" "${kubectl:-none}" "$cluster" <<'PY'
import fnmatch, json, os, re, shlex, subprocess, sys, tempfile

import yaml

mdir, repo, kubectl, cluster = sys.argv[1:5]
sys.path.insert(0, os.path.join(repo, "tests", "e2e"))
import jsonc  # noqa: E402  (scenario files are JSON with comments)

problems = []


def bad(where, what):
    problems.append(f"{where}: {what}")


def dig(d, *keys):
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


# ---- 1. YAML ----------------------------------------------------------------

class Doc:
    def __init__(self, file, number, count, data, text):
        self.file, self.data, self.text = file, data, text
        self.kind = data.get("kind")
        self.name = dig(data, "metadata", "name")
        self.where = file if count == 1 else f"{file} ({self.kind} {self.name})"


docs = []
raw = {}
files = sorted(f for f in os.listdir(mdir) if f.endswith((".yaml", ".yml")))
if not files:
    bad(mdir, "no *.yaml manifests")
for file in files:
    with open(os.path.join(mdir, file), encoding="utf-8") as f:
        text = f.read()
    raw[file] = text
    try:
        loaded = list(yaml.safe_load_all(text))
    except yaml.YAMLError as e:
        message = " ".join(str(e).split()).replace('"<unicode string>"', file)
        bad(file, "not YAML: " + message)
        continue
    chunks = re.split(r"^---[ \t]*$", text, flags=re.M)
    pairs = [(d, c) for d, c in zip(loaded, chunks) if d is not None]
    if len(chunks) != len(loaded):  # "---" inside a block scalar: no text
        pairs = [(d, None) for d in loaded if d is not None]
    for number, (d, chunk) in enumerate(pairs, 1):
        if not isinstance(d, dict):
            bad(file, f"document {number} is not a mapping")
            continue
        missing = [k for k in ("apiVersion", "kind") if not isinstance(d.get(k), str)]
        if not isinstance(dig(d, "metadata", "name"), str):
            missing.append("metadata.name")
        if missing:
            bad(file, f"document {number} has no {', '.join(missing)}")
            continue
        docs.append(Doc(file, number, len(pairs), d, chunk))


# ---- 2. kubectl ---------------------------------------------------------------

POD_KINDS = {"Pod", "Deployment", "Job", "CronJob", "StatefulSet", "DaemonSet",
             "ReplicaSet", "ReplicationController"}


def run_kubectl(args, text, doc):
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write(text)
    try:
        p = subprocess.run([kubectl, *args, "-f", f.name], capture_output=True,
                           text=True, timeout=120)
    finally:
        os.unlink(f.name)
    return p.returncode, p.stdout, " ".join(p.stderr.replace(f.name, doc.file).split())


def dropped(given, kept, path):
    """Paths of `given` that kubectl's decoding did not keep."""
    if isinstance(given, dict):
        if not isinstance(kept, dict):
            return [path]
        out = []
        for k, v in given.items():
            if v is None or v == [] or v == {}:
                continue  # omitted when printed back, whatever the type
            sub = f"{path}.{k}" if path else str(k)
            if k not in kept:
                out.append(sub)
            else:
                out += dropped(v, kept[k], sub)
        return out
    if isinstance(given, list):
        if not isinstance(kept, list) or len(kept) < len(given):
            return [path]
        out = []
        for i, v in enumerate(given):
            out += dropped(v, kept[i], f"{path}[{i}]")
        return out
    return []


def as_claim_template(text):
    """The PVC's text as the one volumeClaimTemplates entry of a StatefulSet."""
    lines = [l for l in text.splitlines()
             if l.strip() and not l.lstrip().startswith("#")]
    body = "\n".join(("    - " if i == 0 else "      ") + l
                     for i, l in enumerate(lines))
    return ("apiVersion: apps/v1\nkind: StatefulSet\n"
            "metadata: {name: validate}\n"
            "spec:\n  serviceName: validate\n"
            "  selector: {matchLabels: {validate: pvc}}\n"
            "  template:\n    metadata: {labels: {validate: pvc}}\n"
            "    spec: {containers: [{name: c, image: c}]}\n"
            "  volumeClaimTemplates:\n" + body + "\n")


def kubectl_offline(doc):
    if doc.text is None:
        return
    what = f"{doc.kind}/{doc.name}"
    selector = dig(doc.data, "spec", "selector")
    if doc.kind in POD_KINDS:
        rc, out, err = run_kubectl(
            ["set", "env", "--local", "-o", "json", "TIERSIM_VALIDATE=1"],
            doc.text, doc)
        kept = lambda o: o
    elif doc.kind == "Service" and isinstance(selector, dict) and selector:
        pairs = ",".join(f"{k}={v}" for k, v in selector.items())
        rc, out, err = run_kubectl(
            ["set", "selector", "--local", "-o", "json", pairs], doc.text, doc)
        kept = lambda o: o
    elif doc.kind == "PersistentVolumeClaim":
        rc, out, err = run_kubectl(
            ["set", "env", "--local", "-o", "json", "TIERSIM_VALIDATE=1"],
            as_claim_template(doc.text), doc)
        kept = lambda o: o["spec"]["volumeClaimTemplates"][0]
    else:  # decoded, then refused for having no pod template: fine
        rc, out, err = run_kubectl(
            ["set", "env", "--local", "-o", "name", "TIERSIM_VALIDATE=1"],
            doc.text, doc)
        if rc != 0 and "does not have a pod template" not in err:
            bad(doc.where, f"kubectl cannot decode {what}: {err}")
        return
    if rc != 0:
        bad(doc.where, f"kubectl cannot decode {what}: {err}")
        return
    printed = kept(json.loads(out))
    for path in dropped(doc.data, printed, ""):
        bad(doc.where, f"{path} is not a field kubectl knows in {what} "
            "(dropped when decoded: misspelt, or misplaced?)")


if kubectl != "none":
    for doc in docs:
        kubectl_offline(doc)
    if cluster == "yes":
        for file in files:
            rc, _, err = run_kubectl(["apply", "--dry-run=client"], raw[file],
                                     Doc(file, 1, 1, {}, None))
            if rc != 0:
                bad(file, f"kubectl apply --dry-run=client: {err}")


# ---- 3. The sharded run ---------------------------------------------------------

INDEX = r"(?:\$\(JOB_COMPLETION_INDEX\)|\$\{JOB_COMPLETION_INDEX\}|\$JOB_COMPLETION_INDEX\b)"
SHELL_INDEX = r"(?:\$\{JOB_COMPLETION_INDEX\}|\$JOB_COMPLETION_INDEX\b)"
SHELLS = {"sh", "bash", "dash", "ash"}
NO_VALUE = {"--quiet", "--help", "-h"}
SERVE_DEFAULT_PC_PORT = 5080


def pod_spec(d):
    if d.get("kind") == "Pod":
        return d.get("spec") or {}
    if d.get("kind") == "CronJob":
        return dig(d, "spec", "jobTemplate", "spec", "template", "spec") or {}
    return dig(d, "spec", "template", "spec") or {}


class Call:
    """A container's tiersim command line: subcommand, options, positionals."""

    def __init__(self, doc, container):
        self.doc, self.container = doc, container
        command = [str(x) for x in container.get("command") or []]
        args = [str(x) for x in container.get("args") or []]
        line = command + args
        self.shell = (len(line) >= 3 and os.path.basename(line[0]) in SHELLS
                      and line[1] == "-c")
        if self.shell:
            try:
                words = shlex.split(line[2])
            except ValueError as e:
                words = []
                bad(doc.where, f"container {container.get('name')}: "
                    f"the sh -c script does not parse: {e}")
        elif not command:  # the image's ENTRYPOINT is tiersim
            words = ["tiersim"] + args
        else:
            words = line
        self.words = []
        found = False
        for w in words:
            if not found:
                found = os.path.basename(w) == "tiersim"
                continue
            if w in (";", "&&", "||", "|"):
                break
            self.words.append(w)
        self.ran = found
        self.sub = []
        for w in self.words:
            if w not in ("load", "merge", "serve", "run"):
                break
            self.sub.append(w)
        self.options, self.positionals = {}, []
        rest = self.words[len(self.sub):]
        i = 0
        while i < len(rest):
            w = rest[i]
            if w.startswith("--") and "=" in w:
                k, v = w.split("=", 1)
                self.options[k] = v
            elif w.startswith("-") and w not in NO_VALUE and i + 1 < len(rest):
                self.options[w] = rest[i + 1]
                i += 1
            elif w.startswith("-"):
                self.options[w] = ""
            else:
                self.positionals.append(w)
            i += 1
        self.env = {e.get("name"): e.get("value")
                    for e in container.get("env") or [] if isinstance(e, dict)}

    def where(self):
        return f"{self.doc.where}, container {self.container.get('name')}"

    def locate(self, path):
        """(claim, path inside the volume) of `path`; claim None off a PVC."""
        best = None
        for m in self.container.get("volumeMounts") or []:
            mp = str(m.get("mountPath", "")).rstrip("/") or "/"
            if path == mp or path.startswith(mp.rstrip("/") + "/"):
                if best is None or len(mp) > len(best[0]):
                    best = (mp, m)
        if best is None:
            return None, path
        mp, m = best
        inner = path[len(mp):].lstrip("/")
        if m.get("subPath"):
            inner = str(m["subPath"]).strip("/") + "/" + inner
        for v in pod_spec(self.doc.data).get("volumes") or []:
            if v.get("name") == m.get("name"):
                return dig(v, "persistentVolumeClaim", "claimName"), inner
        return None, inner


calls = []
for doc in docs:
    for c in pod_spec(doc.data).get("containers") or []:
        call = Call(doc, c)
        if call.ran:
            calls.append(call)

claims = {d.name: d for d in docs if d.kind == "PersistentVolumeClaim"}
services = [d for d in docs if d.kind == "Service"]
loads = [c for c in calls if c.sub == ["load"]]
merges = [c for c in calls if c.sub == ["load", "merge"]]
serves = [c for c in calls if c.sub == ["serve"]]


def check_claim(call, path, what):
    claim, inner = call.locate(path)
    if claim is None:
        bad(call.where(), f"{what} {path} is not on a PersistentVolumeClaim "
            "mount: it is lost when the pod ends")
    elif claim not in claims:
        known = ", ".join(sorted(claims)) or "none"
        bad(call.where(), f"{what} {path} is on claim {claim}, which no "
            f"manifest here defines (defined: {known})")
    return claim, inner


def check_no_retry(doc, why):
    spec = doc.data.get("spec") or {}
    restart = pod_spec(doc.data).get("restartPolicy")
    if restart != "Never":
        bad(doc.where, f"restartPolicy is {restart}; use Never: {why}")
    if "backoffLimitPerIndex" in spec:
        if spec["backoffLimitPerIndex"] != 0:
            bad(doc.where, f"spec.backoffLimitPerIndex is "
                f"{spec['backoffLimitPerIndex']}; use 0: {why}")
    elif spec.get("backoffLimit") != 0:
        was = spec.get("backoffLimit", "missing (Kubernetes then retries 6 times)")
        bad(doc.where, f"spec.backoffLimit is {was}; use 0: {why}")


shard_files = []  # (claim, inner path) of every shard's --json, all N of them
images = {}
for call in loads:
    doc, spec = call.doc, call.doc.data.get("spec") or {}
    images.setdefault(call.container.get("image"), call.where())
    if doc.kind != "Job":
        bad(call.where(), f"tiersim load runs in a {doc.kind}; run the shards "
            "as an Indexed Job")
        continue
    shard = call.options.get("--shard")
    if shard is None:
        bad(call.where(), "tiersim load has no --shard: every pod would run "
            "the whole population; give --shard ${JOB_COMPLETION_INDEX}/N")
        continue
    m = re.fullmatch(INDEX + r"/(\d+)", shard)
    if not m:
        bad(call.where(), f"--shard is {shard}; expected "
            "${JOB_COMPLETION_INDEX}/N so that pod I runs shard I of N")
        continue
    n = int(m.group(1))
    if re.search(SHELL_INDEX, " ".join(call.words)) and not call.shell:
        bad(call.where(), "${JOB_COMPLETION_INDEX} is shell syntax, but no "
            "shell runs the command: use command: [sh, -c, ...]")
    if spec.get("completionMode") != "Indexed":
        bad(doc.where, f"spec.completionMode is {spec.get('completionMode')}; "
            "use Indexed: JOB_COMPLETION_INDEX numbers the shards")
    for key, why in (("completions", f"the merge would find {spec.get('completions')} "
                      f"of the {n} shards"),
                     ("parallelism", "the shards must run at once, together "
                      "making the profile's load")):
        if spec.get(key) != n:
            bad(doc.where, f"spec.{key} is {spec.get(key)} but the command "
                f"says --shard {shard}: they must agree ({why})")
    check_no_retry(doc, "a shard that fails a threshold exits 1, and a retry "
                   "would hide that and overwrite its results")
    # The profile: in the image at /scenarios (the repository's scenarios/).
    if not call.positionals:
        bad(call.where(), "tiersim load names no profile")
    else:
        profile = call.positionals[0]
        local = None
        if profile.startswith("/scenarios/"):
            local = os.path.join(repo, "scenarios", profile[len("/scenarios/"):])
        if local is None or not os.path.isfile(local):
            bad(call.where(), f"profile {profile} is not in the image (the "
                "Dockerfile copies the repository's scenarios/ to /scenarios)")
        else:
            try:
                providers = (jsonc.load(local).get("population") or {}).get("providers", 1)
            except ValueError as e:
                providers = None
                bad(call.where(), f"profile {profile}: not JSON: {e}")
            if isinstance(providers, int) and n > 1 and providers < n:
                bad(call.where(), f"profile {profile} has population.providers "
                    f"{providers}: it cannot be split into {n} shards (each takes "
                    f"every N-th provider; tiersim load exits 2); use at most "
                    f"{providers} shards or a bigger population")
    out = call.options.get("--json")
    if out is None:
        bad(call.where(), "tiersim load has no --json: there is nothing to merge")
    elif not re.search(INDEX, out):
        bad(call.where(), f"--json {out} does not name the index: every shard "
            "would write the same file")
    else:
        claim, _ = check_claim(call, out, "--json")
        for i in range(n):
            path = re.sub(INDEX, str(i), out)
            shard_files.append((claim, call.locate(path)[1], path))
    junit = call.options.get("--junit")
    if junit is not None:
        if not re.search(INDEX, junit):
            bad(call.where(), f"--junit {junit} does not name the index: "
                "every shard would write the same file")
        else:
            check_claim(call, junit, "--junit")
    transport = call.options.get("--transport", "in-process")
    if transport == "http" and "--target" not in call.options:
        bad(call.where(), "--transport http without --target would start "
            "servers inside each shard's pod: give --target http://SERVICE:PORT")

if not loads:
    bad(mdir, "no Job runs `tiersim load` (the shards)")
if loads and not merges:
    bad(mdir, "no Job runs `tiersim load merge` (the shards' results stay apart)")

for call in merges:
    doc = call.doc
    images.setdefault(call.container.get("image"), call.where())
    check_no_retry(doc, "the merge's exit code is the run's verdict")
    if not call.positionals:
        bad(call.where(), "tiersim load merge names no files")
        continue
    inputs = []
    for pattern in call.positionals:
        if any(ch in pattern for ch in "*?[") and not call.shell:
            bad(call.where(), f"{pattern} is a glob, and no shell expands it: "
                "use command: [sh, -c, ...]")
        inputs.append(check_claim(call, pattern, "input"))
    missed = [path for claim, inner, path in shard_files
              if not any(claim == c and fnmatch.fnmatchcase(inner, p)
                         for c, p in inputs if c is not None)]
    if missed:
        bad(call.where(), f"reads {' '.join(call.positionals)}, which none of "
            f"the shards' results match ({', '.join(missed)}, on claim "
            f"{shard_files[0][0]}): the merge would refuse a missing shard")
    for flag in ("--json", "--junit", "--html"):
        path = call.options.get(flag)
        if path is None:
            continue
        claim, inner = check_claim(call, path, flag)
        if flag == "--json" and any(claim == c and fnmatch.fnmatchcase(inner, p)
                                    for c, p in inputs):
            bad(call.where(), f"--json {path} matches the merge's own inputs: "
                "a second merge would read it as a shard")

if len(images) > 1:
    bad(mdir, "the shards and the merge run different images (" +
        "; ".join(f"{img} in {w}" for img, w in images.items()) +
        "): the merge must read what those shards wrote")

for name, doc in claims.items():
    modes = dig(doc.data, "spec", "accessModes") or []
    if "ReadWriteMany" not in modes:
        bad(doc.where, f"spec.accessModes is {modes}; the shards write from "
            "several pods, maybe on several nodes: use ReadWriteMany")

# serve: reachable, one world, behind a Service.
pc_ports = []  # (service name, service port) reaching serve's Partner Center
for call in serves:
    doc = call.doc
    host = call.options.get("--host", call.env.get("TIERSIM_HOST", "127.0.0.1"))
    if host not in ("0.0.0.0", "::"):
        bad(call.where(), f"tiersim serve listens on {host}"
            + (" (its default)" if "--host" not in call.options else "")
            + ": nothing outside the pod reaches it; give --host=0.0.0.0")
    replicas = dig(doc.data, "spec", "replicas")
    if doc.kind == "Deployment" and replicas not in (None, 1):
        bad(doc.where, f"spec.replicas is {replicas}: each replica is a world of "
            "its own (in memory); use 1")
    port = call.options.get("--partner-center-port",
                            call.env.get("TIERSIM_PARTNER_CENTER_PORT",
                                         SERVE_DEFAULT_PC_PORT))
    try:
        port = int(port)
    except ValueError:
        bad(call.where(), f"--partner-center-port is {port}")
        continue
    named = {p.get("name"): p.get("containerPort")
             for p in call.container.get("ports") or []}
    labels = dig(doc.data, "spec", "template", "metadata", "labels") or \
        dig(doc.data, "metadata", "labels") or {}
    for svc in services:
        selector = dig(svc.data, "spec", "selector") or {}
        if not selector or any(labels.get(k) != v for k, v in selector.items()):
            continue
        for sp in dig(svc.data, "spec", "ports") or []:
            target = sp.get("targetPort", sp.get("port"))
            if named.get(target, target) == port:
                pc_ports.append((svc.name, sp.get("port")))
    if not pc_ports:
        bad(call.where(), f"no Service sends traffic to serve's Partner Center "
            f"port {port} (a Service whose selector matches the pod's labels "
            "and whose targetPort is that port)")

# Every --target, in a comment or not, names that Service's Partner Center.
for file, text in raw.items():
    for target in re.findall(r"--target[= ]+(\S+?)[.,;:)]*(?=\s|$)", text):
        m = re.fullmatch(r"http://([a-z0-9-]+)(?:\.[a-z0-9.-]+)?:(\d+)/?", target)
        if not serves:
            bad(file, f"--target {target}, but no manifest here runs tiersim serve")
        elif not m or (m.group(1), int(m.group(2))) not in pc_ports:
            want = " or ".join(f"http://{s}:{p}" for s, p in pc_ports) or "none"
            bad(file, f"--target {target} is not serve's Partner Center "
                f"through its Service (expected {want})")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
}

summary() {
  local how="offline: kubectl set --local decodes each document"
  [ -n "$kubectl" ] || how="no kubectl on PATH: YAML and the run's own checks only"
  [ "$cluster" = yes ] && how="with a cluster: also kubectl apply --dry-run=client"
  echo "$how"
}

indent() { sed 's/^/        /'; }

self_test() {
  local passed=0 failed=0
  selftest_dir=$(mktemp -d)
  trap 'rm -rf "$selftest_dir"' EXIT
  echo "self-test: validate.sh on copies of $here, each broken once ($(summary))"

  if out=$(validate "$here" 2>&1); then
    echo "ok    the manifests as they are pass"
    passed=$((passed + 1))
  else
    echo "FAIL  the manifests as they are do not pass:"
    indent <<<"$out"
    failed=$((failed + 1))
  fi

  # breaks NAME NEEDS FILE EXPECTED FROM TO [FROM TO ...]: a copy of the
  # manifests with each FROM in FILE replaced by its TO must fail validation
  # with a line containing EXPECTED. NEEDS is "kubectl" or "-".
  breaks() {
    local name=$1 needs=$2 file=$3 expected=$4
    shift 4
    if [ "$needs" = kubectl ] && [ -z "$kubectl" ]; then
      echo "skip  $name (needs kubectl)"
      return
    fi
    local dir="$selftest_dir/$name"
    mkdir -p "$dir"
    cp "$here"/*.yaml "$dir"/
    if ! "$python" - "$dir/$file" "$@" <<'PY'; then
import sys
path, pairs = sys.argv[1], sys.argv[2:]
text = open(path, encoding="utf-8").read()
for a, b in zip(pairs[::2], pairs[1::2]):
    if a not in text:
        sys.exit(f"the text to break is gone from {path}: {a!r}")
    text = text.replace(a, b, 1)
open(path, "w", encoding="utf-8").write(text)
PY
      echo "FAIL  $name: could not break $file (update the self-test)"
      failed=$((failed + 1))
      return
    fi
    local out rc=0
    out=$(validate "$dir" 2>&1) || rc=$?
    if [ "$rc" -eq 0 ]; then
      echo "FAIL  $name: validate.sh passed a broken $file"
      failed=$((failed + 1))
    elif ! grep -qF -- "$expected" <<<"$out"; then
      echo "FAIL  $name: failed, but without \"$expected\":"
      indent <<<"$out"
      failed=$((failed + 1))
    else
      echo "ok    $name: $(grep -F -- "$expected" <<<"$out" | head -1)"
      passed=$((passed + 1))
    fi
  }

  breaks completions-3-of-4 - load-job.yaml "spec.completions is 3" \
    "completions: 4" "completions: 3"
  breaks parallelism-2-of-4 - load-job.yaml "spec.parallelism is 2" \
    "parallelism: 4" "parallelism: 2"
  breaks not-indexed - load-job.yaml "spec.completionMode is NonIndexed" \
    "completionMode: Indexed" "completionMode: NonIndexed"
  breaks retries-a-failed-shard - load-job.yaml "spec.backoffLimit is 6" \
    $'\n  backoffLimit: 0\n' $'\n  backoffLimit: 6\n'
  # shellcheck disable=SC2016  # ${JOB_COMPLETION_INDEX} is text to find
  breaks same-shard-everywhere - load-job.yaml "--shard is 0/4" \
    '--shard ${JOB_COMPLETION_INDEX}/4' '--shard 0/4'
  # shellcheck disable=SC2016
  breaks one-file-for-all-shards - load-job.yaml "does not name the index" \
    '--json /results/shard-${JOB_COMPLETION_INDEX}.json' '--json /results/shard.json'
  breaks index-without-shell - load-job.yaml "no shell runs the command" \
    $'- sh\n            - -c\n            - >-\n              exec tiersim load /scenarios/load/mixed_onboarding_day.json\n              --shard ${JOB_COMPLETION_INDEX}/4\n' \
    $'- tiersim\n            - load\n            - /scenarios/load/mixed_onboarding_day.json\n            - --shard\n            - ${JOB_COMPLETION_INDEX}/4\n            - >-\n'
  breaks too-few-providers - load-job.yaml "population.providers 2" \
    mixed_onboarding_day.json find_the_knee.json
  breaks profile-not-in-image - load-job.yaml "is not in the image" \
    mixed_onboarding_day.json no_such_profile.json
  breaks merge-reads-elsewhere - merge-job.yaml "none of the shards' results match" \
    '/results/shard-*.json' '/results/out-*.json'
  breaks merge-other-claim - merge-job.yaml "claim other-results" \
    "claimName: tiersim-results" "claimName: other-results"
  breaks merged-looks-like-a-shard - merge-job.yaml "a second merge would read it" \
    "--json /results/merged.json" "--json /results/shard-merged.json"
  breaks load-off-the-claim - load-job.yaml "not on a PersistentVolumeClaim" \
    "mountPath: /results" "mountPath: /data"
  breaks claim-read-write-once - results-pvc.yaml "use ReadWriteMany" \
    "- ReadWriteMany" "- ReadWriteOnce"
  breaks serve-on-loopback - serve.yaml "listens on 127.0.0.1" \
    "--host=0.0.0.0" "--host=127.0.0.1"
  breaks serve-two-worlds - serve.yaml "spec.replicas is 2" \
    "replicas: 1" "replicas: 2"
  breaks service-wrong-port - serve.yaml "no Service sends traffic" \
    "targetPort: partner-center" "targetPort: 9999"
  breaks target-wrong-port - load-job.yaml "--target http://tiersim-serve:9999" \
    "http://tiersim-serve:5080" "http://tiersim-serve:9999"
  breaks not-yaml - results-pvc.yaml "not YAML" \
    "  accessModes:" "  accessModes: ["
  breaks misspelt-field kubectl serve.yaml "readinesProbe is not a field" \
    "readinessProbe:" "readinesProbe:"
  breaks misspelt-claim-field kubectl results-pvc.yaml "resourcez is not a field" \
    "  resources:" "  resourcez:"
  breaks not-a-number kubectl serve.yaml "kubectl cannot decode" \
    "containerPort: 5080" "containerPort: five"
  breaks not-a-quantity kubectl results-pvc.yaml "kubectl cannot decode" \
    "storage: 1Gi" "storage: lots"
  breaks unknown-kind kubectl merge-job.yaml "kubectl cannot decode" \
    "kind: Job" "kind: Jobb"

  echo "self-test: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

case "${1:-}" in
  --self-test)
    self_test
    ;;
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'
    ;;
  -*)
    echo "validate.sh: unknown option $1 (--self-test, --help)" >&2
    exit 2
    ;;
  *)
    dir=${1:-$here}
    if validate "$dir"; then
      echo "validate.sh: $dir: every manifest is valid ($(summary))"
    else
      echo "validate.sh: $dir: invalid (above)" >&2
      exit 1
    fi
    ;;
esac
