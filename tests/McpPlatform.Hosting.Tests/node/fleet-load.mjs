// A bounded load run against a fleet behind one URL, for the C# fleet tests (Fleet/ReplicaFleetTests), on both protocol
// revisions: "2025-11-25" workers are the official TypeScript SDK client with a stateful session each (the SDK 1.32 client
// speaks up to 2025-11-25); "2026-07-28" workers send the stateless revision's requests over plain HTTP (no initialize, no
// session, the per-request _meta and MCP-Protocol-Version header of SEP-2575), which the TypeScript client cannot select.
// Every worker makes its calls one at a time. With "killPid", the process is sent SIGKILL once "killAfter" calls succeeded.
// Prints one JSON line: {ok: [{id, text, revision, session}], limited, failures: [{id, start, end, error}], killAt, deadAt,
// sessions}: killAt when SIGKILL was sent, deadAt when the process was seen gone (ms on one clock with start and end).
// Usage: MCP_SDK_DIR=... MCP_TOKEN=... node fleet-load.mjs <mcp-url> '<plan json>'
// plan: {tool, workers: [{revision, calls, token?}], killPid?, killPort?, killAfter?, argument?}; a worker's token (its own caller) or MCP_TOKEN.
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { readFile } from "node:fs/promises";
import { connect } from "node:net";

const [url, planText] = process.argv.slice(2);
const sdk = process.env.MCP_SDK_DIR;
const token = process.env.MCP_TOKEN;
if (!url || !planText || !sdk || !token) {
  console.error("usage: MCP_SDK_DIR=... MCP_TOKEN=... node fleet-load.mjs <mcp-url> '<plan json>'");
  process.exit(2);
}

const plan = JSON.parse(planText);
const load = (path) => import(pathToFileURL(join(sdk, "dist/esm", path)).href);
const { Client } = await load("client/index.js");
const { StreamableHTTPClientTransport } = await load("client/streamableHttp.js");

const CallTimeoutMs = 30_000;
const ok = [];
const failures = [];
let limited = 0;
let killAt = null;
let deadAt = null;
const sessions = [];

function argumentsFor(id) {
  return plan.argument ? { [plan.argument]: id } : {};
}

function afterSuccess() {
  if (plan.killPid && killAt === null && ok.length >= plan.killAfter) {
    killAt = performance.now();
    process.kill(plan.killPid, "SIGKILL"); // kill -9 on the replica's real process id
    watchDeath(plan.killPid);
  }
}

// SIGKILL takes effect when the kernel has torn the process down (its sockets closed); until then nginx can still hand
// it requests. Dead: /proc/<pid> gone or a zombie (exited, not yet reaped by its parent, the test process), and, with
// "killPort", that port refusing connections: a multi-threaded process's leader shows as a zombie while its other
// threads still exit, and the listening socket closes only with the last of them.
async function watchDeath(pid) {
  for (;;) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) break;
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  while (plan.killPort && (await accepts(plan.killPort))) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  deadAt = performance.now();
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => { socket.destroy(); resolve(true); });
    socket.on("error", () => resolve(false));
  });
}

function textOf(result) {
  return result?.content?.[0]?.text ?? "";
}

async function sdkWorker(worker, calls, token) {
  const client = new Client({ name: "mcp-platform-fleet-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: { headers: { Authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  const session = transport.sessionId ?? null;
  sessions.push(session);
  for (let i = 0; i < calls; i++) {
    const id = `w${worker}-c${i}-${Math.random().toString(36).slice(2, 10)}`;
    const start = performance.now();
    try {
      const result = await client.callTool({ name: plan.tool, arguments: argumentsFor(id) }, undefined, { timeout: CallTimeoutMs });
      record(id, start, result, "2025-11-25", transport.sessionId ?? null);
    } catch (error) {
      failures.push({ id, start, end: performance.now(), error: String(error?.message ?? error) });
    }
  }
  await client.close().catch(() => {});
}

async function rawCall(id, args, token) {
  const meta = {
    "io.modelcontextprotocol/protocolVersion": "2026-07-28",
    "io.modelcontextprotocol/clientInfo": { name: "mcp-platform-fleet-test", version: "1.0.0" },
    "io.modelcontextprotocol/clientCapabilities": {},
  };
  const response = await fetch(url, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": "2026-07-28",
      "Mcp-Method": "tools/call", // the revision's standard request headers (SEP-2567), mirrored from the body
      "Mcp-Name": plan.tool,
    },
    body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: plan.tool, arguments: args, _meta: meta } }),
    signal: AbortSignal.timeout(CallTimeoutMs),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status}: ${body.slice(0, 300)}`);
  if (response.headers.get("mcp-session-id")) throw new Error("the stateless revision got a session id");
  const messages = (response.headers.get("content-type") ?? "").includes("text/event-stream")
    ? body.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).filter(Boolean).map((data) => JSON.parse(data))
    : [JSON.parse(body)];
  const answer = messages.find((message) => message.id === id);
  if (!answer) throw new Error(`no answer in: ${body.slice(0, 300)}`);
  if (answer.error) throw new Error(`JSON-RPC ${answer.error.code}: ${answer.error.message}`);
  return answer.result;
}

async function rawWorker(worker, calls, token) {
  for (let i = 0; i < calls; i++) {
    const id = `w${worker}-r${i}-${Math.random().toString(36).slice(2, 10)}`;
    const start = performance.now();
    try {
      record(id, start, await rawCall(id, argumentsFor(id), token), "2026-07-28", null);
    } catch (error) {
      failures.push({ id, start, end: performance.now(), error: String(error?.message ?? error) });
    }
  }
}

function record(id, start, result, revision, session) {
  const text = textOf(result);
  if (!result.isError) {
    ok.push({ id, text, revision, session });
    afterSuccess();
  } else if (text.startsWith("Rate limited:")) {
    limited++;
  } else {
    failures.push({ id, start, end: performance.now(), error: text });
  }
}

await Promise.all(plan.workers.map((worker, index) =>
  worker.revision === "2026-07-28"
    ? rawWorker(index, worker.calls, worker.token ?? token)
    : sdkWorker(index, worker.calls, worker.token ?? token)));
console.log(JSON.stringify({ ok, limited, failures, killAt, deadAt, sessions }));
