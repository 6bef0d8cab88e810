import * as fc from 'fast-check';
import { cleanUp, judge, newApp } from './judge';
import { buildRestApi, expectedRestFindings, restStack } from './rest-build';
import { restSpecArb } from './rest-spec';
import { CI_RUNS, runs } from './settings';

afterAll(cleanUp);

test('random valid REST APIs synthesize clean', () => {
  jest.spyOn(console, 'error').mockImplementation(() => {});
  fc.assert(fc.property(restSpecArb, spec => {
    const app = newApp();
    const stack = restStack(app, spec);
    const { backends } = buildRestApi(stack, spec);
    const judgement = judge(app, backends);
    expect(judgement).toEqual({ cloudFormationValidate: [], policyValidator: expectedRestFindings(spec), annotationErrors: [] });
  }), runs(CI_RUNS.rest));
});
