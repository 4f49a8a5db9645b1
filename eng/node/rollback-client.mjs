// The official TypeScript SDK client runs an execute with revertible writes, then rolls it back, then looks again:
// execute on EXECUTE_URL (create two cards on BOARD), `rollback` with the execution id from the result's _meta on
// ROLLBACK_URL (the same server, or another replica of it), and list_cards on ROLLBACK_URL afterwards. Prints one
// JSON document with what it saw for the C# test to assert.
// Usage: MCP_TOKEN=... [MCP_ROLLBACK_TOKEN=... (for ROLLBACK_URL when it is another server)] node rollback-client.mjs EXECUTE_URL ROLLBACK_URL BOARD
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const [executeUrl, rollbackUrl, board] = process.argv.slice(2);
if (!executeUrl || !rollbackUrl || !board || !process.env.MCP_TOKEN) {
  console.error("usage: MCP_TOKEN=... node rollback-client.mjs EXECUTE_URL ROLLBACK_URL BOARD");
  process.exit(2);
}

async function connect(url, token) {
  const client = new Client({ name: "mcp-platform-rollback-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  }));
  return client;
}

const onExecute = await connect(executeUrl, process.env.MCP_TOKEN);
const execute = await onExecute.callTool({
  name: "execute",
  arguments: {
    code: [
      "async () => {",
      `  const a = await codemode.create_card({ board: ${JSON.stringify(board)}, title: "first" });`,
      `  const b = await codemode.create_card({ board: ${JSON.stringify(board)}, title: "second" });`,
      "  return [a.id, b.id];",
      "}",
    ].join("\n"),
  },
});
await onExecute.close();

const executionId = execute._meta?.["mcpplatform/executionId"];
const onRollback = await connect(rollbackUrl, process.env.MCP_ROLLBACK_TOKEN ?? process.env.MCP_TOKEN);
const listed = (await onRollback.listTools()).tools.map((t) => t.name);
const rollback = executionId ? await onRollback.callTool({ name: "rollback", arguments: { executionId } }) : null;
const again = executionId ? await onRollback.callTool({ name: "rollback", arguments: { executionId } }) : null;
const after = await onRollback.callTool({
  name: "execute",
  arguments: { code: `async () => codemode.list_cards({ board: ${JSON.stringify(board)} })` },
});
await onRollback.close();
console.log(JSON.stringify({ listed, execute, executionId, rollback, again, after }));
