// Capability: CloudFront in front of a REST API. The distribution reaches the API's first stage
// over TLS 1.2 (RestApiOrigin), caches as long as the stage's own cache does, redirects viewers
// to HTTPS and is guarded at the edge by a CLOUDFRONT web ACL (which lives in us-east-1, hence
// this stack's region).
import {
  Duration, Stack, StackProps, aws_apigateway as apigw, aws_cloudfront as cloudfront, aws_cloudfront_origins as origins, aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { Authorization, GatewayApi, Integration } from '../../src';

/** How long an answer is fresh: the stage cache's TTL, and CloudFront's. */
const FRESH_FOR = Duration.minutes(5);

export class CdnStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, { ...props, env: { ...props?.env, region: 'us-east-1' } });

    const articlesFn = inlineFunction(this, 'ArticlesFunction', [
      'const articles = { a1: { id: "a1", title: "Kettles, a history" }, a2: { id: "a2", title: "Steeping tea" } };',
      'exports.handler = async (event) => {',
      '  const id = event.pathParameters?.articleId;',
      '  const found = id === undefined ? Object.values(articles) : articles[id];',
      '  return { statusCode: found ? 200 : 404, headers: { "Content-Type": "application/json" },',
      '    body: JSON.stringify(found ?? { message: "no such article" }) };',
      '};',
    ]);
    const articles = Integration.lambda(articlesFn);
    // Public reading: CloudFront forwards no caller credentials (its Host is not the API's, so a SigV4 signature would not match).
    const open = Authorization.none('Articles are public; CloudFront serves them to anonymous readers.');

    const api = new GatewayApi(this, 'ArticlesApi', {
      description: 'Articles, served through CloudFront',
      endpointType: apigw.EndpointType.REGIONAL,
      stages: [{ stageName: 'prod', cache: { ttl: FRESH_FOR } }],
      routes: {
        'GET /articles': { integration: articles, summary: 'Every article', authorization: open },
        'GET /articles/{articleId}': {
          integration: articles,
          summary: 'One article',
          authorization: open,
          // The stage cache keeps one answer per article.
          cache: { keyParameters: ['method.request.path.articleId'] },
        },
      },
    });

    // The edge's own guard: AWS's common rules and known bad inputs, and a rate limit per address, before the cache.
    const edgeAcl = new wafv2.CfnWebACL(this, 'EdgeWebAcl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'ArticlesEdge', sampledRequestsEnabled: true },
      rules: [
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 0,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'CommonRuleSet', sampledRequestsEnabled: true },
        },
        {
          // Request patterns known to be malicious, Log4Shell's among them.
          name: 'AWSManagedRulesKnownBadInputsRuleSet',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesKnownBadInputsRuleSet' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'KnownBadInputs', sampledRequestsEnabled: true },
        },
        {
          name: 'RatePerAddress',
          priority: 2,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: 'IP' } },
          visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'RatePerAddress', sampledRequestsEnabled: true },
        },
      ],
    });

    new cloudfront.Distribution(this, 'Cdn', {
      comment: 'Articles API at the edge',
      webAclId: edgeAcl.attrArn,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        // HTTPS only, TLS 1.2, to the first stage's path (/prod).
        origin: new origins.RestApiOrigin(api),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: new cloudfront.CachePolicy(this, 'StageAlignedCache', {
          comment: 'Fresh as long as the API stage cache keeps an answer',
          defaultTtl: FRESH_FOR,
          maxTtl: FRESH_FOR,
          minTtl: Duration.seconds(0),
          // The routes take no query strings, headers or cookies: the path is the whole key, as in the stage cache.
          queryStringBehavior: cloudfront.CacheQueryStringBehavior.none(),
          headerBehavior: cloudfront.CacheHeaderBehavior.none(),
          cookieBehavior: cloudfront.CacheCookieBehavior.none(),
          enableAcceptEncodingGzip: true,
          enableAcceptEncodingBrotli: true,
        }),
      },
    });
  }
}
