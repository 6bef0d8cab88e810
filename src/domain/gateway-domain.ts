import {
  Arn, ArnFormat, Lazy, Resource, Stack, Token,
  aws_apigateway as apigw, aws_apigatewayv2 as apigwv2, aws_certificatemanager as acm, aws_route53 as route53,
} from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { DomainAliasTarget } from './alias-target';
import { BasePaths, checkBasePath } from './base-path';
import { checkDomainName } from './domain-name';
import { DomainMappingOptions, GatewayDomainProps, RoutingRuleOptions } from './domain-options';
import { DomainRoutingRules, routingMode } from './routing-rules';
import { checkOneOf } from '../core/checks';
import { propError } from '../core/errors';
import { accessMode, checkSecurityPolicy, isEnhancedPolicy } from '../endpoint/tls';
import { IHttpGatewayStage } from '../http/http-gateway-stage';
import { IGatewayStage, stageNameReference } from '../rest/gateway-stage';
import { IWebSocketGatewayStage } from '../websocket/websocket-gateway-stage';

/** The region whose certificates CloudFront (and so an EDGE domain) can use. */
const EDGE_CERTIFICATE_REGION = 'us-east-1';

/**
 * A custom domain for GatewayApi stages: TLS 1.2 or newer, a certificate given or created with
 * DNS validation, optional mutual TLS, an alias record, and base path mappings (several levels
 * deep on a REGIONAL domain). A stage it serves makes its API disable the default execute-api
 * endpoint, unless the API says otherwise, so the domain's TLS policy and mTLS cannot be
 * bypassed.
 *
 * ```ts
 * const domain = new GatewayDomain(this, 'Domain', { domainName: 'api.example.com', hostedZone });
 * domain.addMapping(orders.defaultStage, { basePath: 'orders' });
 * domain.addMapping(catalog.defaultStage, { basePath: 'v1/catalog' });
 * ```
 *
 * It is an aws-cdk-lib `IDomainName`, so Route 53's `ApiGatewayDomain` target takes it.
 */
export class GatewayDomain extends Resource implements apigw.IDomainName {
  /** The domain name. */
  public readonly domainName: string;
  /** The name and ARN of the domain name resource. */
  public readonly domainNameRef: apigw.DomainNameReference;
  /** The host name an alias record points at: the domain's regional name, or its CloudFront distribution's (EDGE). */
  public readonly domainNameAliasDomainName: string;
  /** The hosted zone of `domainNameAliasDomainName`. */
  public readonly domainNameAliasHostedZoneId: string;
  /** The domain name resource. */
  public readonly cfnDomainName: apigw.CfnDomainName;
  /** The domain's certificate, given or created. */
  public readonly certificate: acm.ICertificate;
  /** REGIONAL or EDGE. */
  public readonly endpointType: apigw.EndpointType;
  /** The alias record pointing the domain at API Gateway, when a hosted zone was given. */
  public readonly aliasRecord?: route53.ARecord;
  /** The IPv6 alias record of a dual-stack domain, when a hosted zone was given. */
  public readonly aliasRecordIpv6?: route53.AaaaRecord;
  /** Who can reach the domain: IPv4 callers, or IPv4 and IPv6 callers. */
  public readonly ipAddressType: apigw.IpAddressType;

  private readonly basePaths = new BasePaths();
  private servedKind?: 'WebSocket' | 'REST or HTTP';
  private readonly rules: DomainRoutingRules;
  private httpMapped = false;
  private readonly securityPolicy: apigw.SecurityPolicy;

