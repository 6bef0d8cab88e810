import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  Aws, CfnResource, CustomResource, Duration, aws_iam as iam, aws_lambda as lambda, aws_s3_assets as s3assets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { dependOnlyOnPolicies } from '../core/function-dependencies';
import { shortHash } from '../core/hash';
import { DEFINITION_IMPORTER_SOURCE } from '../handlers/definition-importer-source';
import { ExternalizedDefinition } from '../render/externalize';

/** What the importer needs to put a definition into a REST API. */
export interface ExternalDefinitionProps {
  readonly restApiId: string;
  readonly definition: ExternalizedDefinition;
  /** Roles the definition names as integration credentials: importing it passes them to API Gateway. */
  readonly integrationRoles: iam.IRole[];
}

/**
 * A definition too large for the template: an S3 asset, and a custom resource that imports it
 * into the REST API with the intrinsics resolved. The asset's hash changes with the definition,
 * so every change re-imports it.
 */
export class ExternalDefinition extends Construct {
  public readonly importer: CustomResource;

  constructor(scope: Construct, id: string, props: ExternalDefinitionProps) {
    super(scope, id);
    const hash = shortHash(props.definition.text, 64).toLowerCase();
    // Asset staging copies the file into the cloud assembly under its hash; the source is scratch.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gateway-api-definition-'));
    const file = path.join(dir, 'definition.json');
    fs.writeFileSync(file, props.definition.text);
    const asset = new s3assets.Asset(this, 'Asset', { path: file, assetHash: hash });

    const handler = new lambda.Function(this, 'Importer', {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline(DEFINITION_IMPORTER_SOURCE),
      timeout: Duration.minutes(5),
      memorySize: 1024,
      description: 'Imports a GatewayApi definition too large for the CloudFormation template',
    });
    asset.grantRead(handler);
    handler.addToRolePolicy(new iam.PolicyStatement({
      actions: ['apigateway:PUT'],
      resources: [`arn:${Aws.PARTITION}:apigateway:${Aws.REGION}::/restapis/${props.restApiId}`],
    }));
    if (props.integrationRoles.length > 0) {
      handler.addToRolePolicy(new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: props.integrationRoles.map(r => r.roleArn),
        conditions: { StringEquals: { 'iam:PassedToService': 'apigateway.amazonaws.com' } },
      }));
    }

    dependOnlyOnPolicies(handler, [handler.role!.node.findChild('DefaultPolicy').node.defaultChild as CfnResource]);

    this.importer = new CustomResource(this, 'Import', {
      serviceToken: handler.functionArn,
      resourceType: 'Custom::GatewayApiDefinition',
      properties: {
        RestApiId: props.restApiId,
        Bucket: asset.s3BucketName,
        Key: asset.s3ObjectKey,
        Substitutions: props.definition.substitutions,
      },
    });
  }
}
