// Validates what users apply: the kustomize output of every variant (kubectl kustomize), the Secret template
// and the extras, three ways:
//  1. against the Kubernetes API schemas (and the Prometheus Operator's CRD schemas) with kubernetes-models'
//     validators: types, formats, enums, required fields;
//  2. strictly, with TypeScript's excess-property checks against the same models' types: a misspelt or
//     misplaced field fails (the API server rejects those under kubectl's default strict field validation,
//     while a JSON schema without additionalProperties would let them through);
//  3. across objects: selectors, ports (public and management), names, probes, the drain timing, and the
//     monitoring copies.
// Usage: npm ci && node validate.mjs (KUBECTL=/path/to/kubectl to pick the binary).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parse, parseAllDocuments } from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const kube = path.resolve(here, "..");
const kubectl = process.env.KUBECTL || "kubectl";
let passed = 0;
let failed = 0;

function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "PASS" : "FAIL"}  ${name}${detail ? `  ${detail}` : ""}`);
}

function kustomize(dir) {
  const out = execFileSync(kubectl, ["kustomize", path.join(kube, dir)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return parseAllDocuments(out).map((doc) => doc.toJS()).filter(Boolean);
}

function file(relative) {
  return parseAllDocuments(readFileSync(path.join(kube, relative), "utf8")).map((doc) => doc.toJS()).filter(Boolean);
}

/** The kubernetes-models module that holds a kind, by apiVersion. */
function modelModule({ apiVersion, kind }) {
  if (apiVersion === "v1") return `kubernetes-models/v1/${kind}`;
  if (apiVersion.startsWith("monitoring.coreos.com/")) return `@kubernetes-models/prometheus-operator/${apiVersion}/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

const sets = {
  default: kustomize("."),
  jvm: kustomize("jvm"),
  native: kustomize("native"),
  monitoring: kustomize("monitoring"),
  "base/secret.template.yaml": file("base/secret.template.yaml"),
  "extras/hpa-active-calls.yaml": file("extras/hpa-active-calls.yaml"),
  "extras/postgres.yaml": file("extras/postgres.yaml"),
};

// 1. Schemas.
for (const [set, docs] of Object.entries(sets)) {
  for (const doc of docs) {
    const name = `schema ${set}: ${doc.kind}/${doc.metadata?.name}`;
    try {
      const Model = (await import(modelModule(doc)))[doc.kind];
      new Model(doc).validate();
      check(name, true);
    } catch (error) {
      check(name, false, error.message);
    }
  }
}

// The schema check is not a no-op: a port given as a name where a number belongs must fail.
try {
  const { Deployment } = await import("kubernetes-models/apps/v1/Deployment");
  const wrong = structuredClone(sets.jvm.find((d) => d.kind === "Deployment"));
  wrong.spec.template.spec.containers[0].ports[0].containerPort = "http";
  new Deployment(wrong).validate();
  check("schema self-test: a string containerPort is rejected", false);
} catch (error) {
  check("schema self-test: a string containerPort is rejected", /containerPort/.test(error.message), error.message);
}

// 2. Strict fields: every object becomes a typed constant; TypeScript reports any property the type lacks.
function strictCheck(entries) {
  const imports = new Map();
  const lines = [];
  entries.forEach(({ label, doc }, index) => {
    const module = modelModule(doc);
    if (!imports.has(module)) imports.set(module, `T${imports.size}`);
    lines.push(`// ${label}\nexport const doc${index}: ${imports.get(module)} = ${JSON.stringify(doc, null, 2)};`);
  });
  const source = [...imports].map(([module, alias]) => {
    const kind = module.split("/").pop();
    return `import type { I${kind} as ${alias} } from "${module}";`;
  }).join("\n") + "\n" + lines.join("\n");
  mkdirSync(path.join(here, "generated"), { recursive: true });
  const target = path.join(here, "generated", "manifests.ts");
  writeFileSync(target, source);
  const program = ts.createProgram([target], {
    noEmit: true, strict: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
  });
  const problems = new Map();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ");
    const text = diagnostic.file ? diagnostic.file.text.slice(0, diagnostic.start) : "";
    const index = Number((text.match(/export const doc(\d+)/g) || ["export const doc-1"]).pop().replace("export const doc", ""));
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1 : 0;
    if (!problems.has(index)) problems.set(index, []);
    problems.get(index).push(`line ${line}: ${message}`);
  }
  return problems;
}

