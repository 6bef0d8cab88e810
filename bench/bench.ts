/**
 * `npm run bench -- --routes 10,100,1000`: for each size, synthesizes an app with that many
 * Lambda-proxy routes once with GatewayApi and once with aws-cdk-lib's RestApi, and prints one
 * JSON line per implementation and size (resources, template bytes, synth time, peak memory).
 * `npm run bench -- --local` measures the local gateway's requests instead (local-gateway.ts).
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

const DEFAULT_ROUTES = [100];
const IMPLS = ['GatewayApi', 'GatewayApiUnvalidated', 'RestApi'];
const ROOT = path.join(__dirname, '..');

/** The route counts from `--routes N`, `--routes=N` or `--routes N1,N2,...`. */
function parseRoutes(args: string[]): number[] {
  const i = args.findIndex(a => a === '--routes' || a.startsWith('--routes='));
  if (i < 0) return DEFAULT_ROUTES;
  const value = args[i].startsWith('--routes=') ? args[i].slice('--routes='.length) : args[i + 1];
  const routes = (value ?? '').split(',').map(Number);
  if (routes.some(n => !Number.isInteger(n) || n < 1)) {
    process.stderr.write(`bench: --routes ${JSON.stringify(value)} is not allowed. Allowed: positive integers separated by commas, e.g. 10,100,1000\n`);
    process.exit(2);
  }
  return routes;
}

/** Runs synth-one.ts in a fresh process, so that its peak memory is its own; returns whether it succeeded. */
function runOne(impl: string, routes: number): boolean {
  const args = ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'synth-one.ts'), impl, String(routes)];
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'), TS_NODE_PREFER_TS_EXTS: 'true' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // The result is the child's JSON line; anything else it prints to stdout goes to stderr,
  // so that stdout stays one JSON line per implementation and size.
  const lines = (child.stdout ?? '').split('\n').filter(line => line.trim() !== '');
  const result = lines.filter(line => line.startsWith('{')).pop();
  lines.filter(line => line !== result).forEach(line => process.stderr.write(`${line}\n`));
  if (child.status !== 0 || result === undefined) {
    const reason = child.error?.message ?? (child.signal ? `signal ${child.signal}` : `exit code ${child.status}`);
    process.stderr.write(`bench: ${impl} with ${routes} routes failed (${reason})\n`);
    return false;
  }
  process.stdout.write(`${result}\n`);
  return true;
}

/** Runs a benchmark script of this folder in a fresh process, its JSON lines to stdout. */
function runScript(script: string, args: string[] = []): boolean {
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join(__dirname, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json'), TS_NODE_PREFER_TS_EXTS: 'true' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child.status === 0;
}

let ok = true;
if (process.argv.includes('--local')) {
  ok = runScript('local-gateway.ts');
  process.exit(ok ? 0 : 1);
}
for (const routes of parseRoutes(process.argv.slice(2))) {
  for (const impl of IMPLS) {
    ok = runOne(impl, routes) && ok;
  }
}
process.exitCode = ok ? 0 : 1;
