/**
 * OAuth for the generated client over Streamable HTTP (yours: created once,
 * never overwritten; adapt storage and the browser step to your app).
 *
 * The SDK's transport does the protocol work: Protected Resource Metadata and
 * authorization-server discovery, dynamic client registration, PKCE, token
 * refresh, and on a 403 `insufficient_scope` a step-up request for the union
 * of the scopes. What it leaves to the application is the redirect: it calls
 * `redirectToAuthorization(url)` and throws `UnauthorizedError`; the app
 * gets the code from the redirect, calls `transport.finishAuth(code)`, and
 * connects again on a NEW transport. `connectWithOAuth` and `withStepUp` do
 * that dance.
 */
import {
  UnauthorizedError,
  type OAuthClientInformationMixed,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type OAuthTokens,
} from '@modelcontextprotocol/client';
import { httpTransport } from './generated/connect.js';
import { __CLIENT__, type ClientSettings } from './generated/client.js';

export interface OAuthOptions {
  /** Where the authorization server sends the browser back (a local callback URL, say). */
  redirectUrl: string;
  /** Registered with dynamic client registration. */
  clientMetadata?: Partial<OAuthClientMetadata>;
  /**
   * Takes the user to `url` (open a browser) and resolves with the `code`
   * parameter of the redirect to `redirectUrl`.
   */
  authorize(url: URL): Promise<string>;
}

/** Keeps client registration, tokens and the PKCE verifier in memory (persist them in a real app). */
export class InMemoryOAuthProvider implements OAuthClientProvider {
  private client: OAuthClientInformationMixed | undefined;
  private stored: OAuthTokens | undefined;
  private verifier = '';
  private discovery: OAuthDiscoveryState | undefined;
  /** The code of the authorization started last, once the user came back. */
  pendingCode: Promise<string> | undefined;

  constructor(private readonly options: OAuthOptions) {}

  get redirectUrl(): string {
    return this.options.redirectUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: '__CLIENT__',
      redirect_uris: [this.options.redirectUrl],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      ...this.options.clientMetadata,
    };
  }

  clientInformation(): OAuthClientInformationMixed | undefined {
    return this.client;
  }

  saveClientInformation(info: OAuthClientInformationMixed): void {
    this.client = info;
  }

  tokens(): OAuthTokens | undefined {
    return this.stored;
  }

  saveTokens(tokens: OAuthTokens): void {
    this.stored = tokens;
  }

  redirectToAuthorization(url: URL): void {
    this.pendingCode = this.options.authorize(url);
    // Never an unhandled rejection: the caller awaits it after UnauthorizedError.
    this.pendingCode.catch(() => undefined);
  }

  saveCodeVerifier(verifier: string): void {
    this.verifier = verifier;
  }

  codeVerifier(): string {
    return this.verifier;
  }

  // Lets the SDK check that the code comes back from the authorization server it was sent to.
  saveDiscoveryState(state: OAuthDiscoveryState): void {
    this.discovery = state;
  }

  discoveryState(): OAuthDiscoveryState | undefined {
    return this.discovery;
  }
}

/** Connects, running the authorization-code flow as often as the server asks (bounded). */
export async function connectWithOAuth(
  url: string | URL,
  provider: InMemoryOAuthProvider,
  settings: ClientSettings = {},
  maxRounds = 3,
): Promise<__CLIENT__> {
  for (let round = 0; ; round++) {
    const transport = httpTransport({ url, authProvider: provider });
    try {
      return await __CLIENT__.connect(transport, settings);
    } catch (err) {
      if (!(err instanceof UnauthorizedError) || !provider.pendingCode || round + 1 >= maxRounds)
        throw err;
      const code = await provider.pendingCode;
      provider.pendingCode = undefined;
      await transport.finishAuth(code);
      // The SDK requires a fresh transport after finishAuth: loop and connect again.
    }
  }
}

/**
 * Runs `call` on a connected client; when it fails because authorization is
 * needed mid-session (a first authorization, a step-up to a wider scope after
 * 403 `insufficient_scope`, an expired grant), finishes the authorization,
 * reconnects on a new transport and runs it again (bounded: each round may
 * widen the scope once more).
 */
export async function withStepUp<T>(
  client: __CLIENT__,
  url: string | URL,
  provider: InMemoryOAuthProvider,
  call: (client: __CLIENT__) => Promise<T>,
  settings: ClientSettings = {},
  maxRounds = 3,
): Promise<{ client: __CLIENT__; value: T }> {
  for (let round = 0; ; round++) {
    try {
      return { client, value: await call(client) };
    } catch (err) {
      if (!(err instanceof UnauthorizedError) || !provider.pendingCode || round + 1 >= maxRounds)
        throw err;
      const code = await provider.pendingCode;
      provider.pendingCode = undefined;
      const transport = httpTransport({ url, authProvider: provider });
      await transport.finishAuth(code);
      await client.close().catch(() => undefined);
      client = await __CLIENT__.connect(transport, settings);
    }
  }
}