const entries = Object.entries(sets).flatMap(([set, docs]) =>
  docs.map((doc) => ({ label: `${set}: ${doc.kind}/${doc.metadata?.name}`, doc })));
// A deliberately broken copy proves the check is strict: it must be the only one reported.
const broken = structuredClone(sets.jvm.find((d) => d.kind === "Deployment"));
broken.spec.template.spec.containers[0].livenessProbes = broken.spec.template.spec.containers[0].livenessProbe;
entries.push({ label: "self-test: Deployment with a misspelt field", doc: broken });
const problems = strictCheck(entries);
entries.forEach(({ label }, index) => {
  if (label.startsWith("self-test")) {
    check(`strict ${label} is rejected`, (problems.get(index) || []).some((p) => p.includes("livenessProbes")));
  } else {
    check(`strict ${label}`, !problems.has(index), (problems.get(index) || []).join("; "));
  }
});
if (problems.has(-1)) check("strict check compiles", false, problems.get(-1).join("; "));

// 3. Cross-references, per workload variant.
const byKind = (docs, kind) => docs.filter((d) => d.kind === kind);
const one = (docs, kind) => byKind(docs, kind)[0];
const subset = (selector, labels) => Object.entries(selector || {}).every(([k, v]) => labels?.[k] === v);
const seconds = (duration) => {
  const m = /^(\d+)(ms|s|m|h)$/.exec(duration);
  return m ? Number(m[1]) * { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2]] : NaN;
};

