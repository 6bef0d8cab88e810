import { Stack } from 'aws-cdk-lib';
import * as fc from 'fast-check';
import { buildHttpApi, httpSpecArb } from './http-spec';
import { cleanUp, judge, newApp } from './judge';
import { CI_RUNS, runs } from './settings';

afterAll(cleanUp);

test('random valid HTTP APIs synthesize clean', () => {
  jest.spyOn(console, 'error').mockImplementation(() => {});
  fc.assert(fc.property(httpSpecArb, spec => {
    const app = newApp();
    const { backends } = buildHttpApi(new Stack(app, 'Test'), spec);
    expect(judge(app, backends)).toEqual({ cloudFormationValidate: [], policyValidator: [], annotationErrors: [] });
  }), runs(CI_RUNS.http));
});
