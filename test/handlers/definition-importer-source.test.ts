import { loadHandler } from './run-handler';
import { DEFINITION_IMPORTER_SOURCE } from '../../src/handlers/definition-importer-source';

/** Runs the importer's source with the AWS SDK and https replaced by recorders. */
function loadImporter(options: { definition: string; putFails?: boolean }) {
  const calls: { put?: any; response?: any; getObject?: any } = {};
  const { handler, responses } = loadHandler(DEFINITION_IMPORTER_SOURCE, {
    '@aws-sdk/client-s3': {
      S3Client: class {
        send(command: any) {
          calls.getObject = command.input;
          return { Body: { transformToString: async () => options.definition } };
        }
      },
      GetObjectCommand: class { constructor(public input: any) {} },
    },
    '@aws-sdk/client-api-gateway': {
      APIGatewayClient: class {
        async send(command: any) {
          if (options.putFails) throw new Error('BadRequestException: Invalid mapping expression');
          calls.put = command.input;
        }
      },
      PutRestApiCommand: class { constructor(public input: any) {} },
    },
  });
  const run = async (event: any, context: any) => { await handler(event, context); calls.response = responses[0]; };
  return { handler: run, calls };
}

const event = (requestType: string) => ({
  RequestType: requestType,
  ResponseURL: 'https://cloudformation-response.example/abc',
  StackId: 'stack',
  RequestId: 'request',
  LogicalResourceId: 'ApiDefinitionImport',
  ResourceProperties: {
    RestApiId: 'abc123',
    Bucket: 'assets',
    Key: 'hash.json',
    Substitutions: { 0: 'arn:aws:apigateway:eu-west-1:lambda:path/fn', 1: 'with "quotes"' },
  },
});

describe('the definition importer', () => {
  test('puts the definition with every placeholder replaced, then reports success', async () => {
    const { handler, calls } = loadImporter({ definition: '{"a":"@@CFN:0@@","b":["@@CFN:1@@","@@CFN:0@@"]}' });
    await handler(event('Create'), { logStreamName: 'log' });
    expect(calls.getObject).toEqual({ Bucket: 'assets', Key: 'hash.json' });
    expect(calls.put).toMatchObject({ restApiId: 'abc123', mode: 'overwrite', failOnWarnings: false });
    expect(JSON.parse(calls.put.body.toString())).toEqual({
      a: 'arn:aws:apigateway:eu-west-1:lambda:path/fn',
      b: ['with "quotes"', 'arn:aws:apigateway:eu-west-1:lambda:path/fn'],
    });
    expect(calls.response).toMatchObject({
      url: 'https://cloudformation-response.example/abc',
      method: 'PUT',
      body: { Status: 'SUCCESS', PhysicalResourceId: 'abc123', RequestId: 'request', LogicalResourceId: 'ApiDefinitionImport' },
    });
  });

  test('reports the failure with API Gateway\'s message', async () => {
    const { handler, calls } = loadImporter({ definition: '{}', putFails: true });
    await handler(event('Update'), { logStreamName: 'log' });
    expect(calls.response.body.Status).toBe('FAILED');
    expect(calls.response.body.Reason).toContain('Invalid mapping expression');
  });

  test('does nothing to the API on delete: the API itself is deleted by CloudFormation', async () => {
    const { handler, calls } = loadImporter({ definition: '{}' });
    await handler(event('Delete'), { logStreamName: 'log' });
    expect(calls.put).toBeUndefined();
    expect(calls.response.body.Status).toBe('SUCCESS');
  });
});
