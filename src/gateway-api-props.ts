import { Size, aws_apigateway as apigw, aws_ec2 as ec2 } from 'aws-cdk-lib';
import { ResourcePolicyOptions } from './access/resource-policy-options';
import { Authorization } from './auth/authorization';
import { CorsOptions } from './cors/cors-options';
import { CustomDomainOptions } from './domain/domain-options';
import { ApiEncryption } from './encryption/api-encryption';
import { RequestValidation, RouteOptions } from './model/route-options';
import { ApiMonitoringProps } from './observability/monitoring-props';
import { OpenApiDocument } from './openapi/openapi-document';
import { Compliance } from './policy/compliance';
import { GatewayResponseOptions } from './responses/gateway-response-options';
import { StageOptions } from './rest/stage-options';

/**
 * Properties of a GatewayApi (REST).
 */
export interface GatewayApiProps extends ApiMonitoringProps {
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
   * Routes by route key: `'GET /pets/{petId}'`, `'ANY /{proxy+}'`. More can be added with `addRoute`.
   *
   * @default - none
   */
  readonly routes?: { [routeKey: string]: RouteOptions };

  /**
   * An existing OpenAPI 3 document whose operations become routes: each operation's method and
   * path, operationId, summary, query and header parameters, request body and its model, request
   * validator and API key requirement. Every schema of `components.schemas` becomes a model. The
   * backends come from `operations`, by operationId.
   *
   * @default - no document: routes come from `routes` and `addRoute`
   */
  readonly openApi?: OpenApiDocument;

  /**
   * The options of each operation of `openApi`, by operationId: its integration, and anything
   * that should differ from the document (authorization, throttle, cache...). Every operation
   * of the document needs an entry.
   *
   * @default - none (an error when the document has operations)
   */
  readonly operations?: { [operationId: string]: RouteOptions };

  /**
   * Who may call routes that do not say otherwise. Routes open to anyone take
   * `authorization: Authorization.none(reason)`.
   *
   * @default Authorization.iam()
   */
  readonly defaultAuthorization?: Authorization;

  /**
   * Whether routes that do not say otherwise require an API key of one of the stage's usage plans.
   *
   * @default false
   */
  readonly apiKeyRequired?: boolean;

  /**
   * Where API Gateway reads the API key: the `x-api-key` header, or the `usageIdentifierKey`
   * a Lambda authorizer returns.
   *
   * @default ApiKeySourceType.HEADER
   */
  readonly apiKeySource?: apigw.ApiKeySourceType;

  /**
   * The compliance standard the API is built for: it sets the defaults the standard's cdk-nag
   * pack requires (an encrypted cache, a client certificate, a WAF web ACL) and the rules the
   * API's policy validation enforces.
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
   * Whether the API creates a regional WAF web ACL (AWS's common, known-bad-inputs and
   * IP-reputation rule groups, and a rate rule of 2,000 requests per 5 minutes per IP, logged
   * for a year) and puts every stage behind it. A stage's `webAclArn` puts it behind another.
   *
   * @default - true under the NIST 800-53 R5 and PCI DSS presets, false otherwise
   */
  readonly webAcl?: boolean;

  /**
   * Whether the stages present a client certificate to HTTP backends, so that backends can
   * tell API Gateway's calls from others.
   *
   * @default - true under the NIST, PCI and HIPAA presets, false otherwise
   */
  readonly clientCertificate?: boolean;

  /**
   * Whether the API judges its own resources at synth with the policy rules of its
   * `compliance` standard (with the Control Tower controls and cfn-lint). Errors fail
   * `cdk synth`; acknowledge a finding with
   * `Validations.of(api).acknowledge({ id: 'GatewayApi::<rule id>', reason })`.
   *
   * @default true
   */
  readonly policyValidation?: boolean;

  /**
   * What API Gateway validates before a request reaches a backend, for every route that does
   * not say otherwise.
   *
   * @default RequestValidation.BODY_AND_PARAMETERS
   */
  readonly requestValidation?: RequestValidation;

  /**
   * Cross-origin resource sharing: preflight routes and CORS headers on the gateway's own errors.
   *
   * @default - no CORS
   */
  readonly cors?: CorsOptions;

  /**
   * Customized gateway responses (what API Gateway answers when it rejects a request itself).
   *
   * @default - DEFAULT_4XX and DEFAULT_5XX answer the JSON error body
   */
  readonly gatewayResponses?: GatewayResponseOptions[];

  /**
   * Whether the gateway's own 4XX and 5XX answers use the library's JSON error body
   * `{"message", "type", "requestId"}`.
   *
   * @default true
   */
  readonly jsonErrorResponses?: boolean;

