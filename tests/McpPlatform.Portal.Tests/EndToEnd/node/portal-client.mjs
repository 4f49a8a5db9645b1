// Drives the portal with the official TypeScript SDK client over Streamable HTTP: runs the steps it is given, in
// order, and prints one JSON document with what each step saw for the C# test to assert. A step that fails records
// its error message instead of stopping the run, so a test can assert on refusals.
// Usage: MCP_SDK_DIR=<eng/node/node_modules/@modelcontextprotocol/sdk> [MCP_TOKEN=...] node portal-client.mjs <mcp-url> '<steps json>'
// Steps: {"op":"list"} | {"op":"call","name":"...","arguments":{...}}
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [url, stepsJson] = process.argv.slice(2);
const sdk = process.env.MCP_SDK_DIR;
if (!url || !stepsJson || !sdk) {
  console.error("usage: MCP_SDK_DIR=... [MCP_TOKEN=...] node portal-client.mjs <mcp-url> '<steps json>'");
  process.exit(2);
}

// Imported by absolute file URL: this script does not live beside eng/node/node_modules.
const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

const headers = process.env.MCP_TOKEN ? { Authorization: `Bearer ${process.env.MCP_TOKEN}` } : {};
const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
const client = new Client({ name: "mcp-platform-portal-e2e", version: "1.0.0" });
await client.connect(transport);

const steps = [];
for (const step of JSON.parse(stepsJson)) {
  try {
    switch (step.op) {
      case "list": {
        const tools = [];
        let cursor;
        do {
          const page = await client.listTools(cursor ? { cursor } : {});
          tools.push(...page.tools);
          cursor = page.nextCursor;
        } while (cursor);
        steps.push({ op: "list", tools });
        break;
      }
      case "call": {
        const result = await client.callTool({ name: step.name, arguments: step.arguments ?? {} });
        steps.push({ op: "call", name: step.name, result });
        break;
      }
      default:
        throw new Error(`unknown step ${step.op}`);
    }
  } catch (error) {
    steps.push({ op: step.op, name: step.name, error: { message: String(error.message), code: error.code ?? null } });
  }
}

const server = client.getServerVersion();
await transport.terminateSession().catch(() => {});
await client.close();
console.log(JSON.stringify({ server, steps }));
