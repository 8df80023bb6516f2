// Drives `lumasync mcp` with the official MCP TypeScript SDK over stdio, as an assistant's client would:
// lists the tools and compiles every input schema with Ajv, runs status -> dry-run push -> confirmed push ->
// sync map lookup -> activity, then provokes the protocol errors (unknown tool, bad arguments, a cancelled call).
// Usage: node mcp-e2e.mjs '<config JSON>' with {command, args, env, photo, batch, destination}.
// Prints one JSON document: {transcript: [...], checks: {...}}; exits non-zero on the first broken expectation.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { McpError, ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import Ajv from "ajv";

const config = JSON.parse(process.argv[2]);
const transcript = [];
const checks = {};
const clientErrors = [];

function expect(name, ok, detail) {
  checks[name] = Boolean(ok);
  if (!ok) {
    console.log(JSON.stringify({ transcript, checks, failed: name, detail }, null, 2));
    process.exit(1);
  }
}

function text(result) {
  return (result.content ?? []).filter((c) => c.type === "text").map((c) => c.text)[0] ?? "";
}

async function call(name, args, options) {
  const result = await client.callTool({ name, arguments: args }, undefined, options);
  transcript.push({ call: name, arguments: args, isError: result.isError ?? false, text: text(result),
    structuredContent: result.structuredContent });
  return result;
}

const transport = new StdioClientTransport({
  command: config.command, args: config.args, env: config.env, stderr: "pipe",
});
let serverErrors = "";
transport.stderr?.on("data", (d) => { serverErrors += d.toString(); });
const client = new Client({ name: "lumasync-e2e", version: "1.0.0" });
client.onerror = (e) => clientErrors.push(String(e));
await client.connect(transport);
const info = client.getServerVersion();
expect("server names itself", info?.name === "lumasync", info);

// Every tool: a description for the model and an input schema that compiles.
const { tools } = await client.listTools();
const ajv = new Ajv({ strict: true, allErrors: true });
for (const tool of tools) {
  expect(`tool ${tool.name} has an object schema`, tool.inputSchema?.type === "object", tool.inputSchema);
  let validate;
  try {
    validate = ajv.compile(tool.inputSchema);
  } catch (e) {
    expect(`schema of ${tool.name} compiles`, false, String(e));
  }
  expect(`schema of ${tool.name} compiles`, typeof validate === "function");
  expect(`tool ${tool.name} is described`, (tool.description ?? "").length > 40, tool.description);
}
transcript.push({ listTools: tools.map((t) => t.name) });
const names = tools.map((t) => t.name);
for (const wanted of ["status", "browse_source", "map_lookup", "changed_assets", "activity", "push", "upload",
  "autosync_now", "optimize_audit", "optimize_run", "alt_text_missing", "alt_text_set", "alt_text_generate"]) {
  expect(`tool ${wanted} is listed`, names.includes(wanted), names);
}
const pushSchema = ajv.compile(tools.find((t) => t.name === "push").inputSchema);
expect("push schema accepts a push", pushSchema({ paths: [config.photo], destinations: [config.destination] }));
expect("push schema refuses a push without destinations", !pushSchema({ paths: [config.photo] }));
expect("push schema refuses unknown arguments", !pushSchema({ destinations: ["x"], everything: true }));

// The scenario.
const status = await call("status", {});
expect("status lists the folder destination",
  status.structuredContent.destinations.some((d) => d.name === config.destination), status.structuredContent);

const pushArgs = { paths: [config.photo], destinations: [config.destination], format: "original" };
const dry = await call("push", pushArgs);
expect("push without confirm is a dry run", dry.structuredContent.dryRun === true && !dry.isError, dry);
expect("the dry run plans one new image",
  dry.structuredContent.plan[config.destination].create === 1, dry.structuredContent);

const progress = [];
const done = await call("push", { ...pushArgs, confirm: true }, { onprogress: (p) => progress.push(p) });
expect("the confirmed push publishes", !done.isError && done.structuredContent.summary.done === 1, done);
expect("the confirmed push reports progress", progress.length > 0 && progress.at(-1).progress === progress.at(-1).total,
  progress);
transcript.push({ progress });

const photoName = config.photo.split(/[\\/]/).at(-1);
const map = await call("map_lookup", { asset: photoName });
const entry = map.structuredContent.entries[0];
expect("the sync map knows where it went", entry?.destination === config.destination && entry.url.length > 0, map);

const activity = await call("activity", { origin: "mcp", limit: 5 });
expect("the activity shows it came from MCP",
  activity.structuredContent.events[0]?.origin === "mcp" && activity.structuredContent.events[0]?.asset === photoName,
  activity.structuredContent);

// Protocol errors.
try {
  await client.callTool({ name: "no_such_tool", arguments: {} });
  expect("an unknown tool is a protocol error", false);
} catch (e) {
  transcript.push({ call: "no_such_tool", error: { code: e.code, message: e.message } });
  expect("an unknown tool is a protocol error", e instanceof McpError && e.code === ErrorCode.InvalidParams, String(e));
}
const bad = await call("browse_source", { limit: "many" });
expect("bad arguments are a tool error naming the problem", bad.isError === true && /source|limit/.test(text(bad)),
  bad);

const controller = new AbortController();
let cancelled = false;
const slow = call("push", { paths: [config.batch], destinations: [config.destination], format: "original" },
  { signal: controller.signal }).catch((e) => { cancelled = true; return e; });
controller.abort("the user changed their mind");
await slow;
expect("a cancelled call ends at once on the client", cancelled);
transcript.push({ call: "push", cancelled: true });

const after = await call("status", {});
expect("the server keeps serving after errors and a cancel", !after.isError, after);
await new Promise((r) => setTimeout(r, 500));
expect("no answer came for the cancelled call", clientErrors.length === 0, clientErrors);

await client.close();
console.log(JSON.stringify({ transcript, checks, serverErrors: serverErrors.slice(0, 2000) }, null, 2));
