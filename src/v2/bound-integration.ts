import { Stack, aws_apigatewayv2 as apigwv2, aws_iam as iam } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';

/**
 * An integration bound to one route: the config it gives (the same one a user's own
 * integration returns from `bind`), and what only the library's own integrations carry.
 */
export interface BoundIntegration<C> {
  readonly config: C;
  /**
   * Identifies the backend: integrations of the library with the same key share one resource.
   * A user's integration has none: its routes given the same config share one resource.
   */
  readonly key?: string;
  /** Grants the role the API makes for an AWS service integration that names no credentials. */
  readonly grant?: (role: iam.IGrantable) => void;
}

/** The settings of an integration both protocols' configs have (`HttpIntegrationConfig`, `WebSocketIntegrationConfig`). */
export interface V2BackendConfig {
  readonly type: string;
  readonly uri?: string;
  readonly method?: string;
  readonly timeoutInMillis?: number;
  readonly requestParameters?: { [name: string]: string };
  readonly credentials?: string;
}

/** What a protocol adds to binding an integration: its check of the config, its longest wait, the props only it has. */
export interface V2IntegrationProtocol<C extends V2BackendConfig> {
  readonly maxTimeoutMs: number;
  check(config: C): void;
  props(config: C): Partial<apigwv2.CfnIntegrationProps>;
}

/**
 * A config as text, to tell configs apart: tokens resolved to the intrinsics they stand for
 * (stable), constructs (a VPC link) named by their path.
 */
export function configText(scope: IConstruct, config: object): string {
  const fields = Object.entries(config).map(([name, value]) => [name, Construct.isConstruct(value) ? value.node.path : value]);
  return JSON.stringify(Stack.of(scope).resolve(Object.fromEntries(fields)));
}
