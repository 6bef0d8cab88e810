import { createHash, createHmac } from 'crypto';

/** The parts of a request Signature Version 4 covers. */
export interface SignedRequest {
  readonly method: string;
  /** The path as the client sent it. */
  readonly path: string;
  readonly query: { readonly [name: string]: string };
  readonly headers: { readonly [name: string]: string };
  readonly body: string;
}

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

/** RFC 3986 encoding, as SigV4 wants it: everything but unreserved characters percent-encoded. */
function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export const sha256 = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** The canonical request of SigV4: method, path, sorted query, the signed headers and the body's hash. */
export function canonicalRequest(request: SignedRequest, signedHeaders: readonly string[], service?: string): string {
  // Services other than S3 encode the path as sent (itself URL-encoded) once more; S3 signs it as sent.
  const path = service === 's3' ? request.path || '/' : request.path.split('/').map(uriEncode).join('/') || '/';
  const query = Object.entries(request.query).map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join('&');
  const headers = signedHeaders.map(name => `${name}:${(headerValue(request.headers, name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const payload = headerValue(request.headers, 'x-amz-content-sha256') ?? sha256(request.body);
  return [request.method, path, query, headers, signedHeaders.join(';'), payload].join('\n');
}

/** The signature of a canonical request with a secret key, for a credential scope `DATE/REGION/SERVICE/aws4_request`. */
export function signature(canonical: string, amzDate: string, scope: string, secretAccessKey: string): string {
  const [date, region, service] = scope.split('/');
  const stringToSign = [SIGV4_ALGORITHM, amzDate, scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex');
}


/** A header's value, whatever the case of its name. */
export function headerValue(headers: { readonly [name: string]: string }, name: string): string | undefined {
  const key = Object.keys(headers).find(h => h.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

/** The `Authorization` and `X-Amz-Date` headers of a request signed for a service and region at a time (SDKs' way, with the host and date signed). */
export function signRequest(
  request: SignedRequest, credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }, service: string, region: string, at: Date,
): { [name: string]: string } {
  const amzDate = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const headers = { ...request.headers, 'X-Amz-Date': amzDate };
  const signed = [...new Set(['host', 'x-amz-date', ...Object.keys(request.headers).map(h => h.toLowerCase())])].sort();
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const value = signature(canonicalRequest({ ...request, headers }, signed, service), amzDate, scope, credentials.secretAccessKey);
  return {
    ...headers,
    Authorization: `${SIGV4_ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${value}`,
  };
}
