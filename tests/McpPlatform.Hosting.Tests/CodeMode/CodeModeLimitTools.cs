using System.Collections.Concurrent;
using System.Text.Json;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Tools that misbehave the way Code Mode must survive: a result nested too deep, and a call that ignores cancellation.</summary>
[McpToolSet("Limits", Description = "Sample tools that push Code Mode's limits.")]
public static class CodeModeLimitTools
{
    /// <summary>Returns arrays nested <paramref name="depth"/> levels deep as structured content.</summary>
    /// <param name="depth">How many levels.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static CallToolResult DeepResult(int depth)
    {
        var json = "{\"value\":" + new string('[', depth) + new string(']', depth) + "}";
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = depth + 2 });
        return new CallToolResult { Content = [new TextContentBlock { Text = json }], StructuredContent = document.RootElement.Clone() };
    }

    /// <summary>Waits until the test releases <paramref name="key"/>, ignoring cancellation.</summary>
    /// <param name="key">The test's name for this call.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static async Task<string> StubbornWait(string key)
    {
        var call = StubbornCalls.Get(key);
        call.Started.TrySetResult();
        await call.Release.Task; // deliberately without the CancellationToken
        call.Finished.TrySetResult();
        return "finished " + key;
    }
}

/// <summary>The test's handle on each <see cref="CodeModeLimitTools.StubbornWait"/> call, by key.</summary>
public static class StubbornCalls
{
    private static readonly ConcurrentDictionary<string, Call> Calls = new(StringComparer.Ordinal);

    public static Call Get(string key) => Calls.GetOrAdd(key, _ => new Call());

    public sealed class Call
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