  constructor(scope: Construct, id: string, props: GatewayDomainProps) {
    super(scope, id);
    this.domainName = props.domainName;
    this.endpointType = props.endpointType ?? apigw.EndpointType.REGIONAL;
    const edge = this.endpointType === apigw.EndpointType.EDGE;
    checkDomainName(this, props.domainName);
    if (this.endpointType !== apigw.EndpointType.REGIONAL && !edge) {
      throw propError(this, 'endpointType', this.endpointType,
        'REGIONAL or EDGE (a PRIVATE API is served through a PrivateGatewayDomain)');
    }
    const securityPolicy = props.securityPolicy ?? apigw.SecurityPolicy.TLS_1_2;
    this.securityPolicy = securityPolicy;
    checkSecurityPolicy(this, 'securityPolicy', securityPolicy, this.endpointType, 'domain');
    if (props.mutualTls && edge) {
      throw propError(this, 'mutualTls', 'with endpointType EDGE', 'mutual TLS on REGIONAL domains only');
    }
    if (props.mutualTls && isEnhancedPolicy(securityPolicy)) {
      throw propError(this, 'securityPolicy', securityPolicy, 'TLS_1_2 when mutualTls is set: API Gateway refuses mutual TLS with the enhanced policies');
    }
    checkZone(this, props);
    checkOneOf(this, 'ipAddressType', props.ipAddressType, Object.values(apigw.IpAddressType));
    this.ipAddressType = props.ipAddressType ?? apigw.IpAddressType.IPV4;

    this.certificate = props.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });
    checkCertificateRegion(this, props.certificate, edge);

    const mutualTls = props.mutualTls;
    this.cfnDomainName = new apigw.CfnDomainName(this, 'Resource', {
      domainName: props.domainName,
      endpointConfiguration: { types: [this.endpointType], ipAddressType: props.ipAddressType },
      certificateArn: edge ? this.certificate.certificateArn : undefined,
      regionalCertificateArn: edge ? undefined : this.certificate.certificateArn,
      securityPolicy,
      // The enhanced policies need an access mode; STRICT also refuses requests whose Host is not the domain.
      endpointAccessMode: accessMode(this, securityPolicy, props.endpointAccessMode, apigw.EndpointAccessMode.STRICT),
      mutualTlsAuthentication: mutualTls && {
        truststoreUri: mutualTls.bucket.s3UrlForObject(mutualTls.key),
        truststoreVersion: mutualTls.version,
      },
      ownershipVerificationCertificateArn: mutualTls?.ownershipVerificationCertificate?.certificateArn,
      routingMode: Lazy.string({ produce: () => routingMode(this.rules.size, this.basePaths.size) }),
    });
    this.rules = new DomainRoutingRules(this, {
      domainNameArn: this.cfnDomainName.attrDomainNameArn,
      private: false,
      urlOf: path => this.urlOf(path),
      checkRuleAllowed: prop => {
        this.claimProtocol(this, prop, 'REST or HTTP');
        if (this.httpMapped) {
          throw propError(this, prop, 'a domain that serves HTTP APIs', 'a domain without HTTP API mappings: API Gateway routes by rules only on domains of REST APIs');
        }
      },
    });
    this.domainNameRef = this.cfnDomainName.domainNameRef;
    const alias = new DomainAliasTarget(this.cfnDomainName, edge).bind();
    this.domainNameAliasDomainName = alias.dnsName;
    this.domainNameAliasHostedZoneId = alias.hostedZoneId;

    if (props.hostedZone && (props.aliasRecord ?? true)) {
      const target = route53.RecordTarget.fromAlias(new DomainAliasTarget(this.cfnDomainName, edge));
      const record = { zone: props.hostedZone, recordName: props.domainName, target };
      this.aliasRecord = new route53.ARecord(this, 'AliasRecord', record);
      if (this.ipAddressType === apigw.IpAddressType.DUAL_STACK) this.aliasRecordIpv6 = new route53.AaaaRecord(this, 'AliasRecordIpv6', record);
    }
  }

  /** The domain's root URL, e.g. `https://api.example.com/`. */
  public get url(): string {
    return `https://${this.domainName}/`;
  }

  /**
   * Serves a stage at a base path of the domain (the root by default). A path of several
   * levels (`v1/orders`) is mapped with an API Gateway V2 ApiMapping, as API Gateway requires.
   */
  public addMapping(stage: IGatewayStage, options: DomainMappingOptions = {}): void {
    this._addMapping(stage, options, { scope: this, prop: `addMapping(${stage.node.path})` });
  }

  /**
   * `addMapping`, with errors naming `at`: this method, or the `domain.mappings[i]` prop of the
   * GatewayApi that made the domain.
   *
   * @internal
   */
  public _addMapping(stage: IGatewayStage, options: DomainMappingOptions, at: { scope: IConstruct; prop: string }): void {
    const basePath = options.basePath;
    const prop = `${at.prop}.basePath`;
    const multiLevel = checkBasePath(at.scope, prop, basePath);
    if (multiLevel && this.endpointType !== apigw.EndpointType.REGIONAL) {
      throw propError(at.scope, prop, basePath, 'a single-level base path on an EDGE domain (several levels need REGIONAL)');
    }
    if (stage.endpointType === apigw.EndpointType.PRIVATE) {
      throw propError(at.scope, at.prop, `${stage.node.path} of a PRIVATE API`,
        'stages of REGIONAL or EDGE APIs: a PRIVATE API is served through a PrivateGatewayDomain');
    }
    this.claimProtocol(at.scope, at.prop, 'REST or HTTP');
    const id = this.basePaths.claim(at.scope, prop, basePath, stage.node.path);
    stage.serveFromDomain(this.urlOf(basePath));
    if (multiLevel) {
      new apigwv2.CfnApiMapping(this, id, {
        domainName: this.cfnDomainName.ref,
        apiId: stage.restApi.restApiId,
        stage: stageNameReference(stage),
        apiMappingKey: basePath!,
      });
    } else {
      new apigw.CfnBasePathMapping(this, id, {
        domainName: this.cfnDomainName.ref,
        restApiId: stage.restApi.restApiId,
        stage: stageNameReference(stage),
        basePath,
      });
    }
    this.rules.routeHeaderCanary(at.prop, stage, basePath);
  }

  /**
   * Serves a stage of a GatewayHttpApi at a base path of the domain (the root by default), one
   * level or several. HTTP APIs are served by REGIONAL domains with the TLS_1_2 policy only.
   */
  public addHttpMapping(stage: IHttpGatewayStage, options: DomainMappingOptions = {}): void {
    const basePath = options.basePath;
    const prop = `addHttpMapping(${stage.node.path}).basePath`;
    checkBasePath(this, prop, basePath);
    if (this.endpointType !== apigw.EndpointType.REGIONAL) {
      throw propError(this, `addHttpMapping(${stage.node.path})`, `a domain with endpointType ${this.endpointType}`, 'a REGIONAL domain: HTTP APIs are not served at the edge');
    }
    if (isEnhancedPolicy(this.securityPolicy)) {
      throw propError(this, `addHttpMapping(${stage.node.path})`, `a domain with securityPolicy ${this.securityPolicy}`,
        'a domain with the TLS_1_2 policy: API Gateway refuses HTTP API mappings on domains with enhanced policies');
    }
    this.claimProtocol(this, `addHttpMapping(${stage.node.path})`, 'REST or HTTP');
    if (this.rules.size > 0) {
      throw propError(this, `addHttpMapping(${stage.node.path})`, 'a domain with routing rules', 'a domain without routing rules: API Gateway routes by rules only on domains of REST APIs');
    }
    this.httpMapped = true;
    const id = this.basePaths.claim(this, prop, basePath, stage.node.path);
    stage.serveFromDomain(this.urlOf(basePath));
    new apigwv2.CfnApiMapping(this, id, {
      domainName: this.cfnDomainName.ref,
      apiId: stage.stage.apiId,
      stage: stage.stage.ref,
      apiMappingKey: basePath,
    });
  }

  /**
   * Serves a stage of a GatewayWebSocketApi at a base path of the domain (the root by default)
   * and answers the URL clients connect to, e.g. `wss://chat.example.com/live`. A domain that
   * serves a WebSocket API serves no REST or HTTP API, and is REGIONAL with the TLS_1_2 policy.
   * The stage's own URLs (and `callbackUrl`) keep working.
   */
  public addWebSocketMapping(stage: IWebSocketGatewayStage, options: DomainMappingOptions = {}): string {
    const basePath = options.basePath;
    const at = `addWebSocketMapping(${stage.node.path})`;
    checkBasePath(this, `${at}.basePath`, basePath);
    if (this.endpointType !== apigw.EndpointType.REGIONAL) {
      throw propError(this, at, `a domain with endpointType ${this.endpointType}`, 'a REGIONAL domain: WebSocket APIs are not served at the edge');
    }
    if (this.securityPolicy !== apigw.SecurityPolicy.TLS_1_2) {
      throw propError(this, at, `a domain with securityPolicy ${this.securityPolicy}`, 'a domain with the TLS_1_2 policy, the only one WebSocket APIs are served with');
    }
    this.claimProtocol(this, at, 'WebSocket');
    const id = this.basePaths.claim(this, `${at}.basePath`, basePath, stage.node.path);
    new apigwv2.CfnApiMapping(this, id, {
      domainName: this.cfnDomainName.ref,
      apiId: stage.stage.apiId,
      stage: stage.stage.ref,
      apiMappingKey: basePath,
    });
    return basePath ? `wss://${this.domainName}/${basePath}` : `wss://${this.domainName}`;
  }

  /** A domain serves WebSocket APIs, or REST and HTTP APIs, never both kinds (API Gateway refuses the mix). */
  private claimProtocol(scope: IConstruct, prop: string, kind: 'WebSocket' | 'REST or HTTP'): void {
    if (this.servedKind !== undefined && this.servedKind !== kind) {
      throw propError(scope, prop, `a domain that serves ${this.servedKind} APIs`,
        'a domain of its own: a domain that serves a WebSocket API serves no REST or HTTP API (API Gateway refuses the mix)');
    }
    this.servedKind = kind;
  }

  /**
   * Routes the requests that match a rule (headers, a base path, or both) to a stage of a REST
   * API, before the domain's base path mappings are tried: to send requests with
   * `X-Version: beta` to a beta stage, or move clients between versions by header. HTTP and
   * WebSocket APIs are not routed by rules, and a domain with rules maps none.
   */
  public addRoutingRule(options: RoutingRuleOptions): void {
    this.rules.add(`addRoutingRule(${options.priority})`, options);
  }

  /** The URL of a base path of the domain, e.g. `https://api.example.com/v1/orders/`. */
  private urlOf(basePath: string | undefined): string {
    return basePath ? `${this.url}${basePath}/` : this.url;
  }
}

