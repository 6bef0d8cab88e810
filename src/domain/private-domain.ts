import {
  Lazy, Resource, Token, aws_apigateway as apigw, aws_certificatemanager as acm, aws_ec2 as ec2, aws_iam as iam, aws_route53 as route53,
  aws_route53_targets as targets,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BasePaths, checkBasePath } from './base-path';
import { checkDomainName } from './domain-name';
import { DomainMappingOptions, RoutingRuleOptions } from './domain-options';
import { DomainRoutingRules, routingMode } from './routing-rules';
import { propError } from '../core/errors';
import { IGatewayStage, stageNameReference } from '../rest/gateway-stage';

/** Properties of a PrivateGatewayDomain. */
export interface PrivateGatewayDomainProps {
  /** The domain name, e.g. `orders.internal.example.com`; lowercase, no wildcard. */
  readonly domainName: string;

  /** An ACM certificate for the domain, in the stack's region. */
  readonly certificate: acm.ICertificate;

  /**
   * The execute-api interface VPC endpoints callers come through: each is associated with the
   * domain, and the domain's policy admits calls through these alone. The PRIVATE APIs the
   * domain serves must admit them too (their `vpcEndpoints`).
   */
  readonly vpcEndpoints: ec2.IInterfaceVpcEndpoint[];

  /**
   * A private hosted zone of the callers' VPC, where alias A and AAAA records point the domain
   * at the first VPC endpoint.
   *
   * @default - no DNS record is made
   */
  readonly privateHostedZone?: route53.IPrivateHostedZone;
}

/**
 * A custom domain for PRIVATE REST APIs (`AWS::ApiGateway::DomainNameV2`): reached only
 * through the VPC endpoints named, which are associated with it
 * (`DomainNameAccessAssociation`) and the only sources its resource policy admits. It is
 * dual-stack with the TLS 1.2 policy, as API Gateway makes every private domain. Stages are
 * mapped at single-level base paths (`BasePathMappingV2`), and routing rules route by headers
 * and paths.
 *
 * ```ts
 * const domain = new PrivateGatewayDomain(this, 'Internal', { domainName: 'orders.internal.example.com', certificate, vpcEndpoints: [endpoint] });
 * domain.addMapping(orders.defaultStage, { basePath: 'v1' });
 * ```
 */
export class PrivateGatewayDomain extends Resource {
  /** The domain name. */
  public readonly domainName: string;
  /** The domain name resource's ARN, which its mappings, rules and associations name. */
  public readonly domainNameArn: string;
  /** The domain name resource. */
  public readonly cfnDomainName: apigw.CfnDomainNameV2;
  /** The domain's association with each VPC endpoint. */
  public readonly accessAssociations: apigw.CfnDomainNameAccessAssociation[];
  /** The domain's resource policy: invocations through its VPC endpoints only. Add statements to share it. */
  public readonly policyDocument: iam.PolicyDocument;
  /** The alias A record in the private hosted zone, when one was given. */
  public readonly aliasRecord?: route53.ARecord;
  /** The alias AAAA record in the private hosted zone, when one was given. */
  public readonly aliasRecordIpv6?: route53.AaaaRecord;

  private readonly basePaths = new BasePaths();
  private readonly rules: DomainRoutingRules;

