import { Rule } from '../../rule';
import { TemplateResource, isObject } from '../../template/template-index';

const SETTING: { readonly [type: string]: string } = {
  'AWS::ApiGateway::Stage': 'AccessLogSetting',
  'AWS::Serverless::Api': 'AccessLogSetting',
  'AWS::Serverless::HttpApi': 'AccessLogSetting',
  'AWS::ApiGatewayV2::Stage': 'AccessLogSettings',
};

/** cdk-nag's APIGWStructuredLogging: where access logs are written, their format parses as JSON. */
export const stageJsonAccessLogs: Rule = {
  id: 'stage-json-access-logs',
  severity: 'warning',
  title: 'Access logs are JSON',
  fix: 'Keep GatewayApi\'s default JSON access log format, or give Format as a JSON document of $context variables.',
  resourceTypes: [...Object.keys(SETTING), 'AWS::ApiGateway::Deployment'],
  mirrors: ['Serverless-APIGWStructuredLogging'],
  check: template => template.ofType(...Object.keys(SETTING), 'AWS::ApiGateway::Deployment').flatMap(resource => {
    const [setting, location] = accessLogSetting(resource);
    if (!setting) return [];
    const format = isObject(setting) ? setting.Format : undefined;
    return parsesAsJson(format) ? [] : [{
      logicalId: resource.logicalId,
      location: `${location}/Format`,
      message: 'the access log Format is not JSON',
    }];
  }),
};

function accessLogSetting(resource: TemplateResource): [unknown, string] {
  if (resource.type === 'AWS::ApiGateway::Deployment') {
    const description = resource.properties.StageDescription;
    const setting = isObject(description) && !('Fn::If' in description) ? description.AccessLogSetting : undefined;
    return [setting, 'Properties/StageDescription/AccessLogSetting'];
  }
  const property = SETTING[resource.type];
  return [resource.properties[property], `Properties/${property}`];
}

/** JavaScript's JSON.parse on the value, as cdk-nag calls it (non-strings are stringified first). */
function parsesAsJson(value: unknown): boolean {
  try {
    JSON.parse(value as string);
    return true;
  } catch {
    return false;
  }
}
