import { Duration, Stack, Validations, aws_apigateway as apigw, aws_iam as iam, aws_sqs as sqs } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import {
  Compliance, GatewayWebSocketApi, GatewayWebSocketApiProps, WebSocketAuthorization, WebSocketAuthorizer, WebSocketIntegration,
} from '../../src';
import { newFunction, newStack } from '../util';

function synth(build: (stack: Stack) => GatewayWebSocketApiProps): { stack: Stack; api: GatewayWebSocketApi; template: Template } {
  const stack = newStack();
  const api = new GatewayWebSocketApi(stack, 'Chat', build(stack));
  return { stack, api, template: Template.fromStack(stack) };
}

function routeByKey(template: Template, key: string): any {
  return Object.values(template.findResources('AWS::ApiGatewayV2::Route')).find((r: any) => r.Properties.RouteKey === key);
}

describe('GatewayWebSocketApi', () => {
  describe('a chat with a Lambda authorizer, a connections table and Lambda routes', () => {
    let template: Template;
    let api: GatewayWebSocketApi;
    beforeAll(() => {
      ({ template, api } = synth(stack => {
        const send = WebSocketIntegration.lambda(newFunction(stack, 'Send'));
        return {
          connect: {
            authorization: WebSocketAuthorization.authorizer(
              WebSocketAuthorizer.lambda(newFunction(stack, 'Auth'), { identitySources: ['route.request.querystring.token'] })),
          },
          connectionsTable: {},
          routes: {
            sendMessage: { integration: send },
            $default: { integration: send, returnResponse: true },
          },
        };
      }));
    });

    test('the API selects routes by the body\'s action', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action', Name: 'Chat' });
    });

    test('$connect is behind the REQUEST authorizer reading the query string', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'REQUEST',
        IdentitySource: ['route.request.querystring.token'],
        AuthorizerUri: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      });
      expect(routeByKey(template, '$connect').Properties).toMatchObject({ AuthorizationType: 'CUSTOM', AuthorizerId: { Ref: expect.stringMatching(/Authorizer/) } });
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Auth'), 'Arn'] },
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/authorizers/\\*$')])] },
      });
    });

    test('the connections table has a TTL and point-in-time recovery, and API Gateway writes it itself', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [{ AttributeName: 'connectionId', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
      });
      const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
      const targetOf = (key: string) => integrations[routeByKey(template, key).Properties.Target['Fn::Join'][1][1].Ref].Properties;
      const put = targetOf('$connect');
      expect(put).toMatchObject({ IntegrationType: 'AWS', IntegrationMethod: 'POST', TemplateSelectionExpression: '\\$default' });
      expect(JSON.stringify(put.IntegrationUri)).toContain(':dynamodb:action/PutItem');
      const putTemplate = JSON.stringify(put.RequestTemplates.$default);
      expect(putTemplate).toContain('#set($expiresAt = $context.connectedAt / 1000 + 7200)');
      expect(putTemplate).toContain('\\"connectionId\\": {\\"S\\": \\"$context.connectionId\\"}');
      const del = targetOf('$disconnect');
      expect(JSON.stringify(del.IntegrationUri)).toContain(':dynamodb:action/DeleteItem');
      expect(routeByKey(template, '$disconnect').Properties.AuthorizationType).toBe('NONE');
    });

    test('each table integration assumes a role allowed its one action on the table', () => {
      const actions = Object.values(template.findResources('AWS::IAM::Policy'))
        .map((p: any) => p.Properties.PolicyDocument.Statement.map((s: any) => s.Action))
        .flat();
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:DeleteItem']));
      expect(actions.flat()).not.toContain('dynamodb:*');
    });

    test('the two routes of one function share its integration and its one permission, over stage and route key', () => {
      const send = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')).filter((i: any) => i.Properties.IntegrationType === 'AWS_PROXY');
      expect(send).toHaveLength(1);
      expect(send[0].Properties.TimeoutInMillis).toBe(29000);
      template.hasResourceProperties('AWS::Lambda::Permission', {
        FunctionName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Send'), 'Arn'] },
        SourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('/\\*/\\*$')])] },
      });
    });

    test('a two-way route has a $default route response', () => {
      expect(routeByKey(template, '$default').Properties.RouteResponseSelectionExpression).toBe('$default');
      template.hasResourceProperties('AWS::ApiGatewayV2::RouteResponse', { RouteResponseKey: '$default' });
      expect(routeByKey(template, 'sendMessage').Properties.RouteResponseSelectionExpression).toBeUndefined();
      template.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 0);
    });

    test('routes after an authorized $connect carry NONE, acknowledged for every engine with the reason', () => {
      const send = routeByKey(template, 'sendMessage');
      expect(send.Properties.AuthorizationType).toBe('NONE');
      const acknowledged = (path: string): string[] => api.node.findChild(path).node.metadata
        .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap(m => Object.entries(m.data).map(([id, reason]) => `${id}: ${reason}`));
      const reason = expect.stringContaining('once, at $connect');
      expect(acknowledged('Route[sendMessage]')).toEqual([
        'GatewayApi::v2-route-authorization', 'GatewayApi::method-authorization', 'AwsSolutions::AwsSolutions-APIG4',
        'cdk-validator-cfnguard::api_gw_v2_authorization_type_configured_check',
      ].map(id => expect.stringContaining(id)));
      acknowledged('Route[sendMessage]').forEach(a => expect(a).toEqual(reason));
      expect(acknowledged('Route[$connect]')).toEqual([]);
    });

    test('the stage deploys itself with access and execution logs, metrics and throttling, after the account role', () => {
      const stages = template.findResources('AWS::ApiGatewayV2::Stage');
      const [stage] = Object.values(stages) as any[];
      expect(stage.Properties).toMatchObject({
        StageName: 'prod',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, DetailedMetricsEnabled: true, LoggingLevel: 'ERROR', DataTraceEnabled: false },
        AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [expect.stringMatching(/AccessLogs/), 'Arn'] } },
      });
      const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
      expect(format).toMatchObject({ requestId: '$context.requestId', connectionId: '$context.connectionId', eventType: '$context.eventType' });
      expect(stage.DependsOn).toContain('GatewayApiCloudWatchAccount');
      template.resourceCountIs('AWS::ApiGateway::Account', 1);
    });

    test('URLs: wss for clients, https for the @connections callback', () => {
      const stack = Stack.of(api);
      expect(stack.resolve(api.url)).toEqual({ 'Fn::Join': ['', ['wss://', { Ref: expect.any(String) }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/prod']] });
      expect(stack.resolve(api.callbackUrl)['Fn::Join'][1][0]).toBe('https://');
      expect(api.connectionsTable).toBeDefined();
    });
  });

  test('IAM on $connect by default; grantConnect and grantManageConnections name the execute-api resources', () => {
    const stack = newStack();
    const api = new GatewayWebSocketApi(stack, 'Chat', { connect: { integration: WebSocketIntegration.lambda(newFunction(stack)) } });
    const role = new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    api.defaultStage.grantManageConnections(role);
    api.grantConnect(role);
    const template = Template.fromStack(stack);
    expect(routeByKey(template, '$connect').Properties.AuthorizationType).toBe('AWS_IAM');
    template.resourceCountIs('AWS::ApiGatewayV2::Route', 1);
    const statements = (Object.values(template.findResources('AWS::IAM::Policy'))[0] as any).Properties.PolicyDocument.Statement;
    const resourceOf = (action: string) => JSON.stringify(statements.find((s: any) => s.Action === action).Resource);
    expect(resourceOf('execute-api:ManageConnections')).toContain('/prod/*/@connections/*');
    expect(resourceOf('execute-api:Invoke')).toContain('/*/$connect');
  });

  test('an open $connect takes its reason, which acknowledges it and the routes after it; without one it is refused', () => {
    const stack = newStack();
    const api = new GatewayWebSocketApi(stack, 'Chat', {
      connect: { integration: WebSocketIntegration.lambda(newFunction(stack, 'Connect')), authorization: WebSocketAuthorization.none('A public chat room.') },
      routes: { $default: { integration: WebSocketIntegration.lambda(newFunction(stack, 'Default')) } },
    });
    expect(() => Template.fromStack(stack)).not.toThrow();
    const acknowledged = (id: string) => api.node.findChild(id).node.metadata
      .filter(m => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).flatMap(m => Object.entries(m.data));
    for (const route of ['Route[$connect]', 'Route[$default]']) {
      expect(acknowledged(route)).toContainEqual(['GatewayApi::v2-route-authorization', 'A public chat room.']);
    }
    const other = newStack();
    expect(() => new GatewayWebSocketApi(other, 'Chat', {
      connect: { integration: WebSocketIntegration.lambda(newFunction(other, 'Connect')), authorization: WebSocketAuthorization.none('') },
    })).toThrow(/\[Test\/Chat\] connect\.authorization: "none\(\) without a reason" is not allowed/);
  });

  test('HTTP and SQS integrations; a two-way route through a non-proxy integration passes its answer on', () => {
    const { template } = synth(stack => ({
      connectionsTable: { timeToLive: Duration.hours(3) },
      routes: {
        echo: { integration: WebSocketIntegration.url('https://backend.example.com/echo', { timeout: Duration.seconds(3) }), returnResponse: true },
        enqueue: { integration: WebSocketIntegration.sqsSendMessage(new sqs.Queue(stack, 'Inbox', { enforceSSL: true })), returnResponse: true },
      },
    }));
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://backend.example.com/echo', IntegrationMethod: 'POST', TimeoutInMillis: 3000,
    });
    const sqsIntegration = Object.values(template.findResources('AWS::ApiGatewayV2::Integration'))
      .find((i: any) => JSON.stringify(i.Properties.IntegrationUri).includes(':sqs:path/')) as any;
    expect(sqsIntegration.Properties).toMatchObject({
      IntegrationType: 'AWS',
      RequestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      TemplateSelectionExpression: '\\$default',
    });
    expect(sqsIntegration.Properties.RequestTemplates.$default).toContain('Action=SendMessage&MessageBody=$util.urlEncode($input.body)');
    expect(sqsIntegration.Properties.RequestTemplates.$default).toContain('MessageAttribute.1.Value.StringValue=$util.urlEncode($context.connectionId)');
    template.resourceCountIs('AWS::ApiGatewayV2::IntegrationResponse', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::IntegrationResponse', { IntegrationResponseKey: '$default' });
    expect(JSON.stringify(template.findResources('AWS::ApiGatewayV2::Integration'))).toContain('+ 10800)');
  });

  test('stages: several, per-route throttles in RouteSettings, INFO logs, no account role on request', () => {
    const { template, stack } = synth(s => ({
      cloudWatchRole: false,
      connect: { integration: WebSocketIntegration.lambda(newFunction(s)), throttle: { rateLimit: 10, burstLimit: 20 } },
      stages: [{ stageName: 'live', loggingLevel: apigw.MethodLoggingLevel.INFO }, { stageName: 'beta', throttlingRateLimit: 5, throttlingBurstLimit: 10 }],
    }));
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: 'live',
      DefaultRouteSettings: Match.objectLike({ LoggingLevel: 'INFO' }),
      RouteSettings: { $connect: { ThrottlingRateLimit: 10, ThrottlingBurstLimit: 20, DetailedMetricsEnabled: true, LoggingLevel: 'INFO', DataTraceEnabled: false } },
    });
    Annotations.fromStack(stack).hasWarning('/Test/Chat/Stage.beta', Match.stringLikeRegexp("rate 10 exceeds the stage's 5"));
    Annotations.fromStack(stack).hasWarning('/Test/Chat/Stage.live', Match.stringLikeRegexp('cloudWatchRole is false'));
  });

  test('whole messages in the execution log are warned about', () => {
    const { stack } = synth(() => ({ connectionsTable: {}, stages: [{ dataTraceEnabled: true }] }));
    Annotations.fromStack(stack).hasWarning('/Test/Chat/Stage.prod', Match.stringLikeRegexp('dataTraceEnabled is true'));
  });

  test('a FIFO queue keeps each connection\'s messages in order; route keys may hold slashes', () => {
    const { template } = synth(stack => ({
      connectionsTable: {},
      routes: {
        'chat/send': {
          integration: WebSocketIntegration.sqsSendMessage(
            new sqs.Queue(stack, 'Inbox', { fifo: true, contentBasedDeduplication: true, enforceSSL: true }), { messageGroupId: '$context.connectionId' }),
        },
      },
    }));
    expect(routeByKey(template, 'chat/send')).toBeDefined();
    const integration = Object.values(template.findResources('AWS::ApiGatewayV2::Integration'))
      .find((i: any) => JSON.stringify(i.Properties.IntegrationUri).includes(':sqs:path/')) as any;
    expect(integration.Properties.RequestTemplates.$default).toContain('&MessageGroupId=$util.urlEncode("$context.connectionId")');
  });

  describe('refuses at synth what API Gateway would refuse at deploy', () => {
    test.each<[string, (stack: Stack) => GatewayWebSocketApiProps, RegExp]>([
      ['no $connect integration and no table', () => ({}),
        /\[Test\/Chat\] connect\.integration: "undefined" is not allowed\. Allowed: an integration, or a connectionsTable/],
      ['a reserved route key', s => ({ connectionsTable: {}, routes: { $connect: { integration: WebSocketIntegration.lambda(newFunction(s)) } } }),
        /routes\['\$connect'\]: "\$connect" is not allowed\. Allowed: \$default, or a custom key/],
      ['a route key with spaces', s => ({ connectionsTable: {}, routes: { 'send message': { integration: WebSocketIntegration.lambda(newFunction(s)) } } }),
        /routes\['send message'\]/],
      ['a route selection expression outside the body', () => ({ connectionsTable: {}, routeSelectionExpression: '$request.header.x' }),
        /routeSelectionExpression: "\$request\.header\.x" is not allowed/],
      ['a TTL shorter than a connection', () => ({ connectionsTable: { timeToLive: Duration.minutes(30) } }),
        /connectionsTable\.timeToLive: "1800 seconds" is not allowed\. Allowed: at least 7200 seconds/],
      ['a timeout above 29 s', s => ({ connect: { integration: WebSocketIntegration.lambda(newFunction(s), { timeout: Duration.seconds(30) }) } }),
        /connect\.integration\.timeout: 30000 is not allowed\. Allowed: a whole number from 50 to 29000 ms/],
      ['an identity source in HTTP API form', s => ({
        connectionsTable: {},
        connect: { authorization: WebSocketAuthorization.authorizer(WebSocketAuthorizer.lambda(newFunction(s), { identitySources: ['$request.header.Authorization'] })) },
      }), /identitySources\[0\]: "\$request\.header\.Authorization" is not allowed\. Allowed: route\.request\.header\.<name>/],
      ['a $default stage name', () => ({ connectionsTable: {}, stages: [{ stageName: '$default' }] }), /stages\[0\]\.stageName: "\$default" is not allowed/],
      ['two stages of one name', () => ({ connectionsTable: {}, stages: [{}, {}] }), /stages\[1\]\.stageName: "prod" is not allowed\. Allowed: a name no other stage/],
      ['a message group that would break the template', s => ({
        connectionsTable: {}, routes: { x: { integration: WebSocketIntegration.sqsSendMessage(new sqs.Queue(s, 'Q'), { messageGroupId: 'a"b' }) } },
      }), /routes\['x'\]\.integration\.messageGroupId: "a\\"b" is not allowed/],
      ['a bad URL', () => ({ connectionsTable: {}, routes: { x: { integration: WebSocketIntegration.url('backend.example.com') } } }),
        /routes\['x'\]\.integration\.url/],
    ])('%s', (_name, build, message) => {
      const stack = newStack();
      expect(() => new GatewayWebSocketApi(stack, 'Chat', build(stack))).toThrow(message);
    });
  });
});

describe('GatewayWebSocketApi under a strict compliance preset', () => {
  test.each([Compliance.NIST_800_53_R5, Compliance.PCI_DSS_321, Compliance.HIPAA_SECURITY])('%s: access logs under a customer-managed key, and the API passes its own rules', compliance => {
    const { template } = synth(stack => ({
      compliance,
      connect: { authorization: WebSocketAuthorization.authorizer(WebSocketAuthorizer.lambda(newFunction(stack, 'Auth'))) },
      connectionsTable: {},
      routes: { $default: { integration: WebSocketIntegration.lambda(newFunction(stack, 'Default')) } },
    }));
    template.hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('EncryptionKey'), 'Arn'] } });
  });
});