  constructor(scope: Construct, id: string, props: PrivateGatewayDomainProps) {
    super(scope, id);
    this.domainName = props.domainName;
    checkDomainName(this, props.domainName, false);
    if (props.vpcEndpoints.length === 0) {
      throw propError(this, 'vpcEndpoints', props.vpcEndpoints, 'at least one execute-api interface VPC endpoint: a private domain is reached through one');
    }
    this.policyDocument = new iam.PolicyDocument({
      statements: [
        invoke(iam.Effect.ALLOW),
        invoke(iam.Effect.DENY, { StringNotEquals: { 'aws:SourceVpce': props.vpcEndpoints.map(e => e.vpcEndpointId) } }),
      ],
    });
    this.cfnDomainName = new apigw.CfnDomainNameV2(this, 'Resource', {
      domainName: props.domainName,
      certificateArn: props.certificate.certificateArn,
      endpointConfiguration: { types: [apigw.EndpointType.PRIVATE], ipAddressType: apigw.IpAddressType.DUAL_STACK },
      securityPolicy: apigw.SecurityPolicy.TLS_1_2,
      policy: this.policyDocument,
      routingMode: Lazy.string({ produce: () => routingMode(this.rules.size, this.basePaths.size) }),
    });
    this.domainNameArn = this.cfnDomainName.attrDomainNameArn;
    this.rules = new DomainRoutingRules(this, { domainNameArn: this.domainNameArn, private: true, urlOf: path => this.urlOf(path) });
    this.accessAssociations = props.vpcEndpoints.map((endpoint, i) => new apigw.CfnDomainNameAccessAssociation(this, `Access${i}`, {
      domainNameArn: this.domainNameArn,
      accessAssociationSource: endpoint.vpcEndpointId,
      accessAssociationSourceType: 'VPCE',
    }));
    if (props.privateHostedZone) {
      const endpoint = props.vpcEndpoints[0];
      if (!(endpoint instanceof ec2.InterfaceVpcEndpoint)) {
        throw propError(this, 'privateHostedZone', props.privateHostedZone.zoneName,
          `no zone when the first VPC endpoint is imported (${endpoint.node.path} has no DNS entries to alias); make the records yourself`);
      }
      const record = {
        zone: props.privateHostedZone,
        recordName: props.domainName,
        target: route53.RecordTarget.fromAlias(new targets.InterfaceVpcEndpointTarget(endpoint)),
      };
      this.aliasRecord = new route53.ARecord(this, 'AliasRecord', record);
      this.aliasRecordIpv6 = new route53.AaaaRecord(this, 'AliasRecordIpv6', record);
    }
  }

  /** The domain's root URL, e.g. `https://orders.internal.example.com/`. */
  public get url(): string {
    return `https://${this.domainName}/`;
  }

  /**
   * Serves a stage of a PRIVATE API at a single-level base path of the domain (the root by
   * default). Routing rules route by longer paths.
   */
  public addMapping(stage: IGatewayStage, options: DomainMappingOptions = {}): void {
    const at = `addMapping(${stage.node.path})`;
    const basePath = options.basePath;
    if (checkBasePath(this, `${at}.basePath`, basePath)) {
      throw propError(this, `${at}.basePath`, basePath, 'a single-level base path: a private domain maps no deeper (a routing rule can match a longer path)');
    }
    if (stage.endpointType !== apigw.EndpointType.PRIVATE) {
      throw propError(this, at, `${stage.node.path} of a ${stage.endpointType} API`, 'stages of PRIVATE APIs: a private domain serves private APIs only');
    }
    const id = this.basePaths.claim(this, `${at}.basePath`, basePath, stage.node.path);
    stage.serveFromDomain(this.urlOf(basePath));
    new apigw.CfnBasePathMappingV2(this, id, {
      domainNameArn: this.domainNameArn,
      restApiId: stage.restApi.restApiId,
      stage: stageNameReference(stage),
      basePath,
    });
    this.rules.routeHeaderCanary(at, stage, basePath);
  }

  /** The URL of a base path of the domain, e.g. `https://orders.internal.example.com/v1/`. */
  private urlOf(basePath: string | undefined): string {
    return basePath ? `${this.url}${basePath}/` : this.url;
  }

  /** Routes the requests that match a rule (headers, a base path, or both) to a stage of a PRIVATE API. */
  public addRoutingRule(options: RoutingRuleOptions): void {
    this.rules.add(`addRoutingRule(${Token.isUnresolved(options.priority) ? 'token' : options.priority})`, options);
  }

  /** Adds a statement to the domain's resource policy, e.g. to let another account's endpoints invoke it. */
  public addToResourcePolicy(statement: iam.PolicyStatement): void {
    this.policyDocument.addStatements(statement);
  }
}

function invoke(effect: iam.Effect, conditions?: Record<string, Record<string, unknown>>): iam.PolicyStatement {
  return new iam.PolicyStatement({ effect, actions: ['execute-api:Invoke'], principals: [new iam.AnyPrincipal()], resources: ['execute-api:/*'], conditions });
}
