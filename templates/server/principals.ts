/**
 * Who is calling: the bearer-token gate of the HTTP transport. The user's
 * hook (src/auth.ts) turns a token into a principal; the SDK's
 * `verifyBearerToken` parses the header, enforces the manifest's
 * `requiredScopes`, the token's expiry and (when the hook reports it) its
 * audience; this module maps the outcome to the RFC 6750 / RFC 9728 answer.
 */
import {
  buildOAuthProtectedResourceMetadata,
  getOAuthProtectedResourceMetadataUrl,
  OAuthError,
  OAuthErrorCode,
  verifyBearerToken,
  type AuthInfo,
  type OAuthMetadata,
} from '@modelcontextprotocol/server';

/** What the token hook returns for a valid token. */
export interface Principal {
  /** Identifies the principal (user or client): sessions belong to it, limits count per it. */
  subject: string;
  /** Scopes granted to the token. */
  scopes: string[];
  /** Expiry in seconds since the epoch; a token past it is refused, even inside a live session. */
  expiresAt?: number;
  /** The token's audience (RFC 8707 resource), when known: it must then equal the public URL. */
  resource?: string;
}

/** The user's token check (src/auth.ts): the principal, or undefined to refuse the token (401). */
export type VerifyToken = (token: string) => Promise<Principal | undefined>;

export interface AuthConfig {
  /** The protected resource: the public URL of `/mcp` (manifest `auth.resource`, or MCP_PUBLIC_URL). */
  resource: string;
  authorizationServers: string[];
  scopes: string[];
  /** Scopes every request needs. */
  requiredScopes: string[];
  verifyToken: VerifyToken;
}

/** A refusal to send as is: status, headers, JSON body. */
export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface Gate {
  /** The protected-resource document (RFC 9728). */
  metadata: Record<string, unknown>;
  /** Its URL, advertised in every challenge. */
  metadataUrl: string;
  /** Paths below the origin that serve the document. */
  metadataPaths: Set<string>;
  /** The verified token, or the refusal to send. */
  authenticate(
    authorization: string | undefined,
  ): Promise<{ authInfo: AuthInfo; subject: string } | Refusal>;
}

export function createGate(config: AuthConfig, mcpPath: string): Gate {
  const resourceUrl = new URL(config.resource);
  const [firstIssuer] = config.authorizationServers;
  // The SDK builds the document from one issuer (and checks it is https outside
  // localhost); RFC 9728 allows several, so the full list replaces its one.
  const metadata = {
    ...buildOAuthProtectedResourceMetadata({
      oauthMetadata: { issuer: firstIssuer ?? config.resource } as OAuthMetadata,
      resourceServerUrl: resourceUrl,
      scopesSupported: config.scopes,
    }),
    // The configured string, not URL.href (which would append a slash to a bare origin).
    resource: config.resource,
    authorization_servers: config.authorizationServers,
    bearer_methods_supported: ['header'],
  };
  const metadataUrl = getOAuthProtectedResourceMetadataUrl(resourceUrl);
  const base = '/.well-known/oauth-protected-resource';
  const metadataPaths = new Set([base, `${base}${mcpPath}`, new URL(metadataUrl).pathname]);
  // The scopes a client should ask for up front (MCP "scope selection"): those
  // every request needs, else every scope the server knows.
  const requestScopes = config.requiredScopes.length ? config.requiredScopes : config.scopes;
  const scopeParam = requestScopes.length ? `, scope="${quoted(requestScopes.join(' '))}"` : '';

  return {
    metadata,
    metadataUrl,
    metadataPaths,
    async authenticate(authorization) {
      const presented = authorization !== undefined && authorization.trim() !== '';
      if (!presented) {
        // RFC 6750 §3.1: without credentials the challenge carries no error
        // code. The SDK's bearerAuthChallengeResponse always adds
        // error="invalid_token", so this one is built here.
        return {
          status: 401,
          headers: {
            'WWW-Authenticate': `Bearer resource_metadata="${quoted(metadataUrl)}"${scopeParam}`,
          },
          body: { error: 'unauthorized', error_description: 'A bearer token is required.' },
        };
      }
      let subject = '';
      try {
        const authInfo = await verifyBearerToken(authorization, {
          verifier: {
            async verifyAccessToken(token) {
              const principal = await config.verifyToken(token);
              if (!principal || typeof principal.subject !== 'string' || principal.subject === '') {
                throw new OAuthError(OAuthErrorCode.InvalidToken, 'The token is not valid.');
              }
              subject = principal.subject;
              return {
                token,
                clientId: principal.subject,
                scopes: [...principal.scopes],
                // The SDK refuses tokens without an expiry; the hook's is optional
                // (it checks the token on every request anyway), so none means "no expiry".
                expiresAt: principal.expiresAt ?? Number.POSITIVE_INFINITY,
                // The audience is compared only when the hook reports one.
                resource:
                  principal.resource !== undefined ? new URL(principal.resource) : resourceUrl,
                extra: { subject: principal.subject },
              };
            },
          },
          requiredScopes: config.requiredScopes,
          resourceMetadataUrl: metadataUrl,
          expectedResource: resourceUrl,
        });
        return { authInfo, subject };
      } catch (err) {
        return refusal(err, metadataUrl, config.requiredScopes, scopeParam);
      }
    },
  };
}

function refusal(
  err: unknown,
  metadataUrl: string,
  requiredScopes: string[],
  scopeParam: string,
): Refusal {
  if (err instanceof OAuthError && err.code === OAuthErrorCode.InsufficientScope) {
    return {
      status: 403,
      headers: {
        'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${quoted(requiredScopes.join(' '))}", resource_metadata="${quoted(metadataUrl)}"`,
      },
      body: {
        error: 'insufficient_scope',
        error_description: `Requires scope: ${requiredScopes.join(' ')}`,
      },
    };
  }
  if (!(err instanceof OAuthError)) {
    // A bug in the hook: logged here, never echoed to the client.
    console.error('[mcp] token verification failed:', err);
  }
  const description = err instanceof OAuthError ? err.message : 'The token is not valid.';
  return {
    status: 401,
    headers: {
      'WWW-Authenticate': `Bearer error="invalid_token", error_description="${quoted(description)}"${scopeParam}, resource_metadata="${quoted(metadataUrl)}"`,
    },
    body: { error: 'invalid_token', error_description: description },
  };
}

/** An RFC 7230 quoted-string body: backslash and quote escaped, controls dropped. */
function quoted(value: string): string {
  return value.replace(/[\\"]/g, '\\$&').replace(/[^\x20-\x7e]/g, ' ');
}
