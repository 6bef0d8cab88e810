import { aws_apigateway as apigw, aws_route53 as route53 } from 'aws-cdk-lib';

/** Points an alias record at a custom domain: its CloudFront distribution (EDGE) or regional endpoint. */
export class DomainAliasTarget implements route53.IAliasRecordTarget {
  constructor(private readonly domain: apigw.CfnDomainName, private readonly edge: boolean) {}

  public bind(): route53.AliasRecordTargetConfig {
    return this.edge
      ? { dnsName: this.domain.attrDistributionDomainName, hostedZoneId: this.domain.attrDistributionHostedZoneId }
      : { dnsName: this.domain.attrRegionalDomainName, hostedZoneId: this.domain.attrRegionalHostedZoneId };
  }
}
