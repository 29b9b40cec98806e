/**
 * Bearer-token check for the HTTP transport (yours: created once, never
 * overwritten). This example accepts one shared secret from the environment
 * (MCP_BEARER_TOKEN) and grants every scope; with no secret set it refuses
 * every request. For tokens from an OAuth authorization server, verify their
 * signature, expiry and audience here instead, and return the token's own
 * subject: sessions belong to the principal that opened them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Principal } from './generated/http.js';

const SCOPES = ['notes:read'];

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

export async function verifyToken(token: string): Promise<Principal | undefined> {
  const expected = process.env.MCP_BEARER_TOKEN;
  if (!expected) return undefined;
  // Compare digests in constant time, so response times do not reveal the secret.
  return timingSafeEqual(digest(token), digest(expected)) ? { subject: 'shared-token', scopes: SCOPES } : undefined;
}
