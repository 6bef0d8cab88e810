/**
 * Synthesizes one bench app and prints one JSON line with its measurements. bench.ts runs it
 * in a fresh process per implementation and size, so that peakRssMb belongs to this app alone.
 *
 * Usage: node -r ts-node/register/transpile-only bench/synth-one.ts <GatewayApi|RestApi> <routes>
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_apigateway as apigw, aws_lambda as lambda } from 'aws-cdk-lib';
import { GatewayApi, Integration } from '../src';
import { ALL_RULE_SETS } from '../src/policy/rule-set';
import { checkTemplate } from '../src/policy/validator';

/** Adds an API with `routes` Lambda-proxy routes `GET /r{i}`, all served by `handler`. */
type Build = (stack: Stack, handler: lambda.IFunction, routes: number) => void;

const IMPLS: { [impl: string]: Build | undefined } = {
  GatewayApi: (stack, handler, routes) => gatewayApi(stack, handler, routes, true),
  // The same app without the API's own policy validation at synth: the difference is its cost.
  GatewayApiUnvalidated: (stack, handler, routes) => gatewayApi(stack, handler, routes, false),
  RestApi: (stack, handler, routes) => {
    const api = new apigw.RestApi(stack, 'Api');
    const integration = new apigw.LambdaIntegration(handler);
    for (let i = 0; i < routes; i++) {
      api.root.addResource(`r${i}`).addMethod('GET', integration);
    }
  },
};

function gatewayApi(stack: Stack, handler: lambda.IFunction, routes: number, policyValidation: boolean): void {
  const api = new GatewayApi(stack, 'Api', { policyValidation });
  const integration = Integration.lambda(handler);
  for (let i = 0; i < routes; i++) {
    api.addRoute(`GET /r${i}`, { integration });
  }
}

/** Milliseconds to run every rule of every rule set over the template, once warm. */
function validateMs(template: unknown): number {
  checkTemplate(template, { ruleSets: ALL_RULE_SETS });
  const start = process.hrtime.bigint();
  checkTemplate(template, { ruleSets: ALL_RULE_SETS });
  return Number((process.hrtime.bigint() - start) / 1000n) / 1000;
}

/** The name of the error aws-cdk-lib throws when a stack exceeds CloudFormation's resource limit. */
const TOO_MANY_RESOURCES = 'TooManyResourcesInStack';

function main(): void {
  const [impl, routesArg] = process.argv.slice(2);
  const build = Object.hasOwn(IMPLS, impl) ? IMPLS[impl] : undefined;
  const routes = Number(routesArg);
  if (!build || !Number.isInteger(routes) || routes < 1) {
    throw new Error(`usage: synth-one.ts <${Object.keys(IMPLS).join('|')}> <routes>, got: ${process.argv.slice(2).join(' ')}`);
  }

  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-gateway-api-bench-'));
  const start = process.hrtime.bigint();
  const elapsedMs = () => Number((process.hrtime.bigint() - start) / 1_000_000n);
  const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024 * 10) / 10;
  try {
    const app = new App({
      outdir,
      context: {
        // What `cdk synth` sets by default, minus the CDKMetadata resource (CLI analytics,
        // not part of either implementation), so that only the API is measured.
        'aws:cdk:enable-path-metadata': true,
        'aws:cdk:version-reporting': false,
      },
    });
    const stack = new Stack(app, 'Bench');
    const handler = new lambda.Function(stack, 'Handler', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "ok" });'),
    });
    build(stack, handler, routes);
    const assembly = app.synth();
    const synthMs = elapsedMs();

    const templateFile = assembly.getStackByName(stack.stackName).templateFullPath;
    const template = JSON.parse(fs.readFileSync(templateFile, 'utf8'));
    console.log(JSON.stringify({
      impl,
      routes,
      resources: Object.keys(template.Resources ?? {}).length,
      templateBytes: fs.statSync(templateFile).size,
      synthMs,
      ...(impl.startsWith('GatewayApi') ? { validateMs: validateMs(template) } : {}),
      peakRssMb: peakRssMb(),
    }));
  } catch (e) {
    // RestApi adds several resources per route and passes CloudFormation's limit past ~124 routes:
    // that is a result of the bench, not a failure of it. Anything else is.
    if (impl !== 'RestApi' || !(e instanceof Error) || e.name !== TOO_MANY_RESOURCES) throw e;
    console.log(JSON.stringify({
      impl,
      routes,
      error: e.message.split('\n')[0],
      synthMs: elapsedMs(),
      peakRssMb: peakRssMb(),
    }));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main();
