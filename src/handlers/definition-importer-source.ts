import { customResourceHandlerSource } from './custom-resource-handler';

/**
 * The handler behind the custom resource that imports a definition too large for the
 * template: it reads the definition from S3, puts the resolved intrinsics back in place of
 * their placeholders, and overwrites the REST API with it (PutRestApi).
 */
export const DEFINITION_IMPORTER_SOURCE = customResourceHandlerSource(`
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { APIGatewayClient, PutRestApiCommand } = require('@aws-sdk/client-api-gateway');`, `
      const object = await new S3Client({}).send(new GetObjectCommand({ Bucket: props.Bucket, Key: props.Key }));
      let text = await object.Body.transformToString();
      for (const [index, value] of Object.entries(props.Substitutions || {})) {
        text = text.split(JSON.stringify('@@CFN:' + index + '@@')).join(JSON.stringify(value));
      }
      await new APIGatewayClient({}).send(new PutRestApiCommand({
        restApiId: props.RestApiId, mode: 'overwrite', failOnWarnings: false, body: Buffer.from(text),
      }));`);