  /**
   * The endpoint type.
   *
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: apigw.EndpointType;

  /**
   * Who can reach the API: IPv4 callers, or IPv4 and IPv6 callers (`DUAL_STACK`). A PRIVATE API
   * is always dual-stack. On a dual-stack API, a resource policy's `denySourceIps` must name
   * IPv6 ranges too, or IPv6 callers pass it.
   *
   * @default - IPV4 (REGIONAL and EDGE APIs); DUAL_STACK (PRIVATE APIs, the only type AWS allows them)
   */
  readonly ipAddressType?: apigw.IpAddressType;

  /**
   * The TLS security policy of the API's execute-api endpoint: an enhanced `SecurityPolicy_*`
   * policy for the endpoint type (`_EDGE` ones for EDGE APIs), or TLS_1_2 on REGIONAL and
   * PRIVATE APIs. TLS_1_0 is refused. `SecurityPolicy.TLS13_1_3_2025_09` admits TLS 1.3 only.
   *
   * @default - the strongest policy that still admits TLS 1.2 clients:
   * `SecurityPolicy_TLS13_1_2_PFS_PQ_2025_09` (REGIONAL, PRIVATE) or
   * `SecurityPolicy_TLS12_PFS_2025_EDGE` (EDGE). API Gateway's own default admits TLS 1.0.
   */
  readonly securityPolicy?: apigw.SecurityPolicy;

  /**
   * How strictly an enhanced security policy is applied: STRICT also refuses requests whose
   * Host (SNI) does not match the API or that come through another endpoint type; BASIC is AWS's
   * migration step for an API already in use (switch with BASIC, watch `$context.tlsVersion`
   * in the access logs, then STRICT). Legacy policies (TLS_1_2) take none.
   *
   * @default - STRICT for REGIONAL and EDGE APIs, BASIC for PRIVATE APIs (called through VPC
   * endpoint host names, which STRICT's SNI check refuses); none with TLS_1_2
   */
  readonly endpointAccessMode?: apigw.EndpointAccessMode;

  /**
   * Interface VPC endpoints (service execute-api) through which a PRIVATE API is reached;
   * required for PRIVATE, refused otherwise. The API's resource policy admits only these
   * (and `resourcePolicy.allowVpcEndpoints`).
   *
   * @default - none
   */
  readonly vpcEndpoints?: ec2.IVpcEndpoint[];

  /**
   * Who may reach the API, by source address, VPC, VPC endpoint and AWS account. A PRIVATE
   * API always has a resource policy, admitting calls through its VPC endpoints only; these
   * conditions are added to it.
   *
   * @default - no resource policy (a PRIVATE API: its VPC endpoints only)
   */
  readonly resourcePolicy?: ResourcePolicyOptions;

  /**
   * Content types API Gateway treats as binary, e.g. `image/png` or `*\/*`.
   *
   * @default - none
   */
  readonly binaryMediaTypes?: string[];

  /**
   * Responses at least this large are compressed when the client accepts it (0 to 10 MiB).
   *
   * @default - no compression
   */
  readonly minCompressionSize?: Size;

  /**
   * Whether the default `execute-api` endpoint is disabled, so clients must use a custom domain.
   *
   * @default - true once a custom domain serves a stage of the API (`domain`, or a
   * `GatewayDomain` mapping), false otherwise
   */
  readonly disableExecuteApiEndpoint?: boolean;

  /**
   * A custom domain in front of the API, serving its stages at base paths.
   *
   * @default - no custom domain
   */
  readonly domain?: CustomDomainOptions;

  /**
   * The API's stages, each with its own settings and release. More can be added with
   * `addStage`. The first is the `defaultStage`.
   *
   * @default - one stage named `prod` with the library's observability defaults
   */
  readonly stages?: StageOptions[];

  /**
   * How many of the most recent deployments the template keeps besides those the stages serve,
   * so that a stage can be pinned back to one of them (`Release.pin`).
   *
   * @default 3
   */
  readonly deploymentHistory?: number;

  /**
   * The largest definition kept in the template. A larger one (thousands of routes) moves to
   * an S3 asset that a custom resource imports into the API (PutRestApi), because a
   * CloudFormation template may not exceed 1 MB.
   *
   * @default Size.kibibytes(700)
   */
  readonly maxInlineDefinitionSize?: Size;

  /**
   * Whether `cdk synth` writes the API's client-facing OpenAPI 3 document (see
   * `openApiDocument()`) next to the templates, as `<stack>.<api>.openapi.json`.
   *
   * @default true
   */
  readonly openApiExport?: boolean;

  /**
   * Whether the library sets the account's API Gateway CloudWatch Logs role
   * (AWS::ApiGateway::Account, one per stack, retained). Turn off where the account's
   * logging role is managed centrally.
   *
   * @default true
   */
  readonly cloudWatchRole?: boolean;
}
