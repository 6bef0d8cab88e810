import { Lazy, Stack, aws_apigateway as apigw } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * The API's deployments, one per definition, each named after its definition's fingerprint:
 * a new definition makes a new logical id, so CloudFormation creates a new deployment (a
 * snapshot of the API as it is then), and a deployment kept in the template keeps its snapshot.
 */
export class ApiDeployments {
  /** The deployment of the current definition. */
  public readonly current: apigw.CfnDeployment;
  private readonly kept = new Map<string, apigw.CfnDeployment>();

  constructor(private readonly scope: Construct, private readonly restApi: apigw.CfnRestApi, private readonly fingerprint: () => string) {
    this.current = new apigw.CfnDeployment(scope, 'Deployment', {
      restApiId: restApi.ref,
      description: Lazy.string({ produce: () => describe(this.fingerprint()) }),
    });
    this.current.overrideLogicalId(Lazy.string({ produce: () => this.logicalId(this.fingerprint()) }));
  }

  /**
   * Keeps the deployments of these definitions in the template. Those not yet in it are created
   * from the API as the deployment finds it, so only deployments that are already deployed, or
   * the current one, give a stage what it served before.
   */
  public keep(fingerprints: string[]): void {
    const current = this.fingerprint();
    for (const fingerprint of fingerprints) {
      if (fingerprint === current || this.kept.has(fingerprint)) continue;
      const deployment = new apigw.CfnDeployment(this.scope, `Deployment${fingerprint}`, {
        restApiId: this.restApi.ref,
        description: describe(fingerprint),
      });
      deployment.overrideLogicalId(this.logicalId(fingerprint));
      this.kept.set(fingerprint, deployment);
    }
  }

  /** The `Ref` of the deployment of a definition, which must be current or kept. */
  public ref(fingerprint: string): string {
    if (fingerprint === this.fingerprint()) return this.current.ref;
    const deployment = this.kept.get(fingerprint);
    if (!deployment) throw new Error(`no deployment of definition ${fingerprint} is kept in ${this.scope.node.path}`);
    return deployment.ref;
  }

  private logicalId(fingerprint: string): string {
    return `${Stack.of(this.scope).getLogicalId(this.restApi)}Deployment${fingerprint}`;
  }
}

/** Stable for a given definition, so a kept deployment is never updated. */
function describe(fingerprint: string): string {
  return `GatewayApi deployment of definition ${fingerprint}`;
}
