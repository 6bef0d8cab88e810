import { registryResources } from './registry-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/**
 * API_GW_CACHE_ENABLED_AND_ENCRYPTED: every method setting of every REST stage caches,
 * encrypted. Skipped for all stages when any has no method settings, as the registry does.
 */
export const registryCacheEncrypted: Rule = {
  id: 'registry-cache-encrypted',
  severity: 'error',
  title: 'Every method setting of REST stages caches responses, encrypted',
  fix: 'Turn caching on with encryption for every method setting.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['API_GW_CACHE_ENABLED_AND_ENCRYPTED'],
  check: template => {
    const stages = registryResources(template, 'AWS::ApiGateway::Stage', 'API_GW_CACHE_ENABLED_AND_ENCRYPTED');
    if (stages.some(s => s.properties.MethodSettings === undefined)) return [];
    return stages
      .filter(stage => {
        const settings = stage.properties.MethodSettings;
        return !Array.isArray(settings) || settings.length === 0
          || settings.some(s => !isObject(s) || s.CacheDataEncrypted !== true || s.CachingEnabled !== true);
      })
      .map(stage => ({ logicalId: stage.logicalId, location: 'Properties/MethodSettings', message: 'a MethodSettings entry does not cache, encrypted' }));
  },
};
