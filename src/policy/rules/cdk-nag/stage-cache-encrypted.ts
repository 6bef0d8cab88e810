import { THROWS, catchAllMethodSettings, nagBoolean } from './nag-reading';
import { Rule } from '../../rule';

/** cdk-nag's APIGWCacheEnabledAndEncrypted: a catch-all method setting caches, encrypted. */
export const stageCacheEncrypted: Rule = {
  id: 'stage-cache-encrypted',
  severity: 'error',
  title: 'REST stages cache responses for every method, encrypted',
  fix: 'Turn on the stage cache with encryption (GatewayApi caching options; the NIST, PCI and HIPAA presets do), or add a MethodSettings entry with HttpMethod "*", ResourcePath "/*", CachingEnabled and CacheDataEncrypted true.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: [
    'HIPAA.Security-APIGWCacheEnabledAndEncrypted', 'NIST.800.53.R4-APIGWCacheEnabledAndEncrypted',
    'NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'PCI.DSS.321-APIGWCacheEnabledAndEncrypted',
  ],
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = catchAllMethodSettings(stage.properties.MethodSettings);
    const cached = settings !== THROWS && settings.some(s =>
      Boolean(nagBoolean(s.CacheDataEncrypted)) && Boolean(nagBoolean(s.CachingEnabled)));
    return cached ? [] : [{
      logicalId: stage.logicalId,
      location: 'Properties/MethodSettings',
      message: 'no MethodSettings entry for HttpMethod "*" and ResourcePath "/*" sets both CachingEnabled and CacheDataEncrypted',
    }];
  }),
};
