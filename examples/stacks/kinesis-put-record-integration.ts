// Capability: an HTTP API integration of your own. HttpIntegration is an abstract class: `bind`
// gets the route and returns the integration resource's settings; the routes an object serves
// share one integration resource.
import { aws_iam as iam, aws_kinesis as kinesis } from 'aws-cdk-lib';
import { HttpIntegration, HttpIntegrationConfig, HttpIntegrationType, IHttpIntegrationContext } from '../../src';

/**
 * Writes the request body to a Kinesis stream as one record (the first-class `Kinesis-PutRecord`
 * action, which HttpIntegration has no factory for), keyed by a request value, with a role
 * allowed that one action on that stream.
 */
export class KinesisPutRecordIntegration extends HttpIntegration {
  constructor(private readonly stream: kinesis.IStream, private readonly partitionKey: string) {
    super();
  }

  public bind(context: IHttpIntegrationContext): HttpIntegrationConfig {
    return {
      type: HttpIntegrationType.AWS_PROXY,
      subtype: 'Kinesis-PutRecord',
      credentials: this.role(context).roleArn,
      requestParameters: { StreamName: this.stream.streamName, Data: '$request.body', PartitionKey: this.partitionKey },
    };
  }

  /** One role per API and stream, made by the first route. */
  private role(context: IHttpIntegrationContext): iam.IRole {
    const id = `PutRecordRole.${this.stream.node.id}`;
    const existing = context.scope.node.tryFindChild(id) as iam.IRole | undefined;
    if (existing) return existing;
    const role = new iam.Role(context.scope, id, { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['kinesis:PutRecord'], resources: [this.stream.streamArn] }));
    this.stream.encryptionKey?.grantEncrypt(role);
    return role;
  }
}
