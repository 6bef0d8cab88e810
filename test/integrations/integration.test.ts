import {
  App, Duration, Stack, aws_apigateway as apigw, aws_dynamodb as dynamodb, aws_events as events, aws_kinesis as kinesis, aws_kms as kms,
  aws_s3 as s3, aws_sns as sns, aws_sqs as sqs, aws_stepfunctions as sfn,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { GatewayApi, Integration } from '../../src';
import { newFunction, operation, synthApi } from '../util';

const integrationOf = (body: any, path: string, method: string) => operation(body, path, method)['x-amazon-apigateway-integration'];

describe('Lambda proxy', () => {
  test('invokes the function through the Lambda invocation URI with the default 29 s timeout', () => {
    const { body } = synthApi(stack => ({ routes: { 'GET /pets': { integration: Integration.lambda(newFunction(stack)) } } }));
    expect(integrationOf(body, '/pets', 'get')).toEqual({
      type: 'aws_proxy',
      httpMethod: 'POST',
      uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn9270CBC0.Arn}/invocations' },
      timeoutInMillis: 29000,
    });
  });

  test('grants one invoke permission per function for every stage, method and path, however many routes use it', () => {
    const { template } = synthApi(stack => {
      const fn = newFunction(stack);
      const other = newFunction(stack, 'Other');
      return {
        routes: {
          'GET /a': { integration: Integration.lambda(fn) },
          'GET /b': { integration: Integration.lambda(fn) },
          'POST /b': { integration: Integration.lambdaWithTemplates(fn) },
          'GET /c': { integration: Integration.lambda(other) },
        },
      };
    });
    template.resourceCountIs('AWS::Lambda::Permission', 2);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': ['Fn9270CBC0', 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':execute-api:', { Ref: 'AWS::Region' }, ':',
          { Ref: 'AWS::AccountId' }, ':', { Ref: 'ApiF70053CD' }, '/*/*/*']],
      },
    });
    // An environment-agnostic stack has no account to state: the ARN alone restricts the caller.
    expect(Object.values(template.findResources('AWS::Lambda::Permission'))[0].Properties.SourceAccount).toBeUndefined();
  });

  test('in a stack of a known account the permission states it too, as Control Tower\'s CT.LAMBDA.PR.2 reads only literals', () => {
    const stack = new Stack(new App({ context: { '@aws-cdk/core:validateAgainstDefaultRules': false } }), 'Env', { env: { account: '123456789012', region: 'eu-west-1' } });
    new GatewayApi(stack, 'Api', { routes: { 'GET /a': { integration: Integration.lambda(newFunction(stack)) } } });
    Template.fromStack(stack).hasResourceProperties('AWS::Lambda::Permission', { Principal: 'apigateway.amazonaws.com', SourceAccount: '123456789012' });
  });
});

describe('Lambda non-proxy', () => {
  test('renders request and response mapping templates and derives method responses', () => {
    const { body } = synthApi(stack => ({
      routes: {
        'GET /pets/{petId}': {
          integration: Integration.lambdaWithTemplates(newFunction(stack), {
            requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
            integrationResponses: [
              {
                statusCode: '200',
                responseTemplates: { 'application/json': '$input.json(\'$.pet\')' },
                responseParameters: { 'method.response.header.Cache-Control': "'max-age=60'" },
              },
              { statusCode: '404', selectionPattern: '.*not found.*' },
            ],
          }),
        },
      },
    }));
    const op = operation(body, '/pets/{petId}', 'get');
    expect(op['x-amazon-apigateway-integration']).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      requestTemplates: { 'application/json': '{"id": "$input.params(\'petId\')"}' },
      passthroughBehavior: 'when_no_templates',
      responses: {
        'default': {
          statusCode: '200',
          responseTemplates: { 'application/json': '$input.json(\'$.pet\')' },
          responseParameters: { 'method.response.header.Cache-Control': "'max-age=60'" },
        },
        '.*not found.*': { statusCode: '404' },
      },
    });
    expect(op.responses).toEqual({
      200: { description: '200 response', headers: { 'Cache-Control': { schema: { type: 'string' } } } },
      404: { description: '404 response' },
    });
  });

  test('rejects a selection pattern used twice and a malformed status code', () => {
    const twice = () => synthApi(stack => ({
      routes: { 'GET /x': { integration: Integration.lambdaWithTemplates(newFunction(stack), { integrationResponses: [{ statusCode: '200' }, { statusCode: '500' }] }) } },
    }));
    expect(twice).toThrow(/\[Test\/Api\] routes\['GET \/x'\]\.integration\.integrationResponses\[1\]\.selectionPattern: "\(default\)" is not allowed/);
    const badStatus = () => synthApi(stack => ({
      routes: { 'GET /x': { integration: Integration.lambdaWithTemplates(newFunction(stack), { integrationResponses: [{ statusCode: '2000' }] }) } },
    }));
    expect(badStatus).toThrow(/integrationResponses\[0\]\.statusCode: "2000" is not allowed\. Allowed: a three-digit HTTP status code/);
  });
});

