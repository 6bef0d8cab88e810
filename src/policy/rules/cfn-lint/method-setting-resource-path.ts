import { METHOD_SETTINGS, authoredForm } from './engine-reading';
import { Rule } from '../../rule';
import { TemplateIndex, isObject } from '../../template/template-index';

/** cfn-lint E3723: a method setting's ResourcePath starts with "/" (e.g. "/*", "/~1pets/GET"). */
export const methodSettingResourcePath: Rule = {
  id: 'method-setting-resource-path',
  severity: 'error',
  title: 'Method settings name a ResourcePath starting with "/"',
  fix: 'Write ResourcePath as "/*" for every method, or "/~1pets~1{id}" (slashes escaped as ~1) for one resource.',
  resourceTypes: ['AWS::ApiGateway::Stage'],
  mirrors: ['E3723'],
  follows: {
    E3723: {
      engine: 'cfn-lint',
      why: 'a ResourcePath that is valid in one branch of an Fn::If and not in the other fails the deploy in that condition; the bundled engine does not read inside Fn::If',
    },
  },
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const settings = Array.isArray(stage.properties.MethodSettings) ? stage.properties.MethodSettings : [];
    return settings.flatMap((setting, i) => {
      if (!isObject(setting) || !METHOD_SETTINGS.some(key => setting[key] !== undefined && setting[key] !== null)) return [];
      const path = possiblePaths(template, setting.ResourcePath).find(p => typeof p === 'string' && !p.startsWith('/'));
      if (path === undefined) return [];
      return [{ logicalId: stage.logicalId, location: `Properties/MethodSettings/${i}/ResourcePath`, message: `ResourcePath ${JSON.stringify(path)} does not start with "/"` }];
    });
  }),
};

/** Each value the path can take: both branches of an Fn::If, or the one value {@link resolvedPath} reads. */
function possiblePaths(template: TemplateIndex, value: unknown): unknown[] {
  if (isObject(value) && Array.isArray(value['Fn::If']) && value['Fn::If'].length === 3) {
    return [...possiblePaths(template, value['Fn::If'][1]), ...possiblePaths(template, value['Fn::If'][2])];
  }
  return [resolvedPath(template, value)];
}

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
