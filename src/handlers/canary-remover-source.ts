import { customResourceHandlerSource } from './custom-resource-handler';

/**
 * The handler that removes a stage's canary. CloudFormation leaves a canary on the stage when
 * CanarySetting leaves the template (aws-cdk #33901), so promote, rollback and pin end it
 * here: on create and update, the stage's canarySettings are removed if it has any.
 */
export const CANARY_REMOVER_SOURCE = customResourceHandlerSource(`
const { APIGatewayClient, GetStageCommand, UpdateStageCommand } = require('@aws-sdk/client-api-gateway');`, `
      const client = new APIGatewayClient({});
      const stage = await client.send(new GetStageCommand({ restApiId: props.RestApiId, stageName: props.StageName }));
      if (stage.canarySettings) {
        await client.send(new UpdateStageCommand({
          restApiId: props.RestApiId,
          stageName: props.StageName,
          patchOperations: [{ op: 'remove', path: '/canarySettings' }],
        }));
        reason = 'removed the canary of stage ' + props.StageName;
      }`);
