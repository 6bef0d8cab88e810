import { KeyObject, createPublicKey, createSign, createVerify, generateKeyPairSync, randomUUID } from 'crypto';

/** A token's claims, once its signature, issuer and lifetime are verified. */
export type Claims = { readonly [claim: string]: unknown };

/** Why a token was refused: API Gateway answers 401 with the message. */
export interface TokenRefusal {
  readonly refused: string;
}

/** An RSA key pair that signs tokens, with the public half as a JWK. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: { readonly [key: string]: unknown };
}

/** A fresh RS256 signing key (2048 bits), made when a test first asks the gateway for a token. */
export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return { kid, privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

/** A compact RS256 JWT of the claims. */
export function signToken(claims: Claims, key: SigningKey): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ kid: key.kid, alg: 'RS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key.privateKey).toString('base64url')}`;
}

/**
 * A compact JWT's claims when one of the keys signed it (RS256, by its `kid` when the token
 * names one), an accepted issuer issued it, and it is within its lifetime at `nowMs`.
 */
export function verifyToken(
  token: string, keys: ReadonlyArray<{ readonly [key: string]: unknown }>, issuers: readonly string[], nowMs: number,
): Claims | TokenRefusal {
  const parts = token.replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return { refused: 'Unauthorized' };
  let headerJson: { kid?: string; alg?: string };
  let claims: { [claim: string]: unknown };
  try {
    headerJson = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { refused: 'Unauthorized' };
  }
  if (headerJson.alg !== 'RS256' || claims === null || typeof claims !== 'object') return { refused: 'Unauthorized' };
  const candidates = keys.filter(key => headerJson.kid === undefined || key.kid === undefined || key.kid === headerJson.kid);
  const signed = candidates.some(jwk => {
    try {
      return createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`).verify(publicKeyOf(jwk), Buffer.from(parts[2], 'base64url'));
    } catch {
      return false;
    }
  });
  if (!signed || !issuers.includes(String(claims.iss))) return { refused: 'Unauthorized' };
  const now = nowMs / 1000;
  if (typeof claims.exp === 'number' && claims.exp <= now) return { refused: 'The incoming token has expired' };
  if (typeof claims.nbf === 'number' && claims.nbf > now) return { refused: 'Unauthorized' };
  return claims;
}

function publicKeyOf(jwk: { readonly [key: string]: unknown }): KeyObject {
  return createPublicKey({ key: jwk as any, format: 'jwk' });
}
