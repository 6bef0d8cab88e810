import * as vm from 'vm';

/** What the handler sent back to CloudFormation. */
export interface HandlerResponse {
  readonly url: string;
  readonly method: string;
  readonly body: any;
}

/**
 * Loads an inline handler's source with `require` answered by `modules` (fakes of the AWS SDK)
 * and https replaced by a recorder of the response to CloudFormation.
 */
export function loadHandler(source: string, modules: { [name: string]: unknown }) {
  const responses: HandlerResponse[] = [];
  const https = {
    request: (url: string, init: any, onResponse: (r: any) => void) => ({
      on: () => undefined,
      end: (body: string) => {
        responses.push({ url, method: init.method, body: JSON.parse(body) });
        onResponse({ resume: () => undefined, on: (_: string, done: () => void) => done() });
      },
    }),
  };
  const fakes: { [name: string]: unknown } = { ...modules, https };
  const module = { exports: {} as any };
  const sandbox = { require: (name: string) => fakes[name], module, exports: module.exports, Buffer, JSON, String, Object, Promise };
  vm.runInNewContext(source, sandbox);
  return { handler: module.exports.handler as (event: any, context: any) => Promise<void>, responses };
}
