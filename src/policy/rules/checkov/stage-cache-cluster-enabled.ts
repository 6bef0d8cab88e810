import { checkovTrue, checkovValue } from './checkov-reading';
import { Rule } from '../../rule';

/** checkov CKV_AWS_120: REST stages (and SAM APIs) run a cache cluster. */
export const stageCacheClusterEnabled: Rule = {
  id: 'stage-cache-cluster-enabled',
  severity: 'warning',
  title: 'REST stages and SAM APIs run a cache cluster',
  fix: 'Turn on the stage cache (GatewayApi caching options), or acknowledge where responses must not be cached: a cache cluster is billed by the hour.',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::Serverless::Api'],
  mirrors: ['CKV_AWS_120'],
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::Serverless::Api')
    .filter(stage => !checkovTrue(checkovValue(template, stage, ['CacheClusterEnabled'])))
    .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/CacheClusterEnabled', message: 'CacheClusterEnabled is not true' })),
};
