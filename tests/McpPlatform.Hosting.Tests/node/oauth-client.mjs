// The official TypeScript SDK client's own OAuth support against a server whose embedded development authorization
// server it discovers from the 401: dynamic client registration, PKCE, the authorization code, refresh, and scope step-up
// through a 403. This script plays the browser: it opens the authorization URL the SDK hands to redirectToAuthorization,
// submits the consent form over HTTP (keeping the antiforgery cookie) and reads the code from the redirect.
// Usage: MCP_SDK_DIR=<.../@modelcontextprotocol/sdk> node oauth-client.mjs <mcp-url> <group> <read-tool> <write-tool> <write-args-json>
// With CLIENT_METADATA_URL set, the provider offers that https URL as its client_id (a Client ID Metadata Document the
// server fetches) instead of registering dynamically; the SDK uses it only when the server's metadata advertises support.
// Prints one JSON document with what it saw, for the C# test to assert.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, group, readTool, writeTool, writeArgs] = process.argv.slice(2);
const sdk = process.env.MCP_SDK_DIR;
if (!url || !sdk || !writeTool) {
  console.error("usage: MCP_SDK_DIR=... node oauth-client.mjs <mcp-url> <group> <read-tool> <write-tool> <write-args-json>");
  process.exit(2);
}

const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");
const { UnauthorizedError } = await load("client/auth.js");

// Never contacted: the "browser" below reads the code from the Location header of the consent answer.
const redirectUrl = "http://127.0.0.1:9/callback";
const seen = { authorizationUrls: [], tokenGrants: [], challenges: [], consentPages: 0 };

class MemoryProvider {
  constructor() { this.store = {}; }
  get redirectUrl() { return redirectUrl; }
  get clientMetadataUrl() { return process.env.CLIENT_METADATA_URL || undefined; }
  get clientMetadata() {
    return {
      client_name: "mcp-platform OAuth test",
      redirect_uris: [redirectUrl],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation() { return this.store.client; }
  saveClientInformation(client) { this.store.client = client; }
  tokens() { return this.store.tokens; }
  saveTokens(tokens) { this.store.tokens = tokens; }
  saveCodeVerifier(verifier) { this.store.verifier = verifier; }
  codeVerifier() { return this.store.verifier; }
  redirectToAuthorization(authorizationUrl) {
    this.pending = authorizationUrl;
    seen.authorizationUrls.push(authorizationUrl.href);
  }
}

const provider = new MemoryProvider();

// The client's fetch, watched: token grants and step-up challenges. On a 403 insufficient_scope the stored refresh
// token is forgotten, because SDK 1.32.2 tries a refresh first when it steps up, and a refresh cannot widen the scope
// (RFC 6749 section 6); without one the SDK goes to the authorization endpoint with the scope the 403 named.
async function watchedFetch(input, init) {
  const target = String(input instanceof Request ? input.url : input);
  if (init?.method === "POST" && target.endsWith("/oauth/token")) {
    seen.tokenGrants.push(new URLSearchParams(String(init.body)).get("grant_type"));
  }
  const response = await fetch(input, init);
  if (response.status === 403) {
    const challenge = response.headers.get("www-authenticate") ?? "";
    seen.challenges.push(challenge);
    if (challenge.includes("insufficient_scope") && provider.store.tokens) {
      provider.store.tokens = { ...provider.store.tokens, refresh_token: undefined };
    }
  }
  return response;
}

function newTransport() {
  return new StreamableHTTPClientTransport(new URL(url), { authProvider: provider, fetch: watchedFetch });
}

// The browser: GET the authorization URL (the consent page), POST the form back with a user, a group and every
// requested scope, and return the code from the redirect to the client.
async function playBrowser(authorizationUrl) {
  const page = await fetch(authorizationUrl, { redirect: "manual" });
  if (page.status !== 200) {
    throw new Error(`consent page answered ${page.status}: ${await page.text()}`);
  }
  seen.consentPages++;
  const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    form.append(decode(name), decode(value));
  }
  for (const [, scope] of html.matchAll(/<input type="checkbox" name="grant_scope" checked value="([^"]*)">/g)) {
    form.append("grant_scope", decode(scope));
  }
  form.append("subject", "ada");
  form.append("name", "Ada Developer");
  form.append("other_groups", group);
  form.append("decision", "approve");
  const answer = await fetch(new URL(authorizationUrl).origin + new URL(authorizationUrl).pathname, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: form,
  });
  const location = answer.headers.get("location");
  if (answer.status !== 302 || !location?.startsWith(redirectUrl)) {
    throw new Error(`consent answered ${answer.status} to ${location}: ${await answer.text()}`);
  }
  return new URL(location).searchParams.get("code");
}

function decode(text) {
  return text.replace(/&#x([0-9A-Fa-f]+);/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

// Connects, signing in when the server asks: returns a connected client.
async function connect() {
  const client = new Client({ name: "mcp-platform-oauth-test", version: "1.0.0" });
  const transport = newTransport();
  try {
    await client.connect(transport);
    return client;
  } catch (error) {
    if (!(error instanceof UnauthorizedError)) throw error;
  }
  await transport.finishAuth(await playBrowser(provider.pending));
  const signedIn = new Client({ name: "mcp-platform-oauth-test", version: "1.0.0" });
  await signedIn.connect(newTransport());
  return signedIn;
}

let client = await connect();
const registeredClientId = provider.store.client?.client_id ?? null;
const firstScope = provider.store.tokens?.scope ?? null;
const tools = (await client.listTools()).tools.map((t) => t.name);
const read = await client.callTool({ name: readTool, arguments: {} });

// Refresh: the access token goes bad; the 401 makes the SDK use its refresh token, and the call goes through.
const beforeRefresh = provider.store.tokens.access_token;
provider.store.tokens = { ...provider.store.tokens, access_token: "not-a-token" };
const afterRefreshTools = (await client.listTools()).tools.length;
const refreshed = provider.store.tokens.access_token !== beforeRefresh && provider.store.tokens.access_token !== "not-a-token";

// Step-up: the write tool needs a scope the token lacks: 403 insufficient_scope, the SDK re-authorizes with that scope.
let stepUp = { threw: false };
try {
  await client.callTool({ name: writeTool, arguments: JSON.parse(writeArgs) });
} catch (error) {
  stepUp = { threw: true, unauthorized: error instanceof UnauthorizedError, message: String(error.message) };
}
let written = null;
if (stepUp.unauthorized) {
  const transport = newTransport();
  await transport.finishAuth(await playBrowser(provider.pending));
  await client.close();
  client = new Client({ name: "mcp-platform-oauth-test", version: "1.0.0" });
  await client.connect(newTransport());
  written = await client.callTool({ name: writeTool, arguments: JSON.parse(writeArgs) });
}

console.log(JSON.stringify({
  registeredClientId,
  firstScope,
  tools,
  read,
  refreshed,
  afterRefreshTools,
  stepUp,
  steppedUpScope: provider.store.tokens?.scope ?? null,
  written,
  ...seen,
}));
await client.close();
