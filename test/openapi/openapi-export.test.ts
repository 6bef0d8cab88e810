import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { App, Stack, aws_cognito as cognito } from 'aws-cdk-lib';
import {
  Authorization, Authorizer, GatewayApi, GatewayHttpApi, HttpAuthorization, HttpAuthorizer, HttpIntegration, Integration,
} from '../../src';
import { newFunction } from '../util';

function newApp(outdir?: string): { app: App; stack: Stack } {
  const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': false } });
  return { app, stack: new Stack(app, 'Pets', { env: { region: 'eu-west-1' } }) };
}

const petSchema = { type: 'object' as any, required: ['name'], properties: { name: { type: 'string' as any } } };

describe('OpenAPI export', () => {
  test('a REST API\'s client document: paths, parameters, bodies, models, security, servers; no integrations; valid OpenAPI 3', async () => {
    const { stack } = newApp();
    const fn = newFunction(stack);
    const pool = new cognito.UserPool(stack, 'Pool');
    const api = new GatewayApi(stack, 'Api', {
      apiName: 'pets',
      cors: { allowOrigins: ['https://pets.example.com'] },
      stages: [{}, { stageName: 'beta' }],
      routes: {
        'GET /pets/{petId}': { integration: Integration.lambda(fn), summary: 'Get a pet', requestParameters: { 'method.request.querystring.full': false } },
        'POST /pets': { integration: Integration.lambda(fn), requestBody: { schema: petSchema, modelName: 'NewPet' }, apiKeyRequired: true },
        'GET /me': { integration: Integration.lambda(fn), authorization: Authorization.authorizer(Authorizer.cognito({ userPools: [pool] })) },
        'ANY /files/{proxy+}': { integration: Integration.lambda(fn) },
      },
    });
    const doc = api.openApiDocument();
    await SwaggerParser.validate(JSON.parse(JSON.stringify(doc)));
    expect(JSON.stringify(doc)).not.toMatch(/x-amazon-apigateway|Fn::|arn:/);
    expect(doc.servers.map((s: any) => s.url)).toEqual([
      'https://{apiId}.execute-api.{region}.amazonaws.com/prod', 'https://{apiId}.execute-api.{region}.amazonaws.com/beta',
    ]);
    expect(doc.servers[0].variables.region.default).toBe('eu-west-1');
    expect(Object.keys(doc.paths).sort()).toEqual(['/files/{proxy}', '/me', '/pets', '/pets/{petId}']);
    // No CORS preflight: browsers send it on their own.
    expect(doc.paths['/pets'].options).toBeUndefined();
    expect(Object.keys(doc.paths['/files/{proxy}']).sort()).toEqual(['delete', 'get', 'head', 'patch', 'post', 'put']);
    expect(doc.paths['/pets/{petId}'].get.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(['path:petId', 'query:full']);
    expect(doc.paths['/pets'].post).toMatchObject({
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
      security: [{ api_key: [], sigv4: [] }],
    });
    expect(doc.components.schemas.NewPet).toEqual({ type: 'object', required: ['name'], properties: { name: { type: 'string' } } });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['api_key', 'cognito', 'sigv4']);
  });

  test('an HTTP API\'s client document: a path per route, ANY as every method, bearer JWTs and IAM, valid OpenAPI 3', async () => {
    const { stack } = newApp();
    const fn = newFunction(stack);
    const jwt = HttpAuthorizer.jwt({ issuer: 'https://auth.example.com/', audience: ['pets'] });
    const api = new GatewayHttpApi(stack, 'Http', {
      apiName: 'items',
      defaultAuthorization: HttpAuthorization.authorizer(jwt, ['items/read']),
      routes: {
        'GET /items/{id}': { integration: HttpIntegration.lambda(fn) },
        'ANY /admin/{proxy+}': { integration: HttpIntegration.lambda(fn), authorization: HttpAuthorization.iam() },
        '$default': { integration: HttpIntegration.lambda(fn) },
      },
    });
    const doc = api.openApiDocument();
    await SwaggerParser.validate(JSON.parse(JSON.stringify(doc)));
    expect(doc.info.title).toBe('items');
    expect(doc.servers[0].url).toBe('https://{apiId}.execute-api.{region}.amazonaws.com');
    expect(Object.keys(doc.paths).sort()).toEqual(['/admin/{proxy}', '/items/{id}']);
    expect(doc.paths['/items/{id}'].get).toMatchObject({
      operationId: 'getItemsId',
      description: 'Requires the scopes items/read.',
      parameters: [{ name: 'id', in: 'path', required: true }],
      security: [{ jwt: [] }],
    });
    expect(doc.components.securitySchemes).toEqual({
      jwt: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      sigv4: expect.objectContaining({ type: 'apiKey', name: 'Authorization' }),
    });
    expect(doc.paths['/admin/{proxy}'].post.security).toEqual([{ sigv4: [] }]);
  });

  test('cdk synth writes <stack>.<api>.openapi.json next to the templates, unless openApiExport is false', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'openapi-out-'));
    const { app, stack } = newApp(outdir);
    const fn = newFunction(stack);
    new GatewayApi(stack, 'Api', { routes: { 'GET /pets': { integration: Integration.lambda(fn) } } });
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /items': { integration: HttpIntegration.lambda(fn) } } });
    new GatewayApi(stack, 'Quiet', { openApiExport: false, routes: { 'GET /x': { integration: Integration.mock() } } });
    app.synth();
    const written = fs.readdirSync(outdir).filter(f => f.endsWith('.openapi.json')).sort();
    expect(written).toEqual(['Pets.Api.openapi.json', 'Pets.Http.openapi.json']);
    const doc = JSON.parse(fs.readFileSync(path.join(outdir, 'Pets.Api.openapi.json'), 'utf8'));
    expect(Object.keys(doc.paths)).toEqual(['/pets']);
    expect(fs.readdirSync(outdir)).toContain('Pets.template.json');
  });
});
