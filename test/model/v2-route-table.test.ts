import { Construct } from 'constructs';
import { V2Protocol, V2RouteSpec, V2RouteTable } from '../../src/model/v2-route-table';
import { newStack } from '../util';

/** A route table on its own: routes in, validated models out, no resources and no synthesis. */
function table(protocol: V2Protocol): V2RouteTable {
  return new V2RouteTable(new Construct(newStack(), 'Api'), protocol);
}

function route(routeKey: string, more: Partial<V2RouteSpec> = {}): V2RouteSpec {
  return { routeKey, prop: `routes['${routeKey}']`, authorizationType: 'AWS_IAM', ...more };
}

describe('an HTTP API route table', () => {
  test('keeps a route with its parsed method, path and path parameters; $default has none', () => {
    const t = table(V2Protocol.HTTP);
    expect(t.add(route('GET /items/{id}')).key).toEqual(expect.objectContaining({ method: 'GET', path: '/items/{id}', pathParameters: ['id'] }));
    expect(t.add(route('$default')).key).toBeUndefined();
    expect(t.routes.map(r => r.routeKey)).toEqual(['GET /items/{id}', '$default']);
  });

  test.each([
    ['GET items', /Allowed: "METHOD \/path"/],
    ['FETCH /items', /Allowed: "METHOD \/path"/],
    ['GET /{proxy+}/more', /a greedy path parameter/],
    ['$connect', /Allowed: "METHOD \/path"/],
  ])('refuses the key %s, naming the route', (key, message) => {
    expect(() => table(V2Protocol.HTTP).add(route(key))).toThrow(message);
    expect(() => table(V2Protocol.HTTP).add(route(key))).toThrow(`routes['${key}']`);
  });

  test('each key once; the table is unchanged by a refused route', () => {
    const t = table(V2Protocol.HTTP);
    t.add(route('GET /items'));
    expect(() => t.add(route('GET /items'))).toThrow(/\[Test\/Api\] routes: "GET \/items" is not allowed\. Allowed: each route key once/);
    expect(t.routes).toHaveLength(1);
  });

  test('checks the throttle', () => {
    expect(() => table(V2Protocol.HTTP).add(route('GET /a', { throttle: { rateLimit: -1, burstLimit: 1 } })))
      .toThrow(/routes\['GET \/a'\]\.throttle\.rateLimit/);
  });

  test('scopes only on JWT routes, at most 10, each as OAuth allows; errors name the prop that chose the authorization', () => {
    const t = table(V2Protocol.HTTP);
    expect(t.add(route('GET /a', { authorizationType: 'JWT', scopes: ['items/read'] })).scopes).toEqual(['items/read']);
    expect(() => t.add(route('GET /b', { scopes: ['items/read'] }))).toThrow(/routes\['GET \/b'\]\.authorization: \["items\/read"\].*scopes only with a JWT authorizer/);
    expect(() => t.add(route('GET /c', { authorizationType: 'JWT', authorizationProp: 'defaultAuthorization', scopes: ['a b'] })))
      .toThrow(/defaultAuthorization scopes\[0\]: "a b"/);
    const eleven = Array.from({ length: 11 }, (_, i) => `s${i}`);
    expect(() => t.add(route('GET /d', { authorizationType: 'JWT', scopes: eleven }))).toThrow(/"11 scopes".*at most 10 OAuth scopes per route/);
  });
});

describe('a WebSocket API route table', () => {
  test('message routes: $default or a custom key; $connect and $disconnect only as lifecycle routes', () => {
    const t = table(V2Protocol.WEBSOCKET);
    t.add(route('$connect', { prop: 'connect', lifecycle: true }));
    t.add(route('sendMessage'));
    t.add(route('$default'));
    expect(t.routes.map(r => r.routeKey)).toEqual(['$connect', 'sendMessage', '$default']);
    expect(t.routes.every(r => r.key === undefined)).toBe(true);
    expect(() => t.add(route('$disconnect'))).toThrow(/routes\['\$disconnect'\]: "\$disconnect" is not allowed.*the connect and disconnect props/);
    expect(() => t.add(route('send message'))).toThrow(/without spaces/);
    expect(() => t.add(route('x'.repeat(129)))).toThrow(/1 to 128 characters/);
    expect(() => t.add(route('sendMessage', { prop: 'disconnect', lifecycle: true }))).toThrow(/disconnect: "sendMessage".*\$connect or \$disconnect/);
  });
});
