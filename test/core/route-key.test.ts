import { Stack } from 'aws-cdk-lib';
import { parseRouteKey, variableSiblingConflict } from '../../src/core/route-key';
import { newStack } from '../util';

describe('parseRouteKey', () => {
  let stack: Stack;
  beforeEach(() => { stack = newStack(); });

  test('reads the method, path and path parameters', () => {
    expect(parseRouteKey(stack, 'routes', 'GET /pets/{petId}/toys/{toyId}')).toEqual({
      key: 'GET /pets/{petId}/toys/{toyId}',
      method: 'GET',
      path: '/pets/{petId}/toys/{toyId}',
      pathParameters: ['petId', 'toyId'],
      greedy: false,
    });
  });

  test('accepts the root, ANY and a greedy last segment', () => {
    expect(parseRouteKey(stack, 'routes', 'GET /').pathParameters).toEqual([]);
    const greedy = parseRouteKey(stack, 'routes', 'ANY /files/{proxy+}');
    expect(greedy).toMatchObject({ method: 'ANY', pathParameters: ['proxy'], greedy: true });
  });

  test.each([
    ['lowercase method', 'get /pets'],
    ['unknown method', 'FETCH /pets'],
    ['no path', 'GET'],
    ['relative path', 'GET pets'],
    ['two spaces', 'GET  /pets'],
    ['trailing slash', 'GET /pets/'],
    ['empty segment', 'GET /pets//toys'],
    ['illegal character', 'GET /pets?id=1'],
    ['unbalanced brace', 'GET /pets/{petId'],
    ['brace inside a segment', 'GET /pets/pet-{id}'],
  ])('rejects a %s with the construct path, the prop and the allowed form', (_, key) => {
    expect(() => parseRouteKey(stack, "routes['x']", key)).toThrow(
      new RegExp(`^\\[Test\\] routes\\['x'\\]: ${JSON.stringify(key).replace(/[{}?+/]/g, '\\$&')} is not allowed\\. Allowed: "METHOD /path"`),
    );
  });

  test('rejects a greedy parameter that is not last', () => {
    expect(() => parseRouteKey(stack, 'routes', 'GET /{proxy+}/x')).toThrow(/greedy path parameter \(\{proxy\+\}\) only as the last segment/);
  });

  test('rejects a repeated parameter name', () => {
    expect(() => parseRouteKey(stack, 'routes', 'GET /{id}/x/{id}')).toThrow(/\{id\} repeats/);
  });
});

describe('variableSiblingConflict', () => {
  test('finds two different variables at the same level under the same parent', () => {
    expect(variableSiblingConflict('/pets/{id}', '/pets/{petId}/toys')).toBe('/pets/{id} and /pets/{petId}');
  });

  test('allows the same variable, or variables under different parents', () => {
    expect(variableSiblingConflict('/pets/{id}', '/pets/{id}/toys')).toBeUndefined();
    expect(variableSiblingConflict('/pets/{id}', '/toys/{toyId}')).toBeUndefined();
    expect(variableSiblingConflict('/pets', '/{proxy+}')).toBeUndefined();
  });
});
