import { Duration, Stack, aws_apigateway as apigw, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  ApiKey, Compliance, GatewayApi, GatewayApiProps, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, StageOptions,
  UsagePlan, WebSocketIntegration,
} from '../../src';
import { newFunction, newStack } from '../util';

/**
 * Upgrade safety: the resources that hold state or identity (APIs, stages, keys, plans, domains,
 * log groups, keys, the connections table) keep their logical ids, pinned here, whatever else
 * changes in the app. A changed id is a replacement at deploy: a new API id, new URLs, API keys
 * that no longer exist, logs in a new group.
 */
const STATEFUL_TYPES = [
  'AWS::ApiGateway::RestApi', 'AWS::ApiGateway::Stage', 'AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::UsagePlan',
  'AWS::ApiGateway::DomainName', 'AWS::ApiGateway::BasePathMapping', 'AWS::ApiGatewayV2::Api', 'AWS::ApiGatewayV2::Stage',
  'AWS::Logs::LogGroup', 'AWS::KMS::Key', 'AWS::DynamoDB::Table', 'AWS::SNS::Topic',
];

/** What the app's users may change between two deploys without touching the stateful resources. */
interface Variant {
  readonly rest?: Partial<GatewayApiProps>;
  readonly stage?: Partial<StageOptions>;
  readonly moreRoutes?: boolean;
  readonly tokensFirst?: boolean;
}

function app(variant: Variant = {}): { stack: Stack; template: Template } {
  const stack = newStack();
  // Unrelated resources made first shift token numbering and construct order.
  if (variant.tokensFirst) newFunction(stack, 'UnrelatedFunction').functionArn.toString();
  const fn = newFunction(stack);
  const api = new GatewayApi(stack, 'Api', {
    domain: { domainName: 'api.example.com', certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/abc') },
    routes: {
      'GET /pets': { integration: Integration.lambda(fn) },
      ...(variant.moreRoutes ? { 'POST /pets': { integration: Integration.lambda(fn) }, 'GET /owners/{id}': { integration: Integration.mock() } } : {}),
    },
    stages: [{ ...variant.stage }, { stageName: 'beta' }],
    ...variant.rest,
  });
  const plan = new UsagePlan(stack, 'Plan', { stages: [api.defaultStage] });
  plan.addApiKey(new ApiKey(stack, 'PartnerKey'));
  new GatewayHttpApi(stack, 'Http', { routes: { 'GET /items': { integration: HttpIntegration.lambda(fn) } } });
  new GatewayWebSocketApi(stack, 'Chat', { connectionsTable: {}, routes: { send: { integration: WebSocketIntegration.lambda(fn) } } });
  return { stack, template: Template.fromStack(stack) };
}

function statefulIds(template: Template): { [type: string]: string[] } {
  return Object.fromEntries(STATEFUL_TYPES.map(type => [type, Object.keys(template.findResources(type)).sort()]));
}

const GOLDEN = statefulIds(app().template);

describe('logical ids of stateful and identity-bearing resources', () => {
  test('are pinned', () => {
    expect(GOLDEN).toEqual({
      'AWS::ApiGateway::RestApi': ['ApiF70053CD'],
      'AWS::ApiGateway::Stage': ['ApiStagebetaC58FEBE1', 'ApiStageprod624FA46F'],
      'AWS::ApiGateway::ApiKey': ['PartnerKey1E532ADA'],
      'AWS::ApiGateway::UsagePlan': ['PlanDAF4E53A'],
      'AWS::ApiGateway::DomainName': ['ApiDomain95042711'],
      'AWS::ApiGateway::BasePathMapping': ['ApiDomainMappingroot57D6A050'],
      'AWS::ApiGatewayV2::Api': ['Chat26DEB33F', 'Http36EFD62B'],
      'AWS::ApiGatewayV2::Stage': ['ChatStageprodE083F2E8', 'HttpStagedefaultF49201B4'],
      'AWS::Logs::LogGroup': [
        'ApiStagebetaAccessLogs23DCA9B4', 'ApiStageprodAccessLogs5C41393E', 'ChatStageprodAccessLogs6232DEC8', 'HttpStagedefaultAccessLogsC27DA8CA',
      ],
      'AWS::KMS::Key': ['ApiEncryptionKey8E3C21A0', 'ChatEncryptionKey746E70F7', 'GatewayApiAlarmsKey4450596F', 'HttpEncryptionKey895A5053'],
      'AWS::DynamoDB::Table': ['ChatConnections36D6FAE4'],
      'AWS::SNS::Topic': ['GatewayApiAlarmsE17BD7C4'],
    });
  });

  const variants: [string, Variant][] = [
    ['a description, more routes, CORS and throttling', {
      moreRoutes: true,
      rest: { description: 'v2', cors: { allowOrigins: ['https://app.example.com'] } },
      stage: { throttlingRateLimit: 50, throttlingBurstLimit: 100 },
    }],
    ['caching on, alarms and dashboard off, another log level, data trace on', {
      rest: { dashboard: false, alarmActions: [] },
      stage: { cache: { ttl: Duration.minutes(1) }, alarms: { enabled: false }, loggingLevel: apigw.MethodLoggingLevel.INFO, dataTraceEnabled: true },
    }],
    ['a compliance preset (web ACL, client certificate, encrypted logs)', { rest: { compliance: Compliance.PCI_DSS_321 } }],
    ['unrelated resources and tokens made first', { tokensFirst: true }],
  ];
  test.each(variants)('do not change with %s', (_name, variant) => {
    const ids = statefulIds(app(variant).template);
    for (const type of STATEFUL_TYPES) {
      // Stateful resources a variant adds (a web ACL's log group) are allowed; none may be renamed or go.
      expect({ type, ids: ids[type] }).toEqual({ type, ids: expect.arrayContaining(GOLDEN[type]) });
    }
  });
});

describe('removal policies', () => {
  test('log groups, KMS keys, API keys and the account logging role are retained when removed from the stack', () => {
    const { template } = app({ rest: { compliance: Compliance.NIST_800_53_R5 } });
    for (const type of ['AWS::Logs::LogGroup', 'AWS::KMS::Key', 'AWS::ApiGateway::ApiKey', 'AWS::ApiGateway::Account']) {
      const resources = template.findResources(type);
      expect(Object.keys(resources).length).toBeGreaterThan(0);
      for (const [id, resource] of Object.entries(resources)) {
        expect({ id, DeletionPolicy: resource.DeletionPolicy, UpdateReplacePolicy: resource.UpdateReplacePolicy })
          .toEqual({ id, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    }
  });
});
