import { Token, aws_apigateway as apigw } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { IIntegrationContext, IntegrationConfig, IntegrationType } from './integration-config';
import { MAX_STREAM_TIMEOUT_MS, MIN_TIMEOUT_MS } from './timeout';
import { checkIntegerInRange, checkOneOf } from '../core/checks';
import { propError } from '../core/errors';
import { isBufferedLambdaUri, isStreamingLambdaUri } from '../core/lambda-uri';

const PROXY_TYPES: string[] = [IntegrationType.AWS_PROXY, IntegrationType.HTTP_PROXY];
const HTTP_TYPES: string[] = [IntegrationType.HTTP, IntegrationType.HTTP_PROXY];

/** Where a config's errors point: the API, and the `bind()` whose result is judged. */
interface At {
  readonly scope: IConstruct;
  readonly prop: string;
}

/**
 * Checks what an integration gave a REST route against what API Gateway accepts, the factories'
 * and users' alike; errors name the field `bind()` returned.
 */
export function checkIntegrationConfig(context: IIntegrationContext, config: IntegrationConfig): IntegrationConfig {
  const at = { scope: context.scope, prop: `${context.prop}.bind()` };
  checkOneOf(at.scope, `${at.prop}.type`, config.type, Object.values(IntegrationType));
  checkOneOf(at.scope, `${at.prop}.responseTransferMode`, config.responseTransferMode, Object.values(apigw.ResponseTransferMode));
  checkTimeout(at, config);
  if (config.responses !== undefined && PROXY_TYPES.includes(config.type)) {
    throw propError(at.scope, `${at.prop}.responses`, config.responses.map(r => r.statusCode),
      'no integration responses on a proxy integration: its backend shapes the response');
  }
  checkStreaming(at, config);
  checkPrivateIntegration(at, config);
  return config;
}

/** At least 50 ms; at most 15 minutes for a stream. A buffered timeout's ceiling is the account's quota, which only the factories are told of. */
function checkTimeout(at: At, config: IntegrationConfig): void {
  const ms = config.timeoutInMillis;
  if (isStreamed(config)) {
    checkIntegerInRange(at.scope, `${at.prop}.timeoutInMillis`, ms, MIN_TIMEOUT_MS, MAX_STREAM_TIMEOUT_MS, 'ms');
  } else if (ms !== undefined && !Token.isUnresolved(ms) && (!Number.isInteger(ms) || ms < MIN_TIMEOUT_MS)) {
    throw propError(at.scope, `${at.prop}.timeoutInMillis`, ms, `whole milliseconds from ${MIN_TIMEOUT_MS}`);
  }
}

/**
 * STREAM only on proxies, and a Lambda proxy's URI the one of its transfer mode. The URI's
 * literal parts name the Lambda API even when the function's ARN is a token.
 */
function checkStreaming(at: At, config: IntegrationConfig): void {
  const lambdaProxy = config.type === IntegrationType.AWS_PROXY;
  const uri = config.uri ?? '';
  if (!isStreamed(config)) {
    if (lambdaProxy && isStreamingLambdaUri(uri)) {
      throw propError(at.scope, `${at.prop}.responseTransferMode`, config.responseTransferMode ?? 'BUFFERED',
        'STREAM with a response-streaming-invocations URI (or the 2015-03-31 .../invocations URI to buffer)');
    }
    return;
  }
  if (!PROXY_TYPES.includes(config.type)) {
    throw propError(at.scope, `${at.prop}.responseTransferMode`, 'STREAM',
      `STREAM only on AWS_PROXY and HTTP_PROXY integrations (this one is ${config.type}): streamed responses are not mapped`);
  }
  if (lambdaProxy && isBufferedLambdaUri(uri)) {
    throw propError(at.scope, `${at.prop}.uri`, uri,
      'a streamed Lambda proxy\'s URI, .../2021-11-15/functions/<function ARN>/response-streaming-invocations (InvokeWithResponseStream)');
  }
}

/** A private integration: an HTTP one, with both its VPC link and its load balancer, to an http(s) URL. */
function checkPrivateIntegration(at: At, config: IntegrationConfig): void {
  if (!config.vpcLink && config.integrationTarget === undefined) return;
  if (!HTTP_TYPES.includes(config.type)) {
    throw propError(at.scope, `${at.prop}.vpcLink`, config.type, 'a VPC link only on HTTP and HTTP_PROXY integrations');
  }
  if (!config.vpcLink) {
    throw propError(at.scope, `${at.prop}.vpcLink`, undefined, 'the VPC link (v2) the integrationTarget is reached through');
  }
  if (config.integrationTarget === undefined) {
    throw propError(at.scope, `${at.prop}.integrationTarget`, undefined, 'the ARN of the load balancer the VPC link (v2) sends requests to');
  }
  const uri = config.uri;
  if (uri === undefined || (!Token.isUnresolved(uri) && !/^https?:\/\//.test(uri))) {
    throw propError(at.scope, `${at.prop}.uri`, uri, 'an http:// or https:// URL (its host is the Host header and, over HTTPS, the server name)');
  }
}

function isStreamed(config: IntegrationConfig): boolean {
  return config.responseTransferMode === apigw.ResponseTransferMode.STREAM;
}
