import { nonEmptyList, structEntries } from './ct-reading';
import { Rule } from '../../rule';

/**
 * CT.APIGATEWAY.PR.3: where the stage cache is on (CacheClusterEnabled the boolean true), a
 * catch-all method setting encrypts it and no method setting turns encryption off.
 */
export const restCacheEncrypted: Rule = {
  id: 'rest-cache-encrypted',
  severity: 'error',
  title: 'A REST stage\'s cache, when on, is encrypted for every method',
  fix: 'GatewayApi encrypts every cache it turns on; in CloudFormation, a MethodSettings entry "*" "/*" with CacheDataEncrypted true, and no entry with CacheDataEncrypted false.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['CT.APIGATEWAY.PR.3'],
  guard: `
let gatewayapi_cached_stages = Resources.*[
  Type == 'AWS::ApiGateway::Stage'
  Properties.CacheClusterEnabled exists
  Properties.CacheClusterEnabled == true
]
rule rest_cache_encrypted when %gatewayapi_cached_stages !empty {
  %gatewayapi_cached_stages {
    Properties.MethodSettings exists
    Properties.MethodSettings is_list
    Properties.MethodSettings !empty
    some Properties.MethodSettings[*] {
      HttpMethod == '*'
      ResourcePath == '/*'
      CacheDataEncrypted == true
    }
    Properties.MethodSettings[*] {
      CacheDataEncrypted not exists or CacheDataEncrypted == true
    }
  }
}`,
  check: template => template.ofType('AWS::ApiGateway::Stage')
    .filter(stage => stage.properties.CacheClusterEnabled === true)
    .flatMap(stage => {
      const settings = stage.properties.MethodSettings;
      const entries = structEntries(settings);
      const catchAll = entries.some(s => s.HttpMethod === '*' && s.ResourcePath === '/*' && s.CacheDataEncrypted === true);
      const unencrypted = entries.some(s => 'CacheDataEncrypted' in s && s.CacheDataEncrypted !== true);
      if (nonEmptyList(settings) && catchAll && !unencrypted) return [];
      return [{
        logicalId: stage.logicalId,
        location: 'Properties/MethodSettings',
        message: 'the stage cache is on but not encrypted for every method (CacheDataEncrypted)',
      }];
    }),
};
