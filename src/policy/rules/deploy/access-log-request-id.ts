import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/** API Gateway refuses an access log format without the request id at deploy. */
export const accessLogRequestId: Rule = {
  id: 'access-log-request-id',
  severity: 'error',
  title: 'Access log formats include $context.requestId or $context.extendedRequestId',
  fix: 'Add $context.requestId to the access log format (GatewayApi\'s formats have it).',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage').flatMap(stage => {
    const property = stage.type === 'AWS::ApiGateway::Stage' ? 'AccessLogSetting' : 'AccessLogSettings';
    const setting = stage.properties[property];
    const format = isObject(setting) ? setting.Format : undefined;
    if (typeof format !== 'string' || /\$context\.(extendedR|r)equestId/.test(format)) return [];
    return [{ logicalId: stage.logicalId, location: `Properties/${property}/Format`, message: 'the access log Format has neither $context.requestId nor $context.extendedRequestId' }];
  }),
};
