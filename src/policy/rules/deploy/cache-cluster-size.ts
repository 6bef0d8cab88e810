import { literal } from './deploy-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** The cache sizes API Gateway offers, in GB. */
export const CACHE_CLUSTER_SIZES = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'];

/** API Gateway refuses any other cache cluster size at deploy. */
export const cacheClusterSize: Rule = {
  id: 'cache-cluster-size',
  severity: 'error',
  title: `Cache cluster sizes are one of ${CACHE_CLUSTER_SIZES.join(', ')} (GB)`,
  fix: `Pick one of the sizes API Gateway offers: ${CACHE_CLUSTER_SIZES.join(', ')}.`,
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment').flatMap(resource => {
    const description = resource.properties.StageDescription;
    const [size, location] = resource.type === 'AWS::ApiGateway::Stage'
      ? [resource.properties.CacheClusterSize, 'Properties/CacheClusterSize']
      : [isObject(description) ? description.CacheClusterSize : undefined, 'Properties/StageDescription/CacheClusterSize'];
    if (!literal(size) || CACHE_CLUSTER_SIZES.includes(String(size))) return [];
    return [{ logicalId: resource.logicalId, location, message: `CacheClusterSize ${JSON.stringify(size)} is not a size API Gateway offers` }];
  }),
};
