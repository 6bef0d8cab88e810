import { timingSafeEqual } from 'crypto';
import { SIGV4_ALGORITHM, SignedRequest, canonicalRequest, signature } from '../aws/sigv4';
import { GatewayError } from '../gateway/gateway-responses';
import { header } from '../gateway/request-context';

/** An access key the local gateway knows: its secret and the principal it belongs to. */
export interface SigningCredential {
  readonly secretAccessKey: string;
  readonly principal: string;
}

/** How far a signature's time may be from the gateway's: five minutes either way. */
const SKEW_MS = 5 * 60 * 1000;

/**
 * The principal of a request signed with Signature Version 4 by one of the credentials the
 * gateway knows, or API Gateway's refusal: an unsigned request is 403 Missing Authentication
 * Token, an unknown key or a signature that does not match is 403 with IAM's messages, and a
 * signature more than 5 minutes older (or newer) than the gateway's clock has expired.
 */
export function verifySignature(
  request: SignedRequest, credentials: { readonly [accessKeyId: string]: SigningCredential }, nowMs: number,
): string | GatewayError {
  const authorization = header(request.headers, 'Authorization');
  if (authorization === undefined || !authorization.startsWith(`${SIGV4_ALGORITHM} `)) {
    return { type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' };
  }
  const fields = Object.fromEntries(authorization.slice(SIGV4_ALGORITHM.length).split(',').map(part => {
    const [name, ...value] = part.trim().split('=');
    return [name, value.join('=')];
  }));
  const [accessKeyId, ...scopeParts] = String(fields.Credential ?? '').split('/');
  const amzDate = header(request.headers, 'X-Amz-Date') ?? '';
  const signedHeaders = String(fields.SignedHeaders ?? '').split(';').filter(h => h !== '');
  const credential = credentials[accessKeyId];
  if (!credential) return { type: 'INVALID_SIGNATURE', message: 'The security token included in the request is invalid.' };
  const when = Date.parse(amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (scopeParts.length !== 4 || !signedHeaders.includes('host') || Number.isNaN(when)) {
    return { type: 'INVALID_SIGNATURE', message: 'Authorization header requires \'Credential\', \'Signature\', \'SignedHeaders\' and a signed host header.' };
  }
  const stamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  if (nowMs - when > SKEW_MS) {
    return { type: 'INVALID_SIGNATURE', message: `Signature expired: ${amzDate} is now earlier than ${stamp(nowMs - SKEW_MS)} (${stamp(nowMs)} - 5 min.)` };
  }
  if (when - nowMs > SKEW_MS) {
    return { type: 'INVALID_SIGNATURE', message: `Signature not yet current: ${amzDate} is still later than ${stamp(nowMs + SKEW_MS)} (${stamp(nowMs)} + 5 min.)` };
  }
  const expected = signature(canonicalRequest(request, signedHeaders), amzDate, scopeParts.join('/'), credential.secretAccessKey);
  const given = String(fields.Signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return {
      type: 'INVALID_SIGNATURE',
      message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. '
        + 'Consult the service documentation for details.',
    };
  }
  return credential.principal;
}
