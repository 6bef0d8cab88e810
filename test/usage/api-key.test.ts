import { RemovalPolicy, aws_secretsmanager as secretsmanager } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ApiKey, ApiKeyProps } from '../../src';
import { newStack } from '../util';

describe('API keys', () => {
  test('a given value, a name and a customer id', () => {
    const stack = newStack();
    new ApiKey(stack, 'Key', { apiKeyName: 'acme', value: 'a'.repeat(20), customerId: 'acme-corp', enabled: false });
    Template.fromStack(stack).hasResourceProperties('AWS::ApiGateway::ApiKey', {
      Name: 'acme', Value: 'a'.repeat(20), CustomerId: 'acme-corp', Enabled: false,
    });
  });

  test('a value from Secrets Manager stays out of the template: a dynamic reference, whole or one JSON field', () => {
    const stack = newStack();
    const secret = secretsmanager.Secret.fromSecretNameV2(stack, 'Secret', 'api/acme');
    new ApiKey(stack, 'Whole', { secret });
    new ApiKey(stack, 'Field', { secret, secretField: 'key' });
    const values = Object.values(Template.fromStack(stack).findResources('AWS::ApiGateway::ApiKey')).map(r => JSON.stringify(r.Properties.Value));
    expect(values).toEqual([
      expect.stringMatching(/\{\{resolve:secretsmanager:.*api\/acme:SecretString:::\}\}/),
      expect.stringMatching(/\{\{resolve:secretsmanager:.*api\/acme:SecretString:key::\}\}/),
    ]);
  });

  test('retained unless told otherwise', () => {
    const stack = newStack();
    new ApiKey(stack, 'Key', { removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::ApiGateway::ApiKey', { DeletionPolicy: 'Delete' });
  });

  test.each([
    ['a short value', { value: 'short' }, /\[Test\/Key\] value: "\(5 characters\)" is not allowed\. Allowed: 20 to 128 characters/],
    ['a long value', { value: 'x'.repeat(129) }, /value: "\(129 characters\)" is not allowed/],
    ['value and secret', 'both', /value: "\(given with secret\)" is not allowed\. Allowed: either value or secret, not both/],
    ['a field without a secret', { secretField: 'key' }, /secretField: "key" is not allowed\. Allowed: a field only together with secret/],
  ])('refuses %s, without echoing the value', (_, props, message) => {
    const stack = newStack();
    const given: ApiKeyProps = props === 'both' ? { value: 'v'.repeat(30), secret: secretsmanager.Secret.fromSecretNameV2(stack, 'S', 'x') } : props as ApiKeyProps;
    expect(() => new ApiKey(stack, 'Key', given)).toThrow(message);
    expect(() => new ApiKey(stack, 'Again', given)).not.toThrow(/short|xxxxxxxx|vvvvvvvv/);
  });
});
