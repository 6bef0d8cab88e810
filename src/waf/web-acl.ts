import {
  ArnFormat, Aws, Fn, Names, RemovalPolicy, Stack, aws_apigateway as apigw, aws_kms as kms, aws_logs as logs, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** AWS managed rule groups every public API benefits from. */
const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];
/** Requests per 5 minutes from one IP before the rate rule blocks it. */
const RATE_LIMIT_PER_IP = 2000;

/**
 * A regional WAFv2 web ACL with AWS's common, known-bad-inputs and IP-reputation rule groups and
 * a per-IP rate rule, logging to a log group kept a year (encrypted with `logKey` when given).
 * Each stage associates itself with it.
 */
export function createWebAcl(scope: Construct, logKey?: kms.IKey): wafv2.CfnWebACL {
  const metric = (name: string) => ({ cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: name });
  const webAcl = new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: metric('GatewayApiWebAcl'),
    rules: [
      ...MANAGED_RULE_GROUPS.map((name, i) => ({
        name,
        priority: i,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: metric(name),
      })),
      {
        name: 'RateLimitPerIp',
        priority: MANAGED_RULE_GROUPS.length,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: RATE_LIMIT_PER_IP, aggregateKeyType: 'IP' } },
        visibilityConfig: metric('RateLimitPerIp'),
      },
    ],
  });
  // WAF logs only to log groups whose name starts with aws-waf-logs-, given by ARN without ':*'.
  const logGroupName = `aws-waf-logs-${Names.uniqueResourceName(webAcl, { maxLength: 400 })}`;
  const logGroup = new logs.LogGroup(scope, 'WebAclLogs', {
    logGroupName,
    retention: logs.RetentionDays.ONE_YEAR,
    encryptionKey: logKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const logging = new wafv2.CfnLoggingConfiguration(scope, 'WebAclLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [Stack.of(scope).formatArn({
      service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    })],
  });
  logging.node.addDependency(logGroup);
  return webAcl;
}

/** A regional web ACL's ARN: only those protect API Gateway stages (CloudFront ACLs do not). */
export const REGIONAL_WEB_ACL_ARN = /^arn:[a-z-]+:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[^/]+\/[^/]+$/;

/** Puts a stage behind a web ACL. */
export function associateWebAcl(scope: Construct, webAclArn: string, restApiId: string, stage: apigw.CfnStage): void {
  new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', {
    webAclArn,
    resourceArn: Fn.join('', ['arn:', Aws.PARTITION, ':apigateway:', Aws.REGION, '::/restapis/', restApiId, '/stages/', stage.ref]),
  });
}
