/**
 * Bearer-token verification for the HTTP transport (yours: created once,
 * never overwritten). Return the token's scopes when it is valid for this
 * resource (check signature, expiry and audience), or undefined to answer 401.
 */
export async function verifyToken(_token: string): Promise<{ scopes: string[] } | undefined> {
  // Not implemented: every request is refused until you verify tokens here.
  return undefined;
}
