import * as vm from 'vm';
import { AWS_LAMBDA_GLOBAL, isStreaming, runStreaming } from './response-streams';
import { TemplateJson, resolveIntrinsics } from '../template/intrinsics';
import { ResourceNames } from '../template/resource-names';

/**
 * A Lambda function's handler, run in the test's process: an object of the test's (in any jsii
 * language), or a function's inline Node.js code from the template.
 */
export interface ILocalHandler {
  /**
   * Handles one invocation and answers what the function returns (or a promise of it).
   *
   * @param event the event API Gateway sends, e.g. the Lambda proxy event (payload 1.0)
   */
  handle(event: any): any;
}

/** A function of the template the gateway can invoke. */
export interface LocalFunction {
  readonly logicalId: string;
  invoke(event: unknown): Promise<unknown>;
}

/**
 * The functions a template's integrations invoke: the handlers the test maps to a function's
 * logical id or construct path first, else the function's inline Node.js code (`Code.ZipFile`),
 * run with the function's environment variables.
 */
export class LocalFunctions {
  private readonly byLogicalId = new Map<string, LocalFunction>();

  constructor(
    private readonly template: TemplateJson,
    private readonly handlers: { readonly [idOrPath: string]: ILocalHandler },
    private readonly names: ResourceNames,
  ) {}

  /** The function of a logical id; refused, with what to do, when it can run neither way. */
  public get(logicalId: string): LocalFunction {
    let fn = this.byLogicalId.get(logicalId);
    if (!fn) {
      fn = this.resolve(logicalId);
      this.byLogicalId.set(logicalId, fn);
    }
    return fn;
  }

  private resolve(logicalId: string): LocalFunction {
    const resource = this.template.Resources?.[logicalId] as { Type: string; Properties?: any } | undefined;
    const name = Object.keys(this.handlers).find(n => this.names.logicalIdOf(n) === logicalId);
    const handler = name === undefined ? undefined : this.handlers[name];
    if (handler) return { logicalId, invoke: async event => handler.handle(event) };
    const code = resource?.Properties?.Code?.ZipFile;
    const runtime = String(resource?.Properties?.Runtime ?? '');
    if (typeof code === 'string' && runtime.startsWith('nodejs')) {
      const environment = resolveIntrinsics(resource?.Properties?.Environment?.Variables ?? {}, this.template) as { [name: string]: string };
      return inlineFunction(logicalId, code, String(resource?.Properties?.Handler ?? 'index.handler'), environment);
    }
    throw new Error(`LocalGateway: function ${this.names.pathOf(logicalId)?.replace(/\/Resource$/, '') ?? logicalId} has no inline Node.js code to run; give it a handler `
      + `(the handlers option, by its construct path or logical id ${logicalId})`);
  }
}

/** A function from its inline source: the module is evaluated once, its handler called per invocation with its environment set. */
function inlineFunction(logicalId: string, code: string, handlerName: string, environment: { [name: string]: string }): LocalFunction {
  const exportName = handlerName.split('.').pop()!;
  const module = { exports: {} as { [name: string]: unknown } };
  // The module sees this module's `process`, whose environment each invocation sets.
  vm.runInThisContext(`(function (exports, require, module, process, awslambda) {\n${code}\n})`, { filename: `${logicalId}/index.js` })(
    module.exports, require, module, process, AWS_LAMBDA_GLOBAL);
  const handler = module.exports[exportName];
  if (typeof handler !== 'function') throw new Error(`LocalGateway: function ${logicalId}'s inline code exports no ${exportName}`);
  return {
    logicalId,
    invoke: async event => {
      const saved = Object.fromEntries(Object.keys(environment).map(name => [name, process.env[name]]));
      Object.assign(process.env, environment);
      try {
        const context = { functionName: logicalId, awsRequestId: (event as any)?.requestContext?.requestId };
        return isStreaming(handler) ? await runStreaming(handler, event, context) : await handler(event, context);
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
    },
  };
}

/** What an invocation came to within the integration's timeout. */
export type Invocation = { readonly answer: unknown } | { readonly timedOut: true };

/**
 * Invokes a function, waiting at most the integration's timeout (API Gateway stops waiting then:
 * 29 seconds by default for REST APIs); its error is thrown as the function threw it.
 */
export async function invokeWithin(fn: LocalFunction, event: unknown, timeoutInMillis: unknown, defaultMs = 29_000): Promise<Invocation> {
  const limit = Number(timeoutInMillis ?? defaultMs);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Invocation>(resolve => { timer = setTimeout(() => resolve({ timedOut: true }), limit); });
  try {
    return await Promise.race([fn.invoke(event).then(answer => ({ answer })), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The message of what a function threw, read by shape: its code's errors come from another realm (its own Error class). */
export function thrownMessage(e: unknown): string {
  return typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
}
