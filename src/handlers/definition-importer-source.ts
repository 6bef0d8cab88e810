import { CFN_RESPOND_SOURCE } from './cfn-respond-source';

/**
 * The Lambda handler (Node.js, AWS SDK v3 from the runtime) behind the custom resource that
 * imports a definition too large for the template: it reads the definition from S3, puts the
 * resolved intrinsics back in place of their placeholders, and overwrites the REST API with it
 * (PutRestApi). Inline, so synthesis needs no bundling.
 */
export const DEFINITION_IMPORTER_SOURCE = `
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { APIGatewayClient, PutRestApiCommand } = require('@aws-sdk/client-api-gateway');
const https = require('https');

exports.handler = async (event, context) => {
  const props = event.ResourceProperties;
  let status = 'SUCCESS';
  let reason = '';
  try {
    if (event.RequestType !== 'Delete') {
      const object = await new S3Client({}).send(new GetObjectCommand({ Bucket: props.Bucket, Key: props.Key }));
      let text = await object.Body.transformToString();
      for (const [index, value] of Object.entries(props.Substitutions || {})) {
        text = text.split(JSON.stringify('@@CFN:' + index + '@@')).join(JSON.stringify(value));
      }
      await new APIGatewayClient({}).send(new PutRestApiCommand({
        restApiId: props.RestApiId, mode: 'overwrite', failOnWarnings: false, body: Buffer.from(text),
      }));
    }
  } catch (error) {
    status = 'FAILED';
    reason = String((error && error.message) || error).slice(0, 500);
  }
  await respond(event, context, status, reason);
};

${CFN_RESPOND_SOURCE}`;
