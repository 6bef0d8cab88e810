import { Rule } from '../rule';
import { methodAuthorization } from './cdk-nag/method-authorization';
import { methodCognitoAuthorizer } from './cdk-nag/method-cognito-authorizer';
import { restApiRequestValidator } from './cdk-nag/rest-api-request-validator';
import { stageAccessLogging } from './cdk-nag/stage-access-logging';
import { stageCacheEncrypted } from './cdk-nag/stage-cache-encrypted';
import { stageClientCertificate } from './cdk-nag/stage-client-certificate';
import { stageDefaultThrottling } from './cdk-nag/stage-default-throttling';
import { stageExecutionLogging } from './cdk-nag/stage-execution-logging';
import { stageJsonAccessLogs } from './cdk-nag/stage-json-access-logs';
import { stageWaf } from './cdk-nag/stage-waf';
import { stageXray } from './cdk-nag/stage-xray';
import { lambdaAuthorizerTtl } from './cfn-lint/lambda-authorizer-ttl';
import { methodAuthorizerSameApi } from './cfn-lint/method-authorizer-same-api';
import { methodAuthorizerType } from './cfn-lint/method-authorizer-type';
import { methodSettingEffect } from './cfn-lint/method-setting-effect';
import { methodSettingResourcePath } from './cfn-lint/method-setting-resource-path';
import { restApiName } from './cfn-lint/rest-api-name';
import { restApiSingleDefinition } from './cfn-lint/rest-api-single-definition';
import { stageDeploymentSameApi } from './cfn-lint/stage-deployment-same-api';
import { methodOpenAccess } from './checkov/method-open-access';
import { stageAccessLogDestination } from './checkov/stage-access-log-destination';
import { stageCacheClusterEnabled } from './checkov/stage-cache-cluster-enabled';
import { stageTracingEnabled } from './checkov/stage-tracing-enabled';
import { v2StageAccessLogDestination } from './checkov/v2-stage-access-log-destination';
import { domainTls12 } from './control-tower/domain-tls-1-2';
import { restCacheEncrypted } from './control-tower/rest-cache-encrypted';
import { restExecutionLoggingAllMethods } from './control-tower/rest-execution-logging-all-methods';
import { restStageTracing } from './control-tower/rest-stage-tracing';
import { v2RouteAuthorization } from './control-tower/v2-route-authorization';
import { v2StageAccessLogs } from './control-tower/v2-stage-access-logs';
import { accessLogRequestId } from './deploy/access-log-request-id';
import { authorizerTtl } from './deploy/authorizer-ttl';
import { cacheClusterSize } from './deploy/cache-cluster-size';
import { canaryPercentage } from './deploy/canary-percentage';
import { domainMinimumTls } from './deploy/domain-minimum-tls';
import { privateDualStack } from './deploy/private-dual-stack';
import { restApiMinimumTls } from './deploy/rest-api-minimum-tls';
import { routingRulePriority } from './deploy/routing-rule-priority';
import { stageName } from './deploy/stage-name';
import { streamedIntegrationType } from './deploy/streamed-integration-type';
import { usagePlanQuotaPeriod } from './deploy/usage-plan-quota-period';
import { registryCacheEncrypted } from './guard-registry/registry-cache-encrypted';
import { registryDomainEndpointType } from './guard-registry/registry-domain-endpoint-type';
import { registryDomainTls } from './guard-registry/registry-domain-tls';
import { registryExecutionLogging } from './guard-registry/registry-execution-logging';
import { registryMethodAuthorization } from './guard-registry/registry-method-authorization';
import { registryStageAccessLogging } from './guard-registry/registry-stage-access-logging';
import { registryV2AccessLogs } from './guard-registry/registry-v2-access-logs';
import { bodyAuthorization } from './openapi-body/body-authorization';
import { bodyRequestValidation } from './openapi-body/body-request-validation';

/** Every rule of the validator, grouped by the engine whose verdicts they reproduce. */
export const RULES: readonly Rule[] = [
  // Values API Gateway refuses at deploy, which no engine catches.
  accessLogRequestId, authorizerTtl, cacheClusterSize, canaryPercentage, domainMinimumTls, restApiMinimumTls, stageName,
  usagePlanQuotaPeriod, streamedIntegrationType, routingRulePriority, privateDualStack,
  // Inside OpenAPI bodies, where no engine looks.
  bodyAuthorization, bodyRequestValidation,
  // The AWS Control Tower proactive controls.
  restExecutionLoggingAllMethods, restStageTracing, restCacheEncrypted, v2StageAccessLogs, v2RouteAuthorization, domainTls12,
  // cdk-nag's packs.
  stageAccessLogging, restApiRequestValidator, stageWaf, methodAuthorization, methodCognitoAuthorizer, stageExecutionLogging,
  stageCacheEncrypted, stageClientCertificate, stageXray, stageJsonAccessLogs, stageDefaultThrottling,
  // cfn-lint, as CloudFormation Validate runs it.
  restApiName, restApiSingleDefinition, stageDeploymentSameApi, methodAuthorizerSameApi, methodAuthorizerType,
  lambdaAuthorizerTtl, methodSettingResourcePath, methodSettingEffect,
  // checkov.
  methodOpenAccess, stageTracingEnabled, stageAccessLogDestination, v2StageAccessLogDestination, stageCacheClusterEnabled,
  // The AWS Guard Rules Registry.
  registryExecutionLogging, registryCacheEncrypted, registryDomainTls, registryDomainEndpointType,
  registryMethodAuthorization, registryStageAccessLogging, registryV2AccessLogs,
];
