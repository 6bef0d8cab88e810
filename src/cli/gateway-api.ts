#!/usr/bin/env node
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { serveGateway, serverUrl } from './local-server';
import { ILocalHandler } from '../local/gateway/lambda-functions';
import { LocalAwsCredentials, LocalGateway, LocalGatewayOptions, LocalIamCredential } from '../local/local-gateway';

const USAGE = `Usage:
  gateway-api serve TEMPLATE [--stage NAME] [--api LOGICAL_ID] [--port N] [--host ADDRESS]
                    [--api-key NAME=VALUE]... [--iam-credentials ACCESS_KEY_ID:SECRET[:PRINCIPAL]]...
                    [--jwks FILE] [--origin URL=URL]... [--handler FUNCTION=MODULE.js[#EXPORT]]...
                    [--aws-endpoint URL] [--aws-credentials ACCESS_KEY_ID:SECRET] [--physical-ids FILE]
                    [--canary base|canary] [--canary-seed N]

Serves a REST or HTTP API of a synthesized template (cdk.out/STACK.template.json) over HTTP, run by the
local gateway: http://ADDRESS:PORT/PATH is PATH of the stage. --port 0 (the default) takes a free
port; the first line written is the URL. Ctrl-C stops it.`;

/** What `serve` was asked for. */
export interface ServeCommand {
  readonly template: string;
  readonly host: string;
  readonly port: number;
  /** The side of a stage's canary every request goes to; by default, the canary's percentage. */
  readonly canary?: boolean;
  readonly options: LocalGatewayOptions;
}

class UsageError extends Error {}

/** The command line of `gateway-api serve`, read into the local gateway's options. */
export function parseServe(args: readonly string[], cwd: string = process.cwd()): ServeCommand {
  let template: string | undefined;
  let host = '127.0.0.1';
  let port = 0;
  let stage: string | undefined;
  let api: string | undefined;
  const apiKeys: { [name: string]: string } = {};
  const httpOrigins: { [origin: string]: string } = {};
  const iamCredentials: LocalIamCredential[] = [];
  const handlers: { [fn: string]: ILocalHandler } = {};
  let jsonWebKeys: any[] | undefined;
  let awsEndpoint: string | undefined;
  let awsCredentials: LocalAwsCredentials | undefined;
  let physicalIds: { [resource: string]: string } | undefined;
  let canary: boolean | undefined;
  let canarySeed: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string => {
      if (i + 1 >= args.length) throw new UsageError(`${arg} needs a value`);
      return args[++i];
    };
    const pair = (separator: string): [string, string] => {
      const text = value();
      const at = text.indexOf(separator);
      if (at <= 0) throw new UsageError(`${arg} takes NAME${separator}VALUE; got ${JSON.stringify(text)}`);
      return [text.slice(0, at), text.slice(at + 1)];
    };
    switch (arg) {
      case '--stage': stage = value(); break;
      case '--api': api = value(); break;
      case '--host': host = value(); break;
      case '--port': {
        const text = value();
        port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`--port takes a port number, 0 to 65535; got ${JSON.stringify(text)}`);
        break;
      }
      case '--api-key': {
        const [name, key] = pair('=');
        apiKeys[name] = key;
        break;
      }
      case '--origin': {
        const [from, to] = pair('=');
        httpOrigins[from] = to;
        break;
      }
      case '--iam-credentials': {
        const [accessKeyId, secretAccessKey, ...principal] = value().split(':');
        if (!accessKeyId || !secretAccessKey) throw new UsageError('--iam-credentials takes ACCESS_KEY_ID:SECRET[:PRINCIPAL]');
        iamCredentials.push({ accessKeyId, secretAccessKey, principal: principal.length > 0 ? principal.join(':') : undefined });
        break;
      }
      case '--jwks': {
        const file = path.resolve(cwd, value());
        const document = JSON.parse(fs.readFileSync(file, 'utf-8'));
        jsonWebKeys = Array.isArray(document.keys) ? document.keys : [document];
        break;
      }
      case '--aws-endpoint': awsEndpoint = value(); break;
      case '--canary': {
        const side = value();
        if (side !== 'base' && side !== 'canary') throw new UsageError(`--canary takes base or canary; got ${JSON.stringify(side)}`);
        canary = side === 'canary';
        break;
      }
      case '--canary-seed': {
        const text = value();
        canarySeed = Number(text);
        if (!/^\d+$/.test(text)) throw new UsageError(`--canary-seed takes a whole number; got ${JSON.stringify(text)}`);
        break;
      }
      case '--aws-credentials': {
        const [accessKeyId, secretAccessKey] = pair(':');
        awsCredentials = { accessKeyId, secretAccessKey };
        break;
      }
      case '--physical-ids': physicalIds = JSON.parse(fs.readFileSync(path.resolve(cwd, value()), 'utf-8')); break;
      case '--handler': {
        const [fn, module] = pair('=');
        const [file, exportName = 'handler'] = module.split('#');
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const handle = require(path.resolve(cwd, file))[exportName];
        if (typeof handle !== 'function') throw new UsageError(`--handler ${fn}: ${file} exports no function ${exportName}`);
        handlers[fn] = { handle: (event: any) => handle(event, { functionName: fn }) };
        break;
      }
      default:
        if (arg.startsWith('--') || template !== undefined) throw new UsageError(`unknown argument ${arg}`);
        template = arg;
    }
  }
  if (template === undefined) throw new UsageError('serve needs the TEMPLATE to serve');
  return {
    template: path.resolve(cwd, template),
    host,
    port,
    canary,
    options: {
      stage, api, apiKeys, httpOrigins, iamCredentials, handlers, jsonWebKeys, awsEndpoint, awsCredentials, physicalIds, canarySeed,
    },
  };
}

/** Runs the command line: resolves with the exit code when it ends, or with the server once it listens (it then serves until stopped). */
export async function main(args: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number | http.Server> {
  if (args[0] !== 'serve') {
    err(USAGE);
    return args.length === 0 || args[0] === '--help' ? 0 : 2;
  }
  try {
    const command = parseServe(args.slice(1));
    const template = JSON.parse(fs.readFileSync(command.template, 'utf-8'));
    const gateway = LocalGateway.fromTemplate(template, { assemblyDirectory: path.dirname(command.template), ...command.options });
    const server = await serveGateway(gateway, { host: command.host, port: command.port, log: err, canary: command.canary });
    out(serverUrl(server));
    return server;
  } catch (e) {
    const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : String(e);
    err(e instanceof UsageError ? `${message}\n\n${USAGE}` : `gateway-api: ${message}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), line => process.stdout.write(`${line}\n`), line => process.stderr.write(`${line}\n`))
    .then(result => (typeof result === 'number' ? process.exit(result) : undefined));
}
