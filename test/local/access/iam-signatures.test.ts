import { Duration, Validations } from 'aws-cdk-lib';
import { Authorization, GatewayApi, Integration, LocalGateway } from '../../../src';
import { SignedRequest, canonicalRequest, signature } from '../../../src/local/aws/sigv4';
import { newStack } from '../../util';

/** AWS's Signature Version 4 test suite, `get-vanilla` and `get-vanilla-query-order-key-case`: its credentials, date, scope and signatures. */
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const SCOPE = '20150830/us-east-1/service/aws4_request';
const AMZ_DATE = '20150830T123600Z';

describe('Signature Version 4', () => {
  test('signs AWS\'s test-suite requests as the suite expects', () => {
    const headers = { 'Host': 'example.amazonaws.com', 'X-Amz-Date': AMZ_DATE };
    const vanilla = { method: 'GET', path: '/', query: {}, headers, body: '' };
    expect(signature(canonicalRequest(vanilla, ['host', 'x-amz-date']), AMZ_DATE, SCOPE, SECRET))
      .toBe('5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31');
    const ordered = { ...vanilla, query: { Param2: 'value2', Param1: 'value1' } };
    expect(signature(canonicalRequest(ordered, ['host', 'x-amz-date']), AMZ_DATE, SCOPE, SECRET))
      .toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
  });
});

/** A request signed with a key at a time, as an SDK would sign it for execute-api. */
function sign(request: Omit<SignedRequest, 'headers'> & { headers?: { [name: string]: string } }, accessKeyId: string, secret: string, at: Date) {
  const amzDate = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const headers = { ...request.headers, 'Host': 'api.example.com', 'X-Amz-Date': amzDate };
  const scope = `${amzDate.slice(0, 8)}/us-east-1/execute-api/aws4_request`;
  const signed = ['host', 'x-amz-date'];
  const value = signature(canonicalRequest({ ...request, headers }, signed), amzDate, scope, secret);
  return { ...headers, Authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${value}` };
}

describe('an IAM route with credentials', () => {
  const stack = newStack();
  const api = new GatewayApi(stack, 'Api', {
    policyValidation: false,
    defaultAuthorization: Authorization.iam(),
    routes: {
      'POST /reports': {
        integration: Integration.mock({
          integrationResponses: [{ statusCode: '200', responseTemplates: { 'application/json': '{"caller": "$context.identity.userArn"}' } }],
        }),
      },
    },
  });
  Validations.of(api).acknowledge({ id: 'GatewayApi::stage-waf', reason: 'A local gateway test.' });
  const gateway = LocalGateway.fromApi(api, {
    iamCredentials: [{ accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret', principal: 'arn:aws:iam::111122223333:role/reporter' }],
  });
  const request = { method: 'POST', path: '/reports', query: { month: '2026-11' }, body: '{"format": "csv"}' };
  const send = (headers: { [name: string]: string }, body = request.body) => gateway.request('POST /reports?month=2026-11', { headers, body });

  test('admits a request signed by a known key, as its principal', async () => {
    const response = await send(sign(request, 'AKIDLOCAL', 'local-secret', new Date()));
    expect([response.statusCode, response.json().caller]).toEqual([200, 'arn:aws:iam::111122223333:role/reporter']);
  });

  test('refuses an unsigned request, an unknown key, a wrong secret, a changed body and a signature out of time', async () => {
    const message = async (headers: { [name: string]: string }, body?: string) => {
      const response = await send(headers, body);
      return `${response.statusCode} ${response.json().message}`;
    };
    expect(await message({})).toBe('403 Missing Authentication Token');
    expect(await message(sign(request, 'AKIDOTHER', 'local-secret', new Date()))).toBe('403 The security token included in the request is invalid.');
    expect(await message(sign(request, 'AKIDLOCAL', 'wrong', new Date()))).toMatch(/^403 The request signature we calculated does not match/);
    expect(await message(sign(request, 'AKIDLOCAL', 'local-secret', new Date()), '{"format": "pdf"}')).toMatch(/does not match/);
    const old = new Date(Date.now() - Duration.minutes(6).toMilliseconds());
    expect(await message(sign(request, 'AKIDLOCAL', 'local-secret', old))).toMatch(/^403 Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/);
    const early = new Date(Date.now() + Duration.minutes(6).toMilliseconds());
    expect(await message(sign(request, 'AKIDLOCAL', 'local-secret', early))).toMatch(/^403 Signature not yet current: .* \+ 5 min\.\)$/);
  });
});
