import { Stack, aws_kms as kms } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import {
  ApiEncryption, Compliance, GatewayApi, GatewayHttpApi, GatewayWebSocketApi, HttpIntegration, Integration, WebSocketIntegration,
} from '../../src';
import { newStack } from '../util';

const route = { 'GET /x': { integration: Integration.mock() } };
const keyOf = (template: Template, type: string) => Object.values(template.findResources(type)).map((r: any) => r.Properties.KmsKeyId);

describe('ApiEncryption', () => {
  describe('by default, a key of the API\'s own', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Rest', { routes: route, stages: [{}, { stageName: 'beta' }], webAcl: true });
    new GatewayHttpApi(stack, 'Http', { routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } });
    new GatewayWebSocketApi(stack, 'Ws', { connectionsTable: {}, routes: { $default: { integration: WebSocketIntegration.url('https://example.com') } } });
    const template = Template.fromStack(stack);
    const keys = template.findResources('AWS::KMS::Key', { Properties: { Description: Match.stringLikeRegexp('^Encrypts what') } });
    const keyArn = (api: string) => ({ 'Fn::GetAtt': [Object.keys(keys).find(id => id.startsWith(`${api}EncryptionKey`)), 'Arn'] });

    test('one per API, rotated yearly and retained with the logs', () => {
      expect(Object.keys(keys).sort()).toEqual(['Http', 'Rest', 'Ws'].map(api => expect.stringMatching(new RegExp(`^${api}EncryptionKey`))));
      for (const key of Object.values(keys) as any[]) {
        expect(key).toMatchObject({ Properties: { EnableKeyRotation: true }, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      }
    });

    test('encrypts every stage\'s access logs and the web ACL\'s logs', () => {
      const groups = template.findResources('AWS::Logs::LogGroup');
      const byApi = (prefix: string) => Object.entries(groups)
        .filter(([id]) => id.startsWith(prefix)).map(([, group]: [string, any]) => group.Properties.KmsKeyId);
      expect(byApi('Rest')).toEqual([keyArn('Rest'), keyArn('Rest'), keyArn('Rest')]);
      expect(byApi('Http')).toEqual([keyArn('Http')]);
      expect(byApi('Ws')).toEqual([keyArn('Ws')]);
    });

    test('lets CloudWatch Logs use it for this account\'s log groups only, and grants go to AWS services only', () => {
      const policy = (Object.values(keys)[0] as any).Properties.KeyPolicy.Statement;
      expect(policy).toEqual(expect.arrayContaining([
        expect.objectContaining({
          Principal: { Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } },
          Action: expect.not.arrayContaining([expect.stringContaining('*')]),
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': expect.anything() } },
        }),
        expect.objectContaining({ Effect: 'Deny', Action: 'kms:CreateGrant', Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } } }),
      ]));
    });

    test('encrypts the WebSocket connections table, whose two integration roles may use it for their action', () => {
      template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyArn('Ws') } });
      const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((p: any) => p.Properties.PolicyDocument.Statement);
      const onKey = statements.filter(s => JSON.stringify(s.Resource) === JSON.stringify(keyArn('Ws'))).map(s => s.Action);
      expect(onKey).toEqual(expect.arrayContaining([['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey'], 'kms:Decrypt']));
    });
  });

  test('no key is made when the API keeps nothing to encrypt', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Rest', { routes: route, stages: [{ accessLogging: false }], policyValidation: false });
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1); // the stack's alarm topic key
  });

  test('key(key) encrypts with yours: no key is made, and a key of this stack lets CloudWatch Logs use it (one statement, however many APIs share it)', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Mine');
    new GatewayApi(stack, 'Rest', { routes: route, encryption: ApiEncryption.key(key) });
    new GatewayApi(stack, 'Rest2', { routes: route, encryption: ApiEncryption.key(key) });
    const imported = kms.Key.fromKeyArn(stack, 'Theirs', 'arn:aws:kms:eu-west-1:111111111111:key/abc');
    new GatewayHttpApi(stack, 'Http', { encryption: ApiEncryption.key(imported), routes: { 'GET /x': { integration: HttpIntegration.url('https://example.com') } } });
    const template = Template.fromStack(stack);
    expect(Object.keys(template.findResources('AWS::KMS::Key')).filter(id => /EncryptionKey/.test(id))).toEqual([]);
    const mineId = stack.getLogicalId(key.node.defaultChild as kms.CfnKey);
    const mine = { 'Fn::GetAtt': [mineId, 'Arn'] };
    expect(keyOf(template, 'AWS::Logs::LogGroup')).toEqual([mine, mine, 'arn:aws:kms:eu-west-1:111111111111:key/abc']);
    const statements = template.findResources('AWS::KMS::Key')[mineId].Properties.KeyPolicy.Statement;
    expect(statements.filter((s: any) => s.Condition?.ArnLike?.['kms:EncryptionContext:aws:logs:arn'])).toHaveLength(1);
  });

  test('awsOwnedKeys() leaves encryption to CloudWatch Logs and DynamoDB: no key, logs without KmsKeyId, the table under AWS\'s key', () => {
    const stack = newStack();
    new GatewayApi(stack, 'Rest', { routes: route, encryption: ApiEncryption.awsOwnedKeys() });
    new GatewayWebSocketApi(stack, 'Ws', {
      encryption: ApiEncryption.awsOwnedKeys(), connectionsTable: {}, routes: { $default: { integration: WebSocketIntegration.url('https://example.com') } },
    });
    const template = Template.fromStack(stack);
    expect(keyOf(template, 'AWS::Logs::LogGroup')).toEqual([undefined, undefined]);
    template.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, KMSMasterKeyId: Match.absent() } });
  });

  test.each([Compliance.NIST_800_53_R5, Compliance.PCI_DSS_321, Compliance.HIPAA_SECURITY])('%s refuses awsOwnedKeys(), naming the prop and the standard', compliance => {
    const build = (stack: Stack) => new GatewayHttpApi(stack, 'Http', { compliance, encryption: ApiEncryption.awsOwnedKeys() });
    expect(() => build(newStack())).toThrow(
      `[Test/Http] encryption: "ApiEncryption.awsOwnedKeys()" is not allowed. Allowed: ApiEncryption.dedicatedKey() or ApiEncryption.key(key): compliance: Compliance.${compliance} asks for logs encrypted with a customer-managed KMS key`,
    );
  });
});