/** A created certificate is validated in the zone; the zone must hold the domain. */
function checkZone(scope: Construct, props: GatewayDomainProps): void {
  const zone = props.hostedZone;
  if (!props.certificate && !zone) {
    throw propError(scope, 'certificate', 'undefined', 'a certificate, or a hostedZone to validate a new one in');
  }
  if (!zone || Token.isUnresolved(zone.zoneName) || Token.isUnresolved(props.domainName)) return;
  const zoneName = zone.zoneName.replace(/\.$/, '');
  if (props.domainName !== zoneName && !props.domainName.endsWith(`.${zoneName}`)) {
    throw propError(scope, 'hostedZone', zoneName, `the zone of ${props.domainName} (the domain itself or a parent of it)`);
  }
}

/** A REGIONAL domain's certificate lives in the stack's region, an EDGE domain's in us-east-1. */
function checkCertificateRegion(scope: Construct, given: acm.ICertificate | undefined, edge: boolean): void {
  const stackRegion = Stack.of(scope).region;
  const region = given ? certificateRegion(given) : stackRegion;
  const wanted = edge ? EDGE_CERTIFICATE_REGION : stackRegion;
  if (Token.isUnresolved(region) || Token.isUnresolved(wanted) || region === wanted) return;
  throw propError(scope, 'certificate', `a certificate in ${region}`, edge
    ? `a certificate in ${EDGE_CERTIFICATE_REGION} for an EDGE domain (create it in a ${EDGE_CERTIFICATE_REGION} stack and pass it with crossRegionReferences)`
    : `a certificate in ${wanted}, the region of the REGIONAL domain`);
}

/** An imported certificate's region is in its ARN; a created one's is its stack's. */
function certificateRegion(certificate: acm.ICertificate): string {
  const arn = certificate.certificateArn;
  return Token.isUnresolved(arn) ? certificate.env.region : Arn.split(arn, ArnFormat.SLASH_RESOURCE_NAME).region ?? certificate.env.region;
}
