import { literal } from './deploy-reading';
import { Rule } from '../../rule';

const REST_STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const V2_STAGE_NAME = /^(\$default|[A-Za-z0-9_-]{1,128})$/;

/** API Gateway refuses other stage names at deploy: letters, digits, hyphens, underscores, up to 128. */
export const stageName: Rule = {
  id: 'stage-name',
  severity: 'error',
  title: 'Stage names are 1 to 128 letters, digits, hyphens or underscores ($default too for HTTP APIs)',
  fix: 'Rename the stage: only A-Z, a-z, 0-9, - and _, at most 128 characters.',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage'],
  mirrors: [],
  ruleSets: 'all',
  check: template => template.ofType('AWS::ApiGateway::Stage', 'AWS::ApiGateway::Deployment', 'AWS::ApiGatewayV2::Stage').flatMap(resource => {
    const name = resource.properties.StageName;
    const pattern = resource.type === 'AWS::ApiGatewayV2::Stage' ? V2_STAGE_NAME : REST_STAGE_NAME;
    if (!literal(name) || pattern.test(String(name))) return [];
    return [{ logicalId: resource.logicalId, location: 'Properties/StageName', message: `StageName ${JSON.stringify(name)} is not a name API Gateway accepts` }];
  }),
};