check("kubernetes/ builds the JVM variant", JSON.stringify(sets.default) === JSON.stringify(sets.jvm));
for (const variant of ["jvm", "native"]) {
  const docs = sets[variant];
  const deployment = one(docs, "Deployment");
  const pod = deployment.spec.template;
  const container = pod.spec.containers[0];
  const config = one(docs, "ConfigMap").data;
  const service = one(docs, "Service");
  const v = (what) => `${variant}: ${what}`;
  check(v("every kind present"), ["ConfigMap", "Deployment", "Service", "Ingress", "PersistentVolumeClaim",
    "HorizontalPodAutoscaler", "PodDisruptionBudget"].every((k) => byKind(docs, k).length === 1));
  check(v("Deployment selects its pods"), subset(deployment.spec.selector.matchLabels, pod.metadata.labels));
  check(v("Service selects the pods"), subset(service.spec.selector, pod.metadata.labels));
  check(v("PodDisruptionBudget selects the pods"), subset(one(docs, "PodDisruptionBudget").spec.selector.matchLabels, pod.metadata.labels));
  check(v("HPA scales the Deployment"), one(docs, "HorizontalPodAutoscaler").spec.scaleTargetRef.name === deployment.metadata.name);
  const portNames = container.ports.map((p) => p.name);
  const containerPort = (name) => container.ports.find((p) => p.name === name)?.containerPort;
  check(v("Service targets the container's ports"), service.spec.ports.every((p) => portNames.includes(p.targetPort)));
  check(v("container port http is PORT"), containerPort("http") === Number(config.PORT));
  check(v("container port management is MANAGEMENT_PORT, not PORT"),
    containerPort("management") === Number(config.MANAGEMENT_PORT) && config.MANAGEMENT_PORT !== config.PORT);
  check(v("Service exposes the management port under its own name"),
    service.spec.ports.some((p) => p.name === "management" && p.targetPort === "management"));
  const probes = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };
  for (const [probe, probePath] of Object.entries(probes)) {
    check(v(`${probe} on ${probePath}, management port`), container[probe]?.httpGet?.path === probePath
      && container[probe].httpGet.port === "management");
  }
  const ingress = one(docs, "Ingress");
  const paths = ingress.spec.rules.flatMap((r) => r.http.paths);
  check(v("Ingress routes /voice, /voice/stream, /generate-voice to the Service"),
    ["/voice", "/voice/stream", "/generate-voice"].every((p) => paths.some((x) => x.path === p))
    && paths.every((x) => x.backend.service.name === service.metadata.name
      && service.spec.ports.some((p) => p.name === x.backend.service.port.name)));
  check(v("Ingress exposes no /q endpoint"), paths.every((x) => !x.path.startsWith("/q")));
  check(v("Ingress routes only to the Service port that targets http, never management"), paths.every((x) =>
    service.spec.ports.find((p) => p.name === x.backend.service.port.name)?.targetPort === "http"));
  const timeout = Math.min(...["proxy-read-timeout", "proxy-send-timeout"].map((a) => Number(ingress.metadata.annotations[`nginx.ingress.kubernetes.io/${a}`])));
  check(v(`Ingress timeouts (${timeout} s) outlast the longest call (${config.MAX_CALL_DURATION})`), timeout > seconds(config.MAX_CALL_DURATION));
  check(v("Ingress host is PUBLIC_BASE_URL's"), `https://${ingress.spec.rules[0].host}` === config.PUBLIC_BASE_URL);
  const preStop = Number(container.lifecycle.preStop.exec.command[1]);
  const needed = preStop + seconds(config.DRAIN_TIMEOUT) + 11 + seconds(config.SUMMARY_TIMEOUT ?? "5s") + 10;
  check(v(`terminationGracePeriodSeconds ${pod.spec.terminationGracePeriodSeconds} >= preStop + DRAIN_TIMEOUT + goodbye + summary + flush (${needed})`),
    pod.spec.terminationGracePeriodSeconds >= needed);
  check(v("non-root, read-only root filesystem, no privilege escalation"), pod.spec.securityContext.runAsNonRoot === true
    && container.securityContext.readOnlyRootFilesystem === true && container.securityContext.allowPrivilegeEscalation === false);
  const mounts = Object.fromEntries(container.volumeMounts.map((m) => [m.mountPath, m.name]));
  const volumes = Object.fromEntries(pod.spec.volumes.map((x) => [x.name, x]));
  check(v("LOG_DIR is the transcripts claim"), volumes[mounts[config.LOG_DIR]]?.persistentVolumeClaim?.claimName
    === one(docs, "PersistentVolumeClaim").metadata.name);
  check(v("/tmp is writable"), Boolean(volumes[mounts["/tmp"]]?.emptyDir));
  check(v("env comes from the ConfigMap and the template's Secret"),
    container.envFrom.some((e) => e.configMapRef?.name === one(docs, "ConfigMap").metadata.name)
    && container.envFrom.some((e) => e.secretRef?.name === sets["base/secret.template.yaml"][0].metadata.name));
  const r = container.resources;
  check(v(`requests and limits set (${JSON.stringify(r)})`), Boolean(r.requests?.cpu && r.requests?.memory && r.limits?.cpu && r.limits?.memory));
  check(v(`image ${container.image}`), container.image.endsWith(`:${variant}`));
  check(v("scrape annotations point at the metrics on MANAGEMENT_PORT"), pod.metadata.annotations["prometheus.io/path"] === "/q/metrics"
    && pod.metadata.annotations["prometheus.io/port"] === config.MANAGEMENT_PORT);
}

const monitor = one(sets.monitoring, "ServiceMonitor");
const service = one(sets.jvm, "Service");
check("ServiceMonitor selects the Service", subset(monitor.spec.selector.matchLabels, service.metadata.labels));
check("ServiceMonitor scrapes /q/metrics on the Service's management port",
  monitor.spec.endpoints.every((e) => e.path === "/q/metrics"
    && service.spec.ports.find((p) => p.name === e.port)?.targetPort === "management"));
const canonical = (value) => JSON.stringify(value, (key, v) => (v && typeof v === "object" && !Array.isArray(v)
  ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
const rules = parse(readFileSync(path.join(kube, "monitoring/alert-rules.yaml"), "utf8"));
check("PrometheusRule carries exactly alert-rules.yaml's groups",
  canonical(one(sets.monitoring, "PrometheusRule").spec.groups) === canonical(rules.groups));
const dashboard = one(sets.monitoring, "ConfigMap");
check("dashboard ConfigMap carries grafana-dashboard.json for Grafana's sidecar",
  dashboard.data["grafana-dashboard.json"] === readFileSync(path.join(kube, "monitoring/grafana-dashboard.json"), "utf8")
  && dashboard.metadata.labels.grafana_dashboard === "1");

console.log(`kubernetes: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