describe('HTTP', () => {
  test('proxy forwards the method and maps URL placeholders to path parameters', () => {
    const { body } = synthApi(() => ({
      routes: { 'ANY /legacy/{proxy+}': { integration: Integration.url('https://legacy.example.com/{proxy}') } },
    }));
    expect(integrationOf(body, '/legacy/{proxy+}', 'x-amazon-apigateway-any-method')).toEqual({
      type: 'http_proxy',
      uri: 'https://legacy.example.com/{proxy}',
      httpMethod: 'ANY',
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      timeoutInMillis: 29000,
    });
  });

  test('non-proxy renders templates, request parameters, content handling and a custom timeout', () => {
    const { body } = synthApi(() => ({
      routes: {
        'GET /search': {
          integration: Integration.urlWithTemplates('https://search.example.com/q', {
            method: 'POST',
            timeout: Duration.seconds(5),
            contentHandling: apigw.ContentHandling.CONVERT_TO_TEXT,
            passthroughBehavior: apigw.PassthroughBehavior.NEVER,
            requestParameters: { 'integration.request.querystring.q': 'method.request.querystring.term' },
            requestTemplates: { 'application/json': '{"q": "$input.params(\'term\')"}' },
          }),
        },
      },
    }));
    const op = operation(body, '/search', 'get');
    expect(op['x-amazon-apigateway-integration']).toEqual({
      type: 'http',
      uri: 'https://search.example.com/q',
      httpMethod: 'POST',
      requestParameters: { 'integration.request.querystring.q': 'method.request.querystring.term' },
      requestTemplates: { 'application/json': '{"q": "$input.params(\'term\')"}' },
      passthroughBehavior: 'never',
      contentHandling: 'CONVERT_TO_TEXT',
      timeoutInMillis: 5000,
      responses: { default: { statusCode: '200' } },
    });
    // The method request parameter the integration reads is declared on the route.
    expect(op.parameters).toEqual([{ name: 'term', in: 'query', required: false, schema: { type: 'string' } }]);
  });

  test('rejects a URL that is not http(s)', () => {
    expect(() => synthApi(() => ({ routes: { 'GET /x': { integration: Integration.url('ftp://x') } } })))
      .toThrow(/routes\['GET \/x'\]\.integration\.url: "ftp:\/\/x" is not allowed\. Allowed: an http:\/\/ or https:\/\/ URL/);
  });

  test('rejects request parameters that name a missing path parameter or a malformed key', () => {
    expect(() => synthApi(() => ({
      routes: { 'GET /x': { integration: Integration.urlWithTemplates('https://b.example.com', { requestParameters: { 'integration.request.path.id': 'method.request.path.id' } }) } },
    }))).toThrow(/requestParameters\['integration\.request\.path\.id'\]: "method\.request\.path\.id" is not allowed\. Allowed: a path parameter of GET \/x: \(none\)/);
    expect(() => synthApi(() => ({
      routes: { 'GET /x': { integration: Integration.urlWithTemplates('https://b.example.com', { requestParameters: { 'request.path.id': "'v'" } }) } },
    }))).toThrow(/requestParameters key: "request\.path\.id" is not allowed/);
  });
});

