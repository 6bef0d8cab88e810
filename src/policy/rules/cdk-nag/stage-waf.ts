import { Rule } from '../../rule';
import { isObject } from '../../template/template-index';

/**
 * cdk-nag's APIGWAssociatedWithWAF: some AWS::WAFv2::WebACLAssociation's ResourceArn names the
 * stage's API before the stage. Reproduced to the letter: the JSON text of the ARN is searched
 * with an unescaped pattern, as cdk-nag does.
 */
export const stageWaf: Rule = {
  id: 'stage-waf',
  severity: 'error',
  severityIn: { AwsSolutions: 'warning' },
  title: 'REST API stages are associated with an AWS WAFv2 web ACL',
  fix: 'Associate a web ACL with the stage (GatewayApi\'s webAcl: true, or a stage\'s webAclArn; in CloudFormation, an AWS::WAFv2::WebACLAssociation whose ResourceArn is the stage ARN).',
  resourceTypes: ['AWS::ApiGateway::Stage', 'AWS::WAFv2::WebACLAssociation'],
  mirrors: ['AwsSolutions-APIG3', 'NIST.800.53.R5-APIGWAssociatedWithWAF', 'PCI.DSS.321-APIGWAssociatedWithWAF'],
  check: template => {
    const arns = template.ofType('AWS::WAFv2::WebACLAssociation').map(a => JSON.stringify(a.properties.ResourceArn));
    return template.ofType('AWS::ApiGateway::Stage').flatMap(stage => {
      const apiId = nagTarget(stage.properties.RestApiId);
      const stageName = stage.properties.StageName === undefined ? undefined : nagTarget(stage.properties.StageName);
      let source = `${apiId}.+${stage.logicalId}(?![\\w])`;
      if (stageName !== undefined) source += `|${apiId}.+${stageName}(?![\\w])`;
      const associated = arns.some(arn => {
        try {
          return new RegExp(source, 'gm').test(arn ?? 'undefined');
        } catch {
          return false;
        }
      });
      return associated ? [] : [{
        logicalId: stage.logicalId,
        location: 'Properties',
        message: 'no AWS::WAFv2::WebACLAssociation names this stage',
      }];
    });
  },
};

/** cdk-nag's resolveResourceFromIntrinsic, then JavaScript string interpolation. */
function nagTarget(value: unknown): string {
  if (isObject(value)) {
    if (value.Ref !== undefined) return String(value.Ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && getAtt.length > 0) return String(getAtt[0]);
  }
  return String(value);
}
