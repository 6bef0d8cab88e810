import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { GatewayWebSocketApi } from '../../src';
import { newStack } from '../util';

describe('aws-cdk-lib takes a GatewayWebSocketApi where it takes an IWebSocketApi', () => {
  test('a stage of aws-cdk-lib\'s and an API mapping serve the API; its metrics name it', () => {
    const stack = newStack();
    const api = new GatewayWebSocketApi(stack, 'Chat', { connectionsTable: {} });
    const stage = new apigwv2.WebSocketStage(stack, 'Dev', { webSocketApi: api, stageName: 'dev', autoDeploy: true });
    const domainName = apigwv2.DomainName.fromDomainNameAttributes(stack, 'Domain', {
      name: 'chat.example.com', regionalDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com', regionalHostedZoneId: 'Z1',
    });
    new apigwv2.ApiMapping(stack, 'Mapping', { api, domainName, stage });
    const template = Template.fromStack(stack);
    const apiRef = stack.resolve(api.apiId);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', { ApiId: apiRef, StageName: 'dev' });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiId: apiRef, DomainName: 'chat.example.com' });
    expect(api.isWebsocketApi).toBe(true);
    expect(stack.resolve(api.apiEndpoint)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(api.webSocketApi), 'ApiEndpoint'] });
    expect(stack.resolve(api.metric('ConnectCount').dimensions)).toEqual({ ApiId: apiRef });
  });
});
