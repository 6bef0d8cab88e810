import { loadHandler } from './run-handler';
import { CANARY_REMOVER_SOURCE } from '../../src/handlers/canary-remover-source';

/** Runs the remover's source with the AWS SDK and https replaced by recorders. */
function loadRemover(stage: { canarySettings?: unknown }, failure?: string) {
  const calls: { get?: any; update?: any; response?: any } = {};
  class Command { constructor(public input: any) {} }
  class GetStageCommand extends Command {}
  class UpdateStageCommand extends Command {}
  const { handler, responses } = loadHandler(CANARY_REMOVER_SOURCE, {
    '@aws-sdk/client-api-gateway': {
      APIGatewayClient: class {
        async send(command: Command) {
          if (failure) throw new Error(failure);
          if (command instanceof GetStageCommand) { calls.get = command.input; return stage; }
          calls.update = command.input;
          return {};
        }
      },
      GetStageCommand,
      UpdateStageCommand,
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
  LogicalResourceId: 'ApiStageprodCanaryRemoval',
  ResourceProperties: { RestApiId: 'abc123', StageName: 'prod', Deployment: 'dep2' },
});

describe('the canary remover', () => {
  test.each(['Create', 'Update'])('%s: removes the stage\'s canary settings, then reports success', async requestType => {
    const { handler, calls } = loadRemover({ canarySettings: { deploymentId: 'dep2', percentTraffic: 10 } });
    await handler(event(requestType), { logStreamName: 'log' });
    expect(calls.get).toEqual({ restApiId: 'abc123', stageName: 'prod' });
    expect(calls.update).toEqual({ restApiId: 'abc123', stageName: 'prod', patchOperations: [{ op: 'remove', path: '/canarySettings' }] });
    expect(calls.response).toMatchObject({ method: 'PUT', body: { Status: 'SUCCESS', PhysicalResourceId: 'abc123', LogicalResourceId: 'ApiStageprodCanaryRemoval' } });
  });

  test('a stage without a canary is left alone', async () => {
    const { handler, calls } = loadRemover({});
    await handler(event('Update'), { logStreamName: 'log' });
    expect(calls.update).toBeUndefined();
    expect(calls.response.body.Status).toBe('SUCCESS');
  });

  test('delete changes nothing: the stage keeps whatever its template says', async () => {
    const { handler, calls } = loadRemover({ canarySettings: {} });
    await handler(event('Delete'), { logStreamName: 'log' });
    expect(calls.get).toBeUndefined();
    expect(calls.response.body.Status).toBe('SUCCESS');
  });

  test('an API Gateway error fails the deployment with its message', async () => {
    const { handler, calls } = loadRemover({}, 'AccessDeniedException: not authorized to perform apigateway:PATCH');
    await handler(event('Create'), { logStreamName: 'log-stream' });
    expect(calls.response.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/^AccessDeniedException: not authorized.*\(see log stream log-stream\)$/) });
  });
});
