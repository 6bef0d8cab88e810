import { authoredForm } from './engine-reading';
import { Rule } from '../../rule';
import { TemplateIndex, isObject } from '../../template/template-index';

const SETTINGS = [
  'CacheDataEncrypted', 'CacheTtlInSeconds', 'CachingEnabled', 'DataTraceEnabled',
  'LoggingLevel', 'MetricsEnabled', 'ThrottlingBurstLimit', 'ThrottlingRateLimit',
];

/** cfn-lint E3723: a method setting's ResourcePath starts with "/" (e.g. "/*", "/~1pets/GET"). */
export const methodSettingResourcePath: Rule = {
  id: 'method-setting-resource-path',
  severity: 'error',
  title: 'Method settings name a ResourcePath starting with "/"',
  fix: 'Write ResourcePath as "/*" for every method, or "/~1pets~1{id}" (slashes escaped as ~1) for one resource.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['E3723'],
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = Array.isArray(stage.properties.MethodSettings) ? stage.properties.MethodSettings : [];
    return settings.flatMap((setting, i) => {
      if (!isObject(setting) || !SETTINGS.some(key => setting[key] !== undefined && setting[key] !== null)) return [];
      const path = resolvedPath(template, setting.ResourcePath);
      if (typeof path !== 'string' || path.startsWith('/')) return [];
      return [{ logicalId: stage.logicalId, location: `Properties/MethodSettings/${i}/ResourcePath`, message: `ResourcePath ${JSON.stringify(path)} does not start with "/"` }];
    });
  }),
};

/** A literal path, a parameter's default, or an Fn::Sub whose variables are all parameters with defaults. */
function resolvedPath(template: TemplateIndex, value: unknown): unknown {
  if (isObject(value) && typeof value['Fn::Sub'] === 'string') {
    let unresolved = false;
    const text = value['Fn::Sub'].replace(/\$\{([^}!]+)\}/g, (_, name: string) => {
      const fallback = template.parameterDefault(name);
      if (typeof fallback !== 'string') unresolved = true;
      return String(fallback);
    });
    return unresolved ? undefined : text;
  }
  return authoredForm(template, value);
}
