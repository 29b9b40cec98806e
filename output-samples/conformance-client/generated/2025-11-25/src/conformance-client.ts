/**
 * The client the official conformance suite runs (hand-written on the
 * generated client): `node dist/conformance-client.js <server URL>`, with the
 * scenario in MCP_CONFORMANCE_SCENARIO. It connects with the OAuth flow of
 * src/oauth-example.ts (discovery, registration, PKCE, step-up: the SDK's;
 * the redirect and reconnect: ours) and calls the scenario's tool through
 * the typed methods, without a tools/list round trip.
 */
import { ConformanceScenariosClient } from './generated/client.js';
import { connectWithOAuth, InMemoryOAuthProvider, withStepUp } from './oauth-example.js';

const url = process.argv[process.argv.length - 1]!;
const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';

/** The suite's authorization server approves at once: the code is in the redirect's Location. */
async function authorize(authorizationUrl: URL): Promise<string> {
  const response = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = response.headers.get('location');
  const code = location ? new URL(location).searchParams.get('code') : null;
  if (!code) throw new Error(`The authorization server answered ${response.status} without a code.`);
  return code;
}

const provider = new InMemoryOAuthProvider({ redirectUrl: 'http://localhost:3000/callback', authorize });
// The sse-retry server answers 2025-03-26 whatever the client offers; every
// other scenario negotiates the manifest's 2025-11-25.
const settings = scenario === 'sse-retry' ? { alsoAcceptRevisions: ['2025-03-26'] } : {};
let client: ConformanceScenariosClient = await connectWithOAuth(url, provider, settings);
try {
  if (scenario === 'sse-retry') {
    await client.testReconnection({});
  } else if (scenario === 'tools_call') {
    const result = await client.addNumbers({ a: 2, b: 3 });
    console.log(JSON.stringify(result.content));
  } else if (scenario.startsWith('auth/')) {
    ({ client } = await withStepUp(client, url, provider, (c) => c.testTool({}), settings));
  }
} finally {
  await client.close();
}
