import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { cleanUp, judge, newApp } from './judge';
import { CI_RUNS, runs } from './settings';
import { buildWebSocketApi, webSocketSpecArb } from './websocket-spec';

afterAll(cleanUp);

test('random valid WebSocket APIs synthesize clean', () => {
  jest.spyOn(console, 'error').mockImplementation(() => {});
  fc.assert(fc.property(webSocketSpecArb, spec => {
    const app = newApp();
    const { backends } = buildWebSocketApi(new Stack(app, 'Test'), spec);
    expect(judge(app, backends)).toEqual({ cloudFormationValidate: [], policyValidator: [], annotationErrors: [] });
  }), runs(CI_RUNS.webSocket));
});
