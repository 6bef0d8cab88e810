import { aws_apigatewayv2 as apigwv2 } from 'aws-cdk-lib';
import { HttpAuthorization } from './http-authorizer';
import { HttpRouteOptions } from './http-route-options';
import { HttpStageOptions } from './http-stage-options';
import { CorsOptions } from '../cors/cors-options';
import { ApiEncryption } from '../encryption/api-encryption';
import { ApiMonitoringProps } from '../observability/monitoring-props';
import { Compliance } from '../policy/compliance';

/** Properties of a GatewayHttpApi. */
export interface GatewayHttpApiProps extends ApiMonitoringProps {
  /**
   * The API's name.
   *
   * @default - the construct id
   */
  readonly apiName?: string;

  /**
   * A description of the API.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Who can reach the API: IPv4 callers, or IPv4 and IPv6 callers (`DUAL_STACK`).
   *
   * @default IpAddressType.IPV4
   */
  readonly ipAddressType?: apigwv2.IpAddressType;

  /**
   * Routes by key: `'GET /items/{id}'`, `'ANY /files/{proxy+}'` or `'$default'` (whatever no
   * other route matches). More can be added with `addRoute`.
   *
   * @default - none
   */
  readonly routes?: { [routeKey: string]: HttpRouteOptions };

  /**
   * Who may call routes that do not say.
   *
   * @default HttpAuthorization.iam()
   */
  readonly defaultAuthorization?: HttpAuthorization;

  /**
   * Cross-origin resource sharing, answered by API Gateway itself (preflights included, before
   * any authorizer). `statusCode` does not apply to HTTP APIs.
   *
   * @default - no CORS
   */
  readonly cors?: CorsOptions;

  /**
   * The API's stages, each deployed automatically.
   *
   * @default - one `$default` stage with the library's defaults
   */
  readonly stages?: HttpStageOptions[];

  /**
   * Whether the default `execute-api` endpoint is disabled, so clients must use a custom domain.
   *
   * @default - true once a `GatewayDomain` serves a stage of the API (`addHttpMapping`), false otherwise
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * The compliance standard the API is built for: NIST, PCI and HIPAA refuse access logs
   * without a customer-managed KMS key (`ApiEncryption.awsOwnedKeys()`).
   *
   * @default Compliance.AWS_SOLUTIONS
   */
  readonly compliance?: Compliance;

  /**
   * How the API encrypts what it keeps at rest: its access logs (and, where it has them, its
   * web ACL's logs and its connections table).
   *
   * @default ApiEncryption.dedicatedKey() - a customer-managed KMS key of the API's own
   */
  readonly encryption?: ApiEncryption;

  /**
   * Whether the API judges its own resources at synth with the policy rules of its
   * compliance standard, Control Tower and cfn-lint.
   *
   * @default true
   */
  readonly policyValidation?: boolean;

  /**
   * Whether `cdk synth` writes the API's client-facing OpenAPI 3 document (see
   * `openApiDocument()`) next to the templates, as `<stack>.<api>.openapi.json`.
   *
   * @default true
   */
  readonly openApiExport?: boolean;
}
