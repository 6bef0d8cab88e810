import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';
import { isIntrinsic } from '../../template/values';

/** cdk-nag's APIGWAccessLogging: a destination and a format, on REST, HTTP and WebSocket stages. */
export const stageAccessLogging: Rule = {
  id: 'stage-access-logging',
  severity: 'error',
  title: 'Stages write access logs: a destination and a format',
  fix: 'Keep GatewayApi\'s default access logs (stage.accessLogging), or set AccessLogSetting (REST) / AccessLogSettings (HTTP, WebSocket) with DestinationArn and Format.',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
  mirrors: ['AwsSolutions-APIG1', 'Serverless-APIGWAccessLogging'],
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage').flatMap(stage => {
    const property = stage.type === 'AWS::ApiGateway::Stage' ? 'AccessLogSetting' : 'AccessLogSettings';
    const setting = stage.properties[property];
    const complete = isObject(setting) && !isIntrinsic(setting)
      && setting.DestinationArn != null && setting.Format != null;
    return complete ? [] : [{
      logicalId: stage.logicalId,
      location: `Properties/${property}`,
      message: `${property} needs both DestinationArn and Format; access logs are off or incomplete`,
    }];
  }),
};
