import {
  aws_apigateway as apigw, aws_certificatemanager as acm, aws_route53 as route53, aws_s3 as s3,
} from 'aws-cdk-lib';
import { IGatewayStage } from '../rest/gateway-stage';

/** Mutual TLS: clients must present a certificate that the truststore's CAs signed. */
export interface MutualTlsOptions {
  /** The bucket holding the truststore (a PEM bundle of the CA certificates). */
  readonly bucket: s3.IBucket;

  /** The truststore's object key, e.g. `truststore.pem`. */
  readonly key: string;

  /**
   * The truststore's object version, so that replacing the file takes effect only on deploy.
   *
   * @default - the latest version, read when the domain is created or updated
   */
  readonly version?: string;

  /**
   * A public ACM certificate for the same domain, proving ownership when the domain's own
   * certificate is imported or issued by a private CA (API Gateway requires it then).
   *
   * @default - none: the domain's certificate is a public ACM certificate
   */
  readonly ownershipVerificationCertificate?: acm.ICertificate;
}

/** Properties of a GatewayDomain. */
export interface GatewayDomainProps {
  /** The domain name, e.g. `api.example.com` or `*.example.com`; lowercase. */
  readonly domainName: string;

  /**
   * The certificate for the domain: in the stack's region for a REGIONAL domain, in us-east-1
   * for an EDGE one.
   *
   * @default - a new ACM certificate, validated through DNS records in `hostedZone`
   */
  readonly certificate?: acm.ICertificate;

  /**
   * The public hosted zone of the domain: where the created certificate is validated and the
   * alias record goes.
   *
   * @default - none: `certificate` is required, and no DNS record is made
   */
  readonly hostedZone?: route53.IHostedZone;

  /**
   * Whether alias records in `hostedZone` point the domain at API Gateway: an A record, and an
   * AAAA record too on a dual-stack domain.
   *
   * @default true when `hostedZone` is given
   */
  readonly aliasRecord?: boolean;

  /**
   * Who can reach the domain: IPv4 callers, or IPv4 and IPv6 callers (`DUAL_STACK`), whatever
   * the address types of the APIs it serves.
   *
   * @default IpAddressType.IPV4
   */
  readonly ipAddressType?: apigw.IpAddressType;

  /**
   * REGIONAL (multi-level base paths and mutual TLS need it) or EDGE (served through
   * CloudFront, certificate in us-east-1).
   *
   * @default EndpointType.REGIONAL
   */
  readonly endpointType?: apigw.EndpointType;

  /**
   * The TLS security policy: TLS_1_2 or one of the enhanced `SecurityPolicy_*` policies (for
   * the domain's endpoint type). TLS_1_0 is refused. The Control Tower control
   * CT.APIGATEWAY.PR.6 accepts only TLS_1_2.
   *
   * @default SecurityPolicy.TLS_1_2
   */
  readonly securityPolicy?: apigw.SecurityPolicy;

  /**
   * How strictly an enhanced `SecurityPolicy_*` policy is applied: STRICT also refuses requests
   * whose Host (SNI) is not the domain, or that come from another endpoint type; BASIC is AWS's
   * migration step from a legacy policy (switch with BASIC, watch the access logs, then STRICT).
   * Legacy policies take none.
   *
   * @default - STRICT with an enhanced policy, none with TLS_1_2
   */
  readonly endpointAccessMode?: apigw.EndpointAccessMode;

  /**
   * Mutual TLS with a truststore in S3 (REGIONAL domains with TLS_1_2 only).
   *
   * @default - no client certificates asked for
   */
  readonly mutualTls?: MutualTlsOptions;
}

/** How a domain serves a stage. */
export interface DomainMappingOptions {
  /**
   * The base path, e.g. `orders` or `v1/orders` (several levels need a REGIONAL domain). The
   * root (no base path) must be the domain's only mapping.
   *
   * @default - the root: the domain serves this stage alone
   */
  readonly basePath?: string;
}

/** A stage of the API and the base path a custom domain serves it at. */
export interface StageMappingOptions extends DomainMappingOptions {
  /** The stage's name. */
  readonly stageName: string;
}

/** A custom domain in front of a GatewayApi. */
export interface CustomDomainOptions extends GatewayDomainProps {
  /**
   * The stages the domain serves, each at its base path. More can be added with
   * `api.domain.addMapping(stage, { basePath })`.
   *
   * @default - the default stage, at the root
   */
  readonly mappings?: StageMappingOptions[];
}

/** A rule of a custom domain: which requests it takes, and the stage it sends them to. */
export interface RoutingRuleOptions {
  /**
   * Where the rule stands among the domain's rules, from 1 to 1,000,000: rules are tried from
   * the lowest number, and the first that matches routes the request. Unique per domain.
   */
  readonly priority: number;

  /** The REST API stage the rule's requests go to (a PRIVATE API's for a private domain, another's otherwise). */
  readonly stage: IGatewayStage;

  /**
   * At most two headers the request must carry, by name, each with a value glob: a value, with
   * `*` at its start, its end or both (`beta`, `beta*`, `*-preview`, `*canary*`). Names are
   * matched without case, values with case.
   *
   * @default - any headers
   */
  readonly headers?: { [name: string]: string };

  /**
   * The base path the request's path must start with, e.g. `orders` or `orders/v2`.
   *
   * @default - any path
   */
  readonly basePath?: string;

  /**
   * Whether the API sees the path without the base path, as a base path mapping would send it.
   *
   * @default true when `basePath` is given
   */
  readonly stripBasePath?: boolean;
}
