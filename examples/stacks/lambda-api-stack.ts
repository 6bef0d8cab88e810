// Capability: Lambda backends (proxy, streamed proxy and non-proxy), request body validation, CORS,
// customized gateway responses, binary media types and compression.
import { Duration, Size, Stack, StackProps, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { jsonString } from './vtl';
import { GatewayApi, Integration } from '../../src';

/** A 1×1 orange PNG, base64-encoded. */
export const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN4USUHAAPOAYHZcO+gAAAAAElFTkSuQmCC';

export class LambdaApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    // A proxy handler: receives the whole request, shapes the whole response.
    const petsFn = inlineFunction(this, 'PetsFunction', [
      'exports.handler = async (event) => ({',
      '  statusCode: 200,',
      "  headers: { 'Content-Type': 'application/json' },",
      '  body: JSON.stringify({',
      '    route: event.resource, petId: event.pathParameters?.petId ?? null,',
      // A body of a binary media type arrives base64-encoded.
      '    binaryBody: event.isBase64Encoded,',
      '  }),',
      '});',
    ]);

    // Answers a binary body: API Gateway decodes it for clients that accept image/png.
    const photosFn = inlineFunction(this, 'PhotosFunction', [
      'exports.handler = async () => ({',
      '  statusCode: 200,',
      "  headers: { 'Content-Type': 'image/png' },",
      '  isBase64Encoded: true,',
      `  body: '${ONE_PIXEL_PNG}',`,
      '});',
    ]);

    // A non-proxy handler: receives what the request template builds, returns plain data.
    const ownersFn = inlineFunction(this, 'OwnersFunction', [
      'exports.handler = async (event) => {',
      "  if (event.ownerId === 'nobody') throw new Error('Not found: ' + event.ownerId);",
      '  return { id: event.ownerId, verbose: event.verbose === \'true\', pets: [] };',
      '};',
    ]);

    // A streamed proxy handler: writes API Gateway's metadata, then the story line by line as
    // server-sent events, which reach the client as they are written.
    const storyFn = inlineFunction(this, 'StoryFunction', [
      'exports.handler = awslambda.streamifyResponse(async (event, stream) => {',
      '  stream = awslambda.HttpResponseStream.from(stream, { statusCode: 200, headers: { \'Content-Type\': \'text/event-stream\' } });',
      "  for (const line of ['Once upon a time', 'pet ' + event.pathParameters.petId, 'slept all day.']) {",
      '    stream.write(`data: ${line}\\n\\n`);',
      '    await new Promise(resolve => setTimeout(resolve, 100));',
      '  }',
      '  stream.end();',
      '});',
    ]);

    const pets = Integration.lambda(petsFn);

    new GatewayApi(this, 'PetsApi', {
      description: 'Pets: Lambda proxy and non-proxy routes',
      routes: {
        'GET /pets': { integration: pets, summary: 'List pets' },
        'GET /pets/{petId}': { integration: pets, summary: 'Get one pet' },
        'POST /pets': {
          integration: pets,
          summary: 'Create a pet',
          // API Gateway answers 400 to a body that does not match, before the function runs.
          requestBody: {
            modelName: 'NewPet',
            schema: {
              type: apigw.JsonSchemaType.OBJECT,
              required: ['name', 'species'],
              additionalProperties: false,
              properties: {
                name: { type: apigw.JsonSchemaType.STRING, minLength: 1, maxLength: 64 },
                species: { type: apigw.JsonSchemaType.STRING, enum: ['cat', 'dog', 'fish'] },
                age: { type: apigw.JsonSchemaType.INTEGER, minimum: 0 },
              },
            },
          },
        },
        // Binary media types (below): a photo out, and a photo in.
        'GET /pets/{petId}/photo': { integration: Integration.lambda(photosFn), summary: 'A pet\'s photo' },
        'PUT /pets/{petId}/photo': { integration: pets, summary: 'Upload a pet\'s photo' },
        // Streamed: the function's answer reaches the client as it is written, for up to 2 minutes.
        'GET /pets/{petId}/story': {
          integration: Integration.lambda(storyFn, { responseTransferMode: apigw.ResponseTransferMode.STREAM, timeout: Duration.minutes(2) }),
          summary: 'A bedtime story about a pet, streamed',
        },
        // Everything else goes to the same function.
        'ANY /{proxy+}': { integration: pets },
        // Non-proxy: VTL shapes the event and the response; a Lambda error becomes a 404.
        'GET /owners/{ownerId}': {
          integration: Integration.lambdaWithTemplates(ownersFn, {
            requestTemplates: {
              'application/json': `{"ownerId": "${jsonString("$input.params('ownerId')")}", `
                + `"verbose": "${jsonString("$input.params('verbose')")}"}`,
            },
            integrationResponses: [
              {
                statusCode: '200',
                responseTemplates: {
                  'application/json': '{"owner": $input.json(\'$.id\'), "petCount": $input.path(\'$.pets\').size()}',
                },
              },
              {
                statusCode: '404',
                selectionPattern: 'Not found:.*',
                responseTemplates: { 'application/json': '{"message": "owner not found"}' },
              },
            ],
          }),
          requestParameters: { 'method.request.querystring.verbose': false },
        },
      },
      cors: {
        allowOrigins: ['https://app.example.com', 'https://admin.example.com'],
        allowCredentials: true,
        maxAge: Duration.minutes(10),
      },
      gatewayResponses: [
        {
          responseType: apigw.ResponseType.THROTTLED,
          statusCode: '429',
          responseHeaders: { 'Retry-After': "'1'" },
          templates: { 'application/json': '{"message": "Too many requests, slow down", "requestId": "$context.requestId"}' },
        },
        {
          responseType: apigw.ResponseType.RESOURCE_NOT_FOUND,
          statusCode: '404',
          templates: { 'application/json': '{"message": "No such route: $context.httpMethod $context.path"}' },
        },
      ],
      binaryMediaTypes: ['image/png', 'image/jpeg'],
      // Buffered answers of 1 KiB and more are compressed; streamed ones never are.
      minCompressionSize: Size.kibibytes(1),
      // Latency alarms that a 2-minute story does not set off; timeToFirstContent in the access log tells how soon stories start.
      stages: [{ alarms: { latencyP99: { threshold: 120_000 }, integrationLatencyP99: { threshold: 120_000 } } }],
    });
  }
}
