#!/usr/bin/env node
// `npm run integ`: synthesizes every integration scenario (test/integ/integ.*.ts) offline and
// compares each template with the committed snapshot (test/integ/integ.<name>.ts.snapshot/, the
// layout integ-runner uses). A template that differs, appears or disappears fails the run;
// `npm run integ -- --update` rewrites the snapshots after a change that is meant.
//
// Why not integ-runner itself: its newest release (2.197.10) reads cloud assemblies up to schema
// 53, and aws-cdk-lib 2.276.0 writes schema 55, so it refuses every snapshot (README, "Tests").
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = path.join(__dirname, '..', 'test', 'integ');
const update = process.argv.includes('--update');
const scenarios = fs.readdirSync(dir).filter(f => /^integ\..+\.ts$/.test(f)).sort();
let failed = 0;

for (const scenario of scenarios) {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-integ-'));
  execFileSync('npx', ['ts-node', '--prefer-ts-exts', '-P', 'tsconfig.dev.json', path.join(dir, scenario)], {
    cwd: path.join(__dirname, '..'),
    env: { ...process.env, CDK_OUTDIR: outdir, TS_NODE_TRANSPILE_ONLY: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const snapshot = path.join(dir, `${scenario}.snapshot`);
  const actual = templates(outdir);
  const expected = fs.existsSync(snapshot) ? templates(snapshot) : {};
  if (update) {
    fs.rmSync(snapshot, { recursive: true, force: true });
    fs.mkdirSync(snapshot);
    for (const [name, template] of Object.entries(actual)) fs.writeFileSync(path.join(snapshot, name), `${JSON.stringify(template, undefined, 1)}\n`);
    console.log(`UPDATED   ${scenario}: ${Object.keys(actual).join(', ')}`);
  } else {
    const problems = compare(expected, actual);
    failed += problems.length > 0 ? 1 : 0;
    console.log(`${problems.length > 0 ? 'CHANGED' : 'UNCHANGED'} ${scenario}${problems.map(p => `\n    ${p}`).join('')}`);
  }
  fs.rmSync(outdir, { recursive: true, force: true });
}

if (failed > 0) {
  console.error(`\n${failed} of ${scenarios.length} snapshots differ; if the change is meant, run \`npm run integ -- --update\` and commit.`);
  process.exit(1);
}
console.log(`\n${scenarios.length} integration snapshots ${update ? 'written' : 'match'}.`);

/** The templates of an assembly or snapshot directory, by file name. */
function templates(from) {
  return Object.fromEntries(fs.readdirSync(from).filter(f => f.endsWith('.template.json')).sort()
    .map(f => [f, JSON.parse(fs.readFileSync(path.join(from, f), 'utf-8'))]));
}

/** What differs: templates added or removed, and resources added, removed or changed. */
function compare(expected, actual) {
  const problems = [];
  for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    if (!expected[name]) { problems.push(`${name}: new template`); continue; }
    if (!actual[name]) { problems.push(`${name}: template no longer synthesized`); continue; }
    if (JSON.stringify(expected[name]) === JSON.stringify(actual[name])) continue;
    const before = expected[name].Resources || {};
    const after = actual[name].Resources || {};
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter(id => JSON.stringify(before[id]) !== JSON.stringify(after[id]))
      .map(id => `${id} ${!before[id] ? 'added' : !after[id] ? 'removed' : 'changed'}`);
    problems.push(`${name}: ${changed.length > 0 ? changed.join(', ') : 'outputs, parameters or metadata changed'}`);
  }
  return problems;
}
