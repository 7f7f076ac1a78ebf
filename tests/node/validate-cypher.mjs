// Validates Cypher statements with Neo4j's own Cypher front end (@neo4j-cypher/language-support).
//
// stdin:  {"queries": {"NAME": "MATCH ..."}, "parameters": {"NAME": {"p": null}},
//          "labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//          "versions": ["CYPHER 5", "CYPHER 25"]}
// stdout: {"package": "<version>", "results": {"NAME": {"CYPHER 5": [diagnostic, ...], ...}}}
//   where a diagnostic is {"severity": "error"|"warning"|"information"|"hint", "message", "line", "column"}.
//
// Statements are checked for syntax and semantics against a schema holding the project's labels,
// relationship types and property keys, and the built-in procedures and functions of Neo4j as
// shipped with the package (plug-in procedures such as APOC and GDS are left out, so a statement
// needing a plug-in is reported). Neo4j's semantic analysis takes a few hundred milliseconds a
// statement, so the (statement, version) pairs are shared out among worker threads, one a core.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const PLUGINS = /^(apoc|gds|genai|n10s|semantics)\./;

function builtIns(registry) {
  const scoped = {};
  for (const [version, entries] of Object.entries(registry ?? {})) {
    scoped[version] = Object.fromEntries(Object.entries(entries).filter(([name]) => !PLUGINS.test(name)));
  }
  return scoped;
}

function packageVersion() {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@neo4j-cypher/language-support');
  const root = main.slice(0, main.lastIndexOf('/dist/') + 1);
  return JSON.parse(readFileSync(root + 'package.json', 'utf8')).version;
}

function lint(query, schema) {
  return lintCypherQuery(query, schema).diagnostics.map((d) => ({
    severity: SEVERITY[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}

function schemaFor(input) {
  return {
    labels: input.labels ?? [],
    relationshipTypes: input.relationshipTypes ?? [],
    propertyKeys: input.propertyKeys ?? [],
    procedures: builtIns(testData.mockSchema.procedures),
    functions: builtIns(testData.mockSchema.functions),
  };
}

function check(input, tasks) {
  const base = schemaFor(input);
  return tasks.map(([name, version]) => {
    const schema = { ...base, defaultLanguage: version, parameters: (input.parameters ?? {})[name] ?? {} };
    return [name, version, lint(input.queries[name], schema)];
  });
}

function runWorker(input, tasks) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { input, tasks } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

async function main() {
  const input = JSON.parse(readFileSync(0, 'utf8'));
  const versions = input.versions ?? ['CYPHER 5', 'CYPHER 25'];
  const tasks = Object.keys(input.queries ?? {}).flatMap((name) => versions.map((v) => [name, v]));
  const threads = Math.max(1, Math.min(availableParallelism(), tasks.length, 8));
  const shares = Array.from({ length: threads }, (_, i) => tasks.filter((_, j) => j % threads === i));
  const done = (await Promise.all(shares.map((share) => runWorker(input, share)))).flat();
  const results = {};
  for (const [name, version, found] of done) {
    (results[name] ??= {})[version] = found;
  }
  process.stdout.write(JSON.stringify({ package: packageVersion(), results }) + '\n');
}

if (isMainThread) {
  await main();
} else {
  parentPort.postMessage(check(workerData.input, workerData.tasks));
}
