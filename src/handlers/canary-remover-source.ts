import { CFN_RESPOND_SOURCE } from './cfn-respond-source';

/**
 * The Lambda handler (Node.js, AWS SDK v3 from the runtime) that removes a stage's canary.
 * CloudFormation leaves a canary on the stage when CanarySetting leaves the template
 * (aws-cdk #33901), so promote, rollback and pin end it here: on create and update, the
 * stage's canarySettings are removed if it has any. Inline, so synthesis needs no bundling.
 */
export const CANARY_REMOVER_SOURCE = `
const { APIGatewayClient, GetStageCommand, UpdateStageCommand } = require('@aws-sdk/client-api-gateway');
const https = require('https');

exports.handler = async (event, context) => {
  const props = event.ResourceProperties;
  let status = 'SUCCESS';
  let reason = '';
  try {
    if (event.RequestType !== 'Delete') {
      const client = new APIGatewayClient({});
      const stage = await client.send(new GetStageCommand({ restApiId: props.RestApiId, stageName: props.StageName }));
      if (stage.canarySettings) {
        await client.send(new UpdateStageCommand({
          restApiId: props.RestApiId,
          stageName: props.StageName,
          patchOperations: [{ op: 'remove', path: '/canarySettings' }],
        }));
        reason = 'removed the canary of stage ' + props.StageName;
      }
    }
  } catch (error) {
    status = 'FAILED';
    reason = String((error && error.message) || error).slice(0, 500);
  }
  await respond(event, context, status, reason);
};

${CFN_RESPOND_SOURCE}`;