describe('AWS services', () => {
  test('SQS SendMessage posts the body as a form-encoded message with a role that may only send to the queue', () => {
    const { body, template } = synthApi(stack => ({
      routes: { 'POST /orders': { integration: Integration.sqsSendMessage(new sqs.Queue(stack, 'Queue')) } },
    }));
    const integration = integrationOf(body, '/orders', 'post');
    expect(integration).toMatchObject({
      type: 'aws',
      httpMethod: 'POST',
      passthroughBehavior: 'never',
      requestParameters: { 'integration.request.header.Content-Type': "'application/x-www-form-urlencoded'" },
      requestTemplates: { 'application/json': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
      responses: { 'default': { statusCode: '200' }, '4\\d{2}': { statusCode: '400' }, '5\\d{2}': { statusCode: '500' } },
    });
    expect(integration.credentials['Fn::GetAtt'][0]).toMatch(/^ApiSqsSendMessageRole/);
    expect(JSON.stringify(integration.uri)).toContain(':sqs:path/');
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole', Effect: 'Allow' }] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Queue4A7E3555', 'Arn'] } }] },
    });
  });

  test('on KMS-encrypted queues and topics, the role may make the data key calls on that key only: no wildcard action', () => {
    const { template } = synthApi(stack => {
      const key = new kms.Key(stack, 'Key');
      return {
        routes: {
          'POST /orders': { integration: Integration.sqsSendMessage(new sqs.Queue(stack, 'Queue', { encryptionMasterKey: key })) },
          'POST /events': { integration: Integration.snsPublish(new sns.Topic(stack, 'Topic', { masterKey: key })) },
          'POST /items': {
            integration: Integration.dynamoDbPutItem(new dynamodb.Table(stack, 'Table', {
              partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING },
              encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
              encryptionKey: key,
            }), { item: '{"id": {"S": "$context.requestId"}}' }),
          },
        },
      };
    });
    const keyArn = { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] };
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'sqs:SendMessage', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Queue4A7E3555', 'Arn'] } },
          { Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Effect: 'Allow', Resource: keyArn },
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'sns:Publish', Effect: 'Allow', Resource: { Ref: 'TopicBFC7AF6E' } },
          { Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Effect: 'Allow', Resource: keyArn },
        ],
      },
    });
    const actions = Object.values(template.findResources('AWS::IAM::Policy'))
      .flatMap((p: any) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'kms:Encrypt']));
    expect(actions.filter((a: string) => a.includes('*'))).toEqual([]);
  });

  test('DynamoDB PutItem, GetItem and Query each get exactly their action, on the table or the index', () => {
    const { body, template } = synthApi(stack => {
      const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
      return {
        routes: {
          'POST /items': { integration: Integration.dynamoDbPutItem(table, { item: '{"id": {"S": "$context.requestId"}}' }) },
          'GET /items/{id}': { integration: Integration.dynamoDbGetItem(table, { key: '{"id": {"S": "$input.params(\'id\')"}}' }) },
          'GET /owners/{owner}/items': {
            integration: Integration.dynamoDbQuery(table, {
              indexName: 'byOwner',
              keyConditionExpression: 'owner = :owner',
              expressionAttributeValues: '{":owner": {"S": "$input.params(\'owner\')"}}',
            }),
          },
        },
      };
    });
    const put = integrationOf(body, '/items', 'post');
    expect(JSON.stringify(put.uri)).toContain(':dynamodb:action/PutItem');
    expect(put.requestTemplates['application/json']).toEqual({
      'Fn::Sub': '{"TableName": "${TableCD117FA1}", "Item": {"id": {"S": "$context.requestId"}}}',
    });
    const query = integrationOf(body, '/owners/{owner}/items', 'get');
    expect(query.requestTemplates['application/json']).toEqual({
      'Fn::Sub': '{"TableName": "${TableCD117FA1}", "IndexName": "byOwner", "KeyConditionExpression": "owner = :owner", '
        + '"ExpressionAttributeValues": {":owner": {"S": "$input.params(\'owner\')"}}}',
    });
    for (const action of ['PutItem', 'GetItem']) {
      template.hasResourceProperties('AWS::IAM::Policy', {
        PolicyDocument: { Statement: [{ Action: `dynamodb:${action}`, Effect: 'Allow', Resource: { 'Fn::GetAtt': ['TableCD117FA1', 'Arn'] } }] },
      });
    }
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'dynamodb:Query',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['TableCD117FA1', 'Arn'] }, '/index/byOwner']] },
        }],
      },
    });
  });

  test('SNS Publish sends the body to the topic', () => {
    const { body, template } = synthApi(stack => ({
      routes: { 'POST /events': { integration: Integration.snsPublish(new sns.Topic(stack, 'Topic')) } },
    }));
    const integration = integrationOf(body, '/events', 'post');
    expect(JSON.stringify(integration.uri)).toContain(':sns:action/Publish');
    expect(JSON.stringify(integration.requestTemplates)).toContain('Action=Publish&TopicArn=$util.urlEncode(');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'sns:Publish', Resource: { Ref: 'TopicBFC7AF6E' } }] },
    });
  });

  test('EventBridge PutEvents puts the body on the bus as one event\'s detail, with a role allowed PutEvents on that bus', () => {
    const { body, template } = synthApi(stack => ({
      routes: {
        'POST /orders/events': {
          integration: Integration.eventBridgePutEvents(new events.EventBus(stack, 'Bus'), { source: 'com.example.orders', detailType: 'OrderPlaced' }),
        },
      },
    }));
    const integration = integrationOf(body, '/orders/events', 'post');
    expect(JSON.stringify(integration.uri)).toContain(':events:action/PutEvents');
    expect(integration.requestParameters).toMatchObject({
      'integration.request.header.X-Amz-Target': "'AWSEvents.PutEvents'",
      'integration.request.header.Content-Type': "'application/x-amz-json-1.1'",
    });
    const requestTemplate = JSON.stringify(integration.requestTemplates['application/json']);
    expect(requestTemplate).toContain('\\"Source\\": \\"com.example.orders\\", \\"DetailType\\": \\"OrderPlaced\\", \\"Detail\\": \\"$util.escapeJavaScript($body)');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': ['BusEA82B648', 'Arn'] } }] },
    });
  });

  test.each([
    ['an AWS source', { source: 'aws.orders', detailType: 'OrderPlaced' }, 'source: "aws.orders" is not allowed. Allowed: a source of your own'],
    ['an empty detail type', { source: 'com.example', detailType: '' }, 'detailType: "" is not allowed. Allowed: 1 to 128 characters'],
  ])('EventBridge PutEvents refuses %s', (_, options, message) => {
    expect(() => synthApi(stack => ({
      routes: { 'POST /e': { integration: Integration.eventBridgePutEvents(new events.EventBus(stack, 'Bus'), options) } },
    }))).toThrow(`routes['POST /e'].integration.${message}`);
  });

  test('S3 GetObject and PutObject: the route\'s path parameter names the key, each role reads or writes that prefix of that bucket only', () => {
    const { body, template } = synthApi(stack => {
      const bucket = new s3.Bucket(stack, 'Docs');
      return {
        routes: {
          'GET /docs/{key+}': { integration: Integration.s3GetObject(bucket, { keyPrefix: 'public/' }) },
          'PUT /uploads/{owner}/{name}': { integration: Integration.s3PutObject(bucket, { keyParameter: 'name' }) },
        },
      };
    });
    const get = integrationOf(body, '/docs/{key+}', 'get');
    expect(get).toMatchObject({ type: 'aws', httpMethod: 'GET', requestParameters: { 'integration.request.path.key': 'method.request.path.key' } });
    expect(JSON.stringify(get.uri)).toContain(':s3:path/${Docs');
    expect(JSON.stringify(get.uri)).toContain('/public/{key}');
    expect(get.responses.default.responseParameters).toEqual({ 'method.response.header.Content-Type': 'integration.response.header.Content-Type' });
    expect(get.responses['4\\d{2}'].statusCode).toBe('404');
    const put = integrationOf(body, '/uploads/{owner}/{name}', 'put');
    expect(put).toMatchObject({ httpMethod: 'PUT', requestParameters: { 'integration.request.path.key': 'method.request.path.name' } });
    expect(put.requestTemplates).toBeUndefined();
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    const resourcesOf = (action: string) => JSON.stringify(statements.filter((st: any) => st.Action === action).map((st: any) => st.Resource));
    expect(resourcesOf('s3:GetObject')).toContain('/public/*');
    expect(resourcesOf('s3:PutObject')).toContain('/*');
    // Exactly the one action each: no listing, deleting or tagging.
    expect(statements.map((st: any) => st.Action).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
  });

  test('S3 ListObjectsV2 lists the keys under the prefix, with a role that may list that prefix only', () => {
    const { body, template } = synthApi(stack => ({
      routes: { 'GET /docs': { integration: Integration.s3ListObjects(new s3.Bucket(stack, 'Docs'), { keyPrefix: 'public/' }) } },
    }));
    const list = integrationOf(body, '/docs', 'get');
    expect(list).toMatchObject({
      type: 'aws',
      httpMethod: 'GET',
      requestParameters: { 'integration.request.querystring.list-type': "'2'", 'integration.request.querystring.prefix': "'public/'" },
    });
    expect(list.uri).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:s3:path/${DocsA50029D5}' });
    expect(list.responses.default.responseParameters).toEqual({ 'method.response.header.Content-Type': 'integration.response.header.Content-Type' });
    expect(list.responses['[45]\\d{2}'].statusCode).toBe('500');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 's3:ListBucket',
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': ['DocsA50029D5', 'Arn'] },
          Condition: { StringLike: { 's3:prefix': ['public/*'] } },
        }],
      },
    });
    expect(() => synthApi(stack => ({
      routes: { 'GET /docs': { integration: Integration.s3ListObjects(new s3.Bucket(stack, 'Docs'), { keyPrefix: "it's/" }) } },
    }))).toThrow("routes['GET /docs'].integration.keyPrefix: \"it's/\" is not allowed. Allowed: a key prefix without single quotes");
  });

  test('S3 objects through an API without binary media types: a synth warning that binary objects would be corrupted', () => {
    const warnings = (binaryMediaTypes?: string[]) => {
      const { stack } = synthApi(s => ({
        binaryMediaTypes,
        routes: { 'GET /docs/{key}': { integration: Integration.s3GetObject(new s3.Bucket(s, 'Docs')) }, 'GET /list': { integration: Integration.s3ListObjects(new s3.Bucket(s, 'Other')) } },
      }));
      return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('S3 objects')).map(w => String(w.entry.data));
    };
    expect(warnings()).toEqual([expect.stringContaining('Routes GET /docs/{key} pass S3 objects, but the API has no binaryMediaTypes')]);
    expect(warnings(['application/pdf'])).toEqual([]);
  });

  test('S3 refuses a key parameter the route does not have', () => {
    expect(() => synthApi(stack => ({
      routes: { 'GET /docs': { integration: Integration.s3GetObject(new s3.Bucket(stack, 'Docs')) } },
    }))).toThrow("routes['GET /docs'].integration.keyParameter: undefined is not allowed. Allowed: a path parameter of the route, which holds the object key (the route has none)");
  });

  test('Kinesis PutRecord writes the body base64-encoded under the partition key given, with a role allowed PutRecord and the key\'s data key', () => {
    const { body, template } = synthApi(stack => {
      const stream = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.KMS, encryptionKey: new kms.Key(stack, 'Key') });
      return { routes: { 'POST /clicks/{deviceId}': { integration: Integration.kinesisPutRecord(stream, { partitionKey: "$input.params('deviceId')" }) } } };
    });
    const integration = integrationOf(body, '/clicks/{deviceId}', 'post');
    expect(JSON.stringify(integration.uri)).toContain(':kinesis:action/PutRecord');
    expect(integration.requestParameters['integration.request.header.X-Amz-Target']).toBe("'Kinesis_20131202.PutRecord'");
    expect(JSON.stringify(integration.requestTemplates['application/json']))
      .toContain('\\"Data\\": \\"$util.base64Encode($input.body)\\", \\"PartitionKey\\": \\"$input.params(\'deviceId\')\\"');
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Action: 'kinesis:PutRecord', Effect: 'Allow', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Clicks'), 'Arn'] } },
          { Action: 'kms:GenerateDataKey', Effect: 'Allow', Resource: { 'Fn::GetAtt': ['Key961B73FD', 'Arn'] } },
        ],
      },
    });
  });

  test('Kinesis PutRecords writes each of the body\'s records, base64-encoded, with a role allowed PutRecords only', () => {
    const { body, template } = synthApi(stack => ({
      routes: { 'POST /clicks': { integration: Integration.kinesisPutRecords(new kinesis.Stream(stack, 'Clicks')) } },
    }));
    const integration = integrationOf(body, '/clicks', 'post');
    expect(JSON.stringify(integration.uri)).toContain(':kinesis:action/PutRecords');
    expect(integration.requestParameters['integration.request.header.X-Amz-Target']).toBe("'Kinesis_20131202.PutRecords'");
    const vtl = JSON.stringify(integration.requestTemplates['application/json']);
    expect(vtl).toContain("#foreach($record in $input.path('$.records'))");
    expect(vtl).toContain('\\"Data\\": \\"$util.base64Encode($record.data)\\"');
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
    expect(statements.map((st: any) => st.Action)).toEqual(['kinesis:PutRecords']);
  });

  test('any AWS service action: the template of yours, the JSON protocol\'s target header, a role allowed that action on the resources named', () => {
    const { body, template } = synthApi(stack => {
      const stream = new kinesis.Stream(stack, 'Clicks', { encryption: kinesis.StreamEncryption.MANAGED });
      return {
        routes: {
          'POST /clicks': {
            integration: Integration.awsServiceAction({
              service: 'kinesis',
              action: 'PutRecords',
              resources: [stream.streamArn],
              jsonTargetPrefix: 'Kinesis_20131202',
              requestTemplate: `{"StreamName": "${stream.streamName}", "Records": [#foreach($r in $input.path('$.records')){"Data": "$util.base64Encode($r)", `
                + '"PartitionKey": "$context.requestId"}#if($foreach.hasNext),#end#end]}',
            }),
          },
        },
      };
    });
    const integration = integrationOf(body, '/clicks', 'post');
    expect(JSON.stringify(integration.uri)).toContain(':kinesis:action/PutRecords');
    expect(integration.requestParameters['integration.request.header.X-Amz-Target']).toBe("'Kinesis_20131202.PutRecords'");
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'kinesis:PutRecords', Resource: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Clicks'), 'Arn'] } }] },
    });
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a wildcard resource', { resources: ['*'] }, 'resources: ["*"] is not allowed. Allowed: the ARNs of what the action touches'],
    ['no resource', { resources: [] }, 'resources: [] is not allowed'],
    ['a service that is no endpoint prefix', { service: 'Amazon Kinesis' }, 'service: "Amazon Kinesis" is not allowed'],
    ['an IAM action with a wildcard', { iamAction: 'kinesis:*' }, 'iamAction: "kinesis:*" is not allowed'],
  ])('any AWS service action refuses %s', (_, override, message) => {
    const options = {
      service: 'kinesis', action: 'PutRecord', resources: ['arn:aws:kinesis:eu-west-1:111122223333:stream/s'], requestTemplate: '{}', ...override,
    } as Parameters<typeof Integration.awsServiceAction>[0];
    expect(() => synthApi(() => ({ routes: { 'POST /x': { integration: Integration.awsServiceAction(options) } } })))
      .toThrow(`routes['POST /x'].integration.${message}`);
  });

  test('Step Functions StartExecution and StartSyncExecution use the states service with their own grants', () => {
    const { body, template } = synthApi(stack => {
      const definitionBody = sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass'));
      const standard = new sfn.StateMachine(stack, 'Standard', { definitionBody });
      const express = new sfn.StateMachine(stack, 'Express', {
        definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass2')),
        stateMachineType: sfn.StateMachineType.EXPRESS,
      });
      return {
        routes: {
          'POST /jobs': { integration: Integration.stepFunctionsStartExecution(standard) },
          'POST /quotes': { integration: Integration.stepFunctionsStartSyncExecution(express) },
        },
      };
    });
    expect(JSON.stringify(integrationOf(body, '/jobs', 'post').uri)).toContain(':states:action/StartExecution');
    expect(JSON.stringify(integrationOf(body, '/quotes', 'post').uri)).toContain(':states:action/StartSyncExecution');
    const startTemplate = integrationOf(body, '/jobs', 'post').requestTemplates['application/json']['Fn::Sub'];
    expect(startTemplate).toContain('#set($body = $input.json(\'$\'))#if("$!body" == "" || "$body" == \'""\')#set($body = "{}")#end'
      + '{"input": "$util.escapeJavaScript($body).replaceAll("\\\\\'", "\'")", "stateMachineArn": "${Standard');
    // A synchronous execution that failed answers 500, not the 200 Step Functions sends.
    const sync = integrationOf(body, '/quotes', 'post').responses.default.responseTemplates['application/json'];
    expect(sync).toMatch(/^#if\(\$input\.path\('\$\.status'\) == "SUCCEEDED"\)\$input\.path\('\$\.output'\)#else#set\(\$context\.responseOverride\.status = 500\)/);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'states:StartExecution', Resource: { Ref: Match.stringLikeRegexp('^Standard') } }] },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 'states:StartSyncExecution', Resource: { Ref: Match.stringLikeRegexp('^Express') } }] },
    });
  });

  test('StartSyncExecution refuses a STANDARD state machine', () => {
    expect(() => synthApi(stack => ({
      routes: {
        'POST /q': {
          integration: Integration.stepFunctionsStartSyncExecution(new sfn.StateMachine(stack, 'Standard', {
            definitionBody: sfn.DefinitionBody.fromChainable(new sfn.Pass(stack, 'Pass')),
          })),
        },
      },
    }))).toThrow(/integration stateMachine: "Test\/Standard" is not allowed\. Allowed: an EXPRESS state machine/);
  });

  test('routes that use the same service action on the same target share one role', () => {
    const { template } = synthApi(stack => {
      const queue = new sqs.Queue(stack, 'Queue');
      return {
        routes: {
          'POST /a': { integration: Integration.sqsSendMessage(queue) },
          'POST /b': { integration: Integration.sqsSendMessage(queue) },
        },
      };
    });
    template.resourcePropertiesCountIs('AWS::IAM::Role', { Description: Match.stringLikeRegexp('SqsSendMessage') }, 1);
  });

  test('user request templates add to the service template and may replace it', () => {
    const { body } = synthApi(stack => ({
      routes: {
        'POST /orders': {
          integration: Integration.sqsSendMessage(new sqs.Queue(stack, 'Queue'), {
            requestTemplates: { 'text/plain': 'Action=SendMessage&MessageBody=$util.urlEncode($input.body)' },
          }),
        },
      },
    }));
    expect(Object.keys(integrationOf(body, '/orders', 'post').requestTemplates)).toEqual(['application/json', 'text/plain']);
  });
});

describe('mock', () => {
  test('answers 200 from API Gateway itself', () => {
    const { body } = synthApi(() => ({
      routes: {
        'GET /health': {
          integration: Integration.mock({
            integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }],
          }),
        },
      },
    }));
    expect(integrationOf(body, '/health', 'get')).toEqual({
      type: 'mock',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
      passthroughBehavior: 'when_no_templates',
      timeoutInMillis: 29000,
      responses: { default: { statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } } },
    });
  });
});
