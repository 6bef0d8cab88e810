import { Aspects } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DeployedSettings, deploymentFingerprint } from '../release/fingerprint';

/**
 * The API's resolved OpenAPI definition and the fingerprint its deployments are named after.
 * Both are fixed when synthesis starts (every route is in by then), because a thousand-route
 * definition is costly to render and hash, and the template asks for them many times.
 */
export class ApiDefinition {
  private frozen?: { readonly definition: unknown; readonly fingerprint: string };

  constructor(scope: Construct, private readonly render: () => unknown, private readonly settings: () => DeployedSettings) {
    Aspects.of(scope).add({ visit: node => { if (node === scope) this.freeze(); } });
  }

  /** The definition, tokens resolved. */
  public definition(): unknown {
    return this.frozen?.definition ?? this.render();
  }

  /** The hash of everything a deployment snapshots. */
  public fingerprint(): string {
    return this.frozen?.fingerprint ?? deploymentFingerprint(this.render(), this.settings());
  }

  private freeze(): void {
    const definition = this.render();
    this.frozen = { definition, fingerprint: deploymentFingerprint(definition, this.settings()) };
  }
}
