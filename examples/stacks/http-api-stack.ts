// Capability: an HTTP API (the cheaper, faster kind). Users hold Cognito tokens that API
// Gateway validates itself (JWT), with a scope for writes; partners are judged by a Lambda
// authorizer; an internal job signs with IAM. Routes go to a Lambda function (payload 2.0) and
// a legacy HTTP backend, and orders straight into SQS (a first-class AWS service integration
// with a role of its own), and inventory requests through a VPC link to a private service found
// in Cloud Map; page clicks go into a Kinesis stream through an integration the app writes itself
// (KinesisPutRecordIntegration); API Gateway answers CORS preflights; a beta stage is throttled harder. Both
// stages are served by the custom domain items.example.com, which turns execute-api off.
import {
  Duration, Stack, StackProps, aws_cognito as cognito, aws_ec2 as ec2, aws_iam as iam, aws_kinesis as kinesis, aws_kms as kms, aws_route53 as route53,
  aws_servicediscovery as servicediscovery, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { inlineFunction } from './inline-function';
import { KinesisPutRecordIntegration } from './kinesis-put-record-integration';
import { GatewayDomain, GatewayHttpApi, HttpAuthorization, HttpAuthorizer, HttpIntegration } from '../../src';

export class HttpApiStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const items = HttpIntegration.lambda(inlineFunction(this, 'ItemsFunction', [
      'exports.handler = async (event) => ({',
      '  statusCode: 200,',
      '  body: JSON.stringify({ route: event.routeKey, claims: event.requestContext.authorizer?.jwt?.claims ?? null }),',
      '});',
    ]));

    const pool = new cognito.UserPool(this, 'Users', {
      passwordPolicy: { minLength: 12, requireSymbols: true, requireDigits: true, requireLowercase: true, requireUppercase: true },
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { sms: false, otp: true },
    });
    const web = pool.addClient('Web');
    const users = HttpAuthorizer.cognito({ userPool: pool, clients: [web] });

    // Partners send an API token; the function's yes or no is cached per token for a minute.
    const partners = HttpAuthorizer.lambda(inlineFunction(this, 'PartnerAuthorizer', [
      'exports.handler = async (event) => ({ isAuthorized: event.headers["x-partner-token"] === "allow", context: { partner: "acme" } });',
    ]), { identitySources: ['$request.header.X-Partner-Token'], resultsCacheTtl: Duration.minutes(1) });

    const orders = new sqs.Queue(this, 'OrdersQueue', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });
    const clicks = new kinesis.Stream(this, 'Clicks', {
      encryption: kinesis.StreamEncryption.KMS,
      encryptionKey: new kms.Key(this, 'ClicksKey', { enableKeyRotation: true }),
      streamMode: kinesis.StreamMode.ON_DEMAND,
    });

    // A private inventory service in isolated subnets, registered in Cloud Map; the API reaches it
    // through a VPC link whose security group may only talk to the VPC.
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [{ name: 'services', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      flowLogs: { all: {} },
    });
    const namespace = new servicediscovery.PrivateDnsNamespace(this, 'Namespace', { name: 'services.internal', vpc });
    const inventory = namespace.createService('Inventory', { dnsRecordType: servicediscovery.DnsRecordType.SRV });

    const api = new GatewayHttpApi(this, 'Api', {
      description: 'Items, behind Cognito tokens',
      defaultAuthorization: HttpAuthorization.authorizer(users),
      cors: { allowOrigins: ['https://app.example.com'], allowCredentials: true, maxAge: Duration.hours(1) },
      stages: [{}, { stageName: 'beta', throttlingRateLimit: 50, throttlingBurstLimit: 100 }],
      routes: {
        'GET /items': { integration: items },
        'GET /items/{id}': { integration: items },
        'POST /items': { integration: items, authorization: HttpAuthorization.authorizer(users, ['items/write']), throttle: { rateLimit: 20, burstLimit: 40 } },
        'POST /orders': { integration: HttpIntegration.sqsSendMessage(orders) },
        'POST /clicks': { integration: new KinesisPutRecordIntegration(clicks, '$request.header.X-Session-Id') },
        'GET /partners/items': { integration: items, authorization: HttpAuthorization.authorizer(partners) },
        // Parameter mapping: the inventory service gets the caller's user id and no debug flag,
        // under its own path; the caller gets the request id back and a 404 as an empty 204.
        'GET /inventory/{proxy+}': {
          integration: HttpIntegration.cloudMapService(inventory, {
            vpc,
            timeout: Duration.seconds(5),
            requestParameters: {
              'overwrite:header.X-User-Id': '$context.authorizer.claims.sub',
              'remove:querystring.debug': "''",
              'overwrite:path': '/stock/$request.path.proxy',
            },
            responseParameters: {
              200: { 'append:header.X-Request-Id': '$context.requestId' },
              404: { 'overwrite:statuscode': '204' },
            },
          }),
        },
        'ANY /legacy/{proxy+}': { integration: HttpIntegration.url('https://legacy.example.com/{proxy}', { timeout: Duration.seconds(10) }) },
        'POST /internal/reindex': { integration: items, authorization: HttpAuthorization.iam() },
      },
    });

    const zone = route53.HostedZone.fromHostedZoneAttributes(this, 'Zone', { hostedZoneId: 'Z0123456789EXAMPLE', zoneName: 'example.com' });
    const domain = new GatewayDomain(this, 'Domain', { domainName: 'items.example.com', hostedZone: zone });
    const [live, beta] = api.stages;
    domain.addHttpMapping(live, { basePath: 'v1' });
    domain.addHttpMapping(beta, { basePath: 'beta' });

    const reindexJob = new iam.Role(this, 'ReindexJob', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    api.grantInvoke(reindexJob, 'POST', '/internal/reindex');
  }
}
