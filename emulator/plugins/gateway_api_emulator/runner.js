// One Lambda execution environment on the host: loads the function's handler once (the init
// phase), then runs one invocation per line read on stdin and writes one result line to the file
// descriptor the executor named. The handler's own output (console.log) goes to stdout and
// stderr, which the executor keeps as the environment's logs, so it never mixes with results.
'use strict';
const fs = require('fs');
const path = require('path');
const readline = require('readline');
const { pathToFileURL } = require('url');

const resultFd = Number(process.env.GATEWAY_EMULATOR_RESULT_FD);
const taskRoot = process.env.LAMBDA_TASK_ROOT;

function reply(message) {
  fs.writeSync(resultFd, JSON.stringify(message) + '\n');
}

/** Lambda's error payload: what API Gateway's selection patterns match against (errorMessage). */
function errorPayload(error) {
  const err = error instanceof Error ? error : new Error(String(error));
  return {
    errorType: err.name || 'Error',
    errorMessage: err.message,
    trace: String(err.stack || '').split('\n'),
  };
}

/** `index.handler` → the module `index` (.js, .cjs or .mjs) in the task root and its export `handler`. */
async function loadHandler(spec) {
  const dot = spec.lastIndexOf('.');
  const modulePath = path.resolve(taskRoot, spec.slice(0, dot));
  const exportName = spec.slice(dot + 1);
  const file = ['.js', '.cjs', '.mjs'].map(ext => modulePath + ext).find(candidate => fs.existsSync(candidate));
  if (!file) throw new Error(`Cannot find module ${spec.slice(0, dot)} in ${taskRoot} (handler ${spec})`);
  const mod = file.endsWith('.mjs') ? await import(pathToFileURL(file).href) : require(file);
  const handler = mod[exportName] ?? mod.default?.[exportName];
  if (typeof handler !== 'function') throw new Error(`${spec} is not a function exported by ${path.basename(file)}`);
  return handler;
}

function contextFor(invocation) {
  const deadline = Date.now() + Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT || 3) * 1000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    invokedFunctionArn: invocation.arn,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: invocation.id,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/** Promise handlers, and callback handlers of older runtimes. */
function run(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (error, result) => (error ? reject(error) : resolve(result));
    try {
      const returned = handler(event, context, callback);
      if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
}

async function main() {
  let handler;
  try {
    handler = await loadHandler(process.env._HANDLER);
  } catch (error) {
    reply({ ready: false, error: errorPayload(error) });
    process.exit(1);
  }
  reply({ ready: true });

  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const invocation = JSON.parse(line);
    process.env._X_AMZN_TRACE_ID = invocation.traceId || '';
    try {
      const result = await run(handler, JSON.parse(invocation.payload), contextFor(invocation));
      reply({ id: invocation.id, ok: true, payload: result === undefined ? null : result });
    } catch (error) {
      console.error(`ERROR\tInvoke Error\t${JSON.stringify(errorPayload(error))}`);
      reply({ id: invocation.id, ok: false, payload: errorPayload(error) });
    }
  }
}

main();
