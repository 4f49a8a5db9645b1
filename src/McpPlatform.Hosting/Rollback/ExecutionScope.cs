using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Rollback;
using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Rollback;

/// <summary>
/// The execution the current call belongs to: a Code Mode <c>execute</c>, or one direct call of a tool that declares
/// an inverse. The gate records each allowed Write or Destructive call that succeeded into it (<see cref="Record"/>);
/// <c>rollback</c> undoes them. Flows with the async call chain like <see cref="McpPlatform.Governance.Audit.AuditScope"/>.
/// </summary>
internal static class ExecutionScope
{
    /// <summary>The <c>_meta</c> key a tool result carries its execution id under, when the execution can be rolled back.</summary>
    public const string MetaKey = "mcpplatform/executionId";

    private static readonly AsyncLocal<ExecutionJournal?> CurrentJournal = new();

    /// <summary>The journal of the running execution; null outside one.</summary>
    public static ExecutionJournal? Current => CurrentJournal.Value;

    /// <summary>Makes <paramref name="journal"/> current until the returned scope is disposed.</summary>
    public static Scope Begin(ExecutionJournal journal)
    {
        var previous = CurrentJournal.Value;
        CurrentJournal.Value = journal;
        return new Scope(previous);
    }

    /// <summary>
    /// Records a finished call of <paramref name="tool"/> into the current execution: Write and Destructive calls
    /// that succeeded, with the arguments and result values their inverse needs. Read calls, failures and snippet calls
    /// (whose inner calls are recorded) change nothing.
    /// </summary>
    public static void Record(McpToolDescriptor tool, IDictionary<string, JsonElement>? arguments, CallToolResult result)
    {
        // A snippet is not undone as one call: its own Write and Destructive calls were recorded into this execution as they ran.
        if (CurrentJournal.Value is not { } journal || tool.Access == ToolAccess.Read || result.IsError == true || tool.Origin == ToolOrigin.Snippet)
        {
            return;
        }

        var resultObject = tool.Revert is null ? null : ResultObject(result);
        journal.Add(sequence => RecordedCall.From(sequence, tool, arguments, resultObject));
    }

    /// <summary>Puts the execution id in the result's <c>_meta</c> when the execution recorded a call.</summary>
    public static CallToolResult WithExecutionId(CallToolResult result, ExecutionJournal journal)
    {
        if (journal.HasCalls)
        {
            result.Meta ??= new JsonObject();
            result.Meta[MetaKey] = journal.Id;
        }

        return result;
    }

    // The structured content, or a text result that is one JSON object (a tool without an output schema).
    private static JsonElement? ResultObject(CallToolResult result)
    {
        if (result.StructuredContent is { ValueKind: JsonValueKind.Object } structured)
        {
            return structured;
        }

        if (result.Content is [TextContentBlock { Text: { } text }] && text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Restores the journal that was current before.</summary>
    public readonly struct Scope(ExecutionJournal? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => CurrentJournal.Value = previous;
    }
}
