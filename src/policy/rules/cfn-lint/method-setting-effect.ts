import { METHOD_SETTINGS } from './engine-reading';
import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** cfn-lint W3705: a stage's MethodSettings entry sets something, not only which methods it is for. */
export const methodSettingEffect: Rule = {
  id: 'method-setting-effect',
  severity: 'warning',
  title: 'Method settings set something (LoggingLevel, MetricsEnabled, CachingEnabled, ...)',
  fix: 'Remove the MethodSettings entry, or give it a setting: GatewayApi writes one per route that sets throttling or caching.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['W3705'],
  follows: { W3705: { engine: 'cfn-lint', why: 'the CloudFormation Validate engine aws-cdk-lib bundles has no W3705' } },
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = Array.isArray(stage.properties.MethodSettings) ? stage.properties.MethodSettings : [];
    return settings.flatMap((setting, i) => isObject(setting) && !METHOD_SETTINGS.some(key => setting[key] !== undefined && setting[key] !== null)
      ? [{ logicalId: stage.logicalId, location: `Properties/MethodSettings/${i}`, message: 'this entry only selects methods: it sets nothing' }]
      : []);
  }),
};
