/**
 * Bearer-token verification for the HTTP transport (yours: created once,
 * never overwritten). For a valid token issued for this server (check
 * signature, expiry and audience), return who it belongs to: `subject`
 * (the user or client: sessions belong to it, limits count per it), its
 * `scopes` and, if known, `expiresAt` (seconds since the epoch) and
 * `resource` (its audience). Return undefined to answer 401.
 */
import type { Principal } from './generated/http.js';

export async function verifyToken(_token: string): Promise<Principal | undefined> {
  // Not implemented: every request is refused until you verify tokens here.
  return undefined;
}
