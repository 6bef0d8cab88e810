import { followRef, restApiIdsConflict } from './engine-reading';
import { Rule } from '../../rule';

/** cfn-lint E3698: a stage and its deployment belong to the same REST API. */
export const stageDeploymentSameApi: Rule = {
  id: 'stage-deployment-same-api',
  severity: 'error',
  title: 'A stage and its deployment belong to the same REST API',
  fix: 'Point the stage at a deployment of its own API (RestApiId must match).',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment'],
  mirrors: ['E3698'],
  follows: {
    E3698: {
      engine: 'CloudFormation Validate',
      why: 'python cfn-lint compares how the two RestApiIds are written, so `Fn::GetAtt [Api, RestApiId]` beside `Ref Api` fails there although both name the same API',
    },
  },
  check: template => template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
    const deployment = followRef(template, stage.properties.DeploymentId);
    if (deployment?.type !== 'AWS::ApiGateway::Deployment') return [];
    if (!restApiIdsConflict(template, stage.properties.RestApiId, deployment.properties.RestApiId)) return [];
    return [{ logicalId: deployment.logicalId, location: 'Properties/RestApiId', message: `stage ${stage.logicalId} deploys this deployment of another API` }];
  }),
};
