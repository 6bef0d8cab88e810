import { createHash, createHmac, timingSafeEqual } from 'crypto';
import { GatewayError } from '../gateway/gateway-responses';
import { header } from '../gateway/request-context';

/** An access key the local gateway knows: its secret and the principal it belongs to. */
export interface SigningCredential {
  readonly secretAccessKey: string;
  readonly principal: string;
}

/** The parts of a request Signature Version 4 covers. */
export interface SignedRequest {
  readonly method: string;
  /** The path as the client sent it. */
  readonly path: string;
  readonly query: { readonly [name: string]: string };
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';
const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters percent-encoded. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The canonical request of SigV4: method, path, sorted query, the signed headers and the body's hash. */
export function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[]): string {
  // Services other than S3 encode the path as sent (itself URL-encoded) once more.
  const path = request.path.split('/').map(uriEncode).join('/') || '/';
  const query = Object.entries(request.query).map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = signedHeaders.map(name => `${name}:${(header(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = header(request.headers, 'x-amz-content-sha256') ?? sha256(request.body);
  return [request.method, path, query, headers, signedHeaders.join(';'), payload].join('\n');
}

/** The signature of a canonical request with a secret key, for a credential scope `DATE/REGION/SERVICE/aws4_request`. */
export function signature(canonical: string, amzDate: string, scope: string, secretAccessKey: string): string {
  const [date, region, service] = scope.split('/');
  const stringToSign = [ALGORITHM, amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}

/**
 * The principal of a request signed with Signature Version 4 by one of the credentials the
 * gateway knows, or API Gateway's refusal: an unsigned request is 403 Missing Authentication
 * Token, an unknown key or a signature that does not match is 403 with IAM's messages, and a
 * signature older (or newer) than 15 minutes has expired.
 */
export function verifySignature(
  request: SignedRequest, credentials: { readonly [accessKeyId: string]: SigningCredential }, nowMs: number,
): string | GatewayError {
  const authorization = header(request.headers, 'Authorization');
  if (authorization === undefined || !authorization.startsWith(`${ALGORITHM} `)) {
    return { type: 'MISSING_AUTHENTICATION_TOKEN', message: 'Missing Authentication Token' };
  }
  const fields = Object.fromEntries(authorization.slice(ALGORITHM.length).split(',').map(part => {
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
  if (Math.abs(nowMs - when) > FIFTEEN_MINUTES_MS) return { type: 'INVALID_SIGNATURE', message: 'Signature expired: the request was signed more than 15 minutes from now.' };
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
