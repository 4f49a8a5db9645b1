using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.Portal.Tests.EndToEnd;

/// <summary>
/// The official TypeScript SDK client (node/portal-client.mjs) run against an MCP endpoint: it performs the steps
/// given, in one session, and reports what each saw.
/// </summary>
internal static class TypeScriptClient
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Lists every tool (all pages).</summary>
    public static JsonObject List() => new() { ["op"] = "list" };

    /// <summary>Calls <paramref name="name"/> with <paramref name="arguments"/> (an anonymous object or null).</summary>
    public static JsonObject Call(string name, object? arguments = null) => new()
    {
        ["op"] = "call",
        ["name"] = name,
        ["arguments"] = JsonSerializer.SerializeToNode(arguments ?? new { }),
    };

    /// <summary>Runs the steps in one session with <paramref name="token"/> as the bearer (none when null).</summary>
    public static async Task<ClientRun> RunAsync(Uri endpoint, string? token, params JsonObject[] steps)
    {
        var run = await ChildProcess.RunAsync(
            NodePeers.Node,
            [NodePeers.Script("portal-client.mjs"), endpoint.AbsoluteUri, new JsonArray(steps).ToJsonString()],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = NodePeers.SdkDirectory,
                ["MCP_TOKEN"] = token,
            },
            RunTimeout);
        run.EnsureSuccess();
        var lastLine = run.Output.Trim().Split('\n')[^1];
        var report = JsonNode.Parse(lastLine)?.AsObject() ?? throw new InvalidOperationException("portal-client.mjs printed no report:\n" + run.Output);
        return new ClientRun(report, run.Output);
    }
}

/// <summary>What portal-client.mjs reported: one entry per step, in order.</summary>
internal sealed record ClientRun(JsonObject Report, string Output)
{
    public JsonArray Steps => Report["steps"]!.AsArray();

    /// <summary>Step <paramref name="index"/>'s object.</summary>
    public JsonObject Step(int index) => Steps[index]!.AsObject();

    /// <summary>The tool names a list step saw.</summary>
    public IReadOnlyList<string> ToolNames(int index) =>
        Step(index)["tools"]?.AsArray().Select(t => (string)t!["name"]!).ToList()
        ?? throw new InvalidOperationException($"Step {index} listed no tools: {Step(index).ToJsonString()}");

    /// <summary>The tool definition named <paramref name="name"/> in list step <paramref name="index"/>.</summary>
    public JsonObject Tool(int index, string name) =>
        Step(index)["tools"]!.AsArray().Select(t => t!.AsObject()).Single(t => (string?)t["name"] == name);

    /// <summary>A call step's result; fails with the step when the call threw instead (a protocol error).</summary>
    public JsonObject Result(int index) =>
        Step(index)["result"]?.AsObject() ?? throw new Xunit.Sdk.XunitException($"Step {index} has no result: {Step(index).ToJsonString()}");

    /// <summary>The text of a call result's content blocks, joined, or the protocol error's message.</summary>
    public string Text(int index)
    {
        var step = Step(index);
        if (step["error"] is JsonObject error)
        {
            return (string?)error["message"] ?? "";
        }

        return string.Join("\n", step["result"]?["content"]?.AsArray()
            .Select(c => (string?)c?["text"])
            .Where(t => t is not null) ?? []);
    }

    /// <summary>True when the step failed: a protocol error, or a result with isError.</summary>
    public bool Failed(int index) => Step(index)["error"] is not null || (bool?)Step(index)["result"]?["isError"] == true;
}
