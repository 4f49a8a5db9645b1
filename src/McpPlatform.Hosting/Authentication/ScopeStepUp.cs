using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Policy;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Scope step-up (MCP authorization, 2025-11-25): a <c>tools/call</c> that policy refuses only because the token lacks
/// scopes is answered HTTP 403 with <c>WWW-Authenticate: Bearer error="insufficient_scope", scope="..."</c> naming every
/// scope the call needs, so the client re-authorizes and sends the call again. Any other refusal stays the tool error
/// with the rule's name, from the gate.
/// </summary>
/// <remarks>
/// The SDK answers a tools/call inside the HTTP response it has already started (an SSE stream or a JSON body with
/// status 200), so the status cannot be chosen from its call-tool filter. This check runs before the SDK sees the
/// request instead: it reads the buffered JSON-RPC body, and only for a single <c>tools/call</c> on a catalog tool
/// asks the same gate decision (admission rules, then policy) the call would get. The request then goes on to the SDK
/// unchanged, where the gate decides again. A caller whose token no decision could ask more scopes of
/// (<see cref="ToolCallGate.CouldRequireStepUp"/>) skips the body read. Code Mode's inner calls cannot be answered
/// this way (the outer call's response is already chosen): an execution whose inner call lacked only a scope ends as
/// a tool error starting with <c>insufficient_scope</c> and naming the scopes (CodeModeRunner.StepUp).
/// </remarks>
internal static partial class ScopeStepUp
{
    private static readonly byte[] ToolsCall = Encoding.UTF8.GetBytes("\"" + RequestMethods.ToolsCall + "\"");

    public static RequestDelegate Wrap(RequestDelegate inner, IServiceProvider services)
    {
        var catalog = services.GetRequiredService<McpToolCatalog>();
        var gate = services.GetRequiredService<ToolCallGate>();
        var callers = services.GetRequiredService<CallerIdentityResolver>();
        var logger = services.GetRequiredService<ILogger<ToolCallGate>>();
        // Most callers' tokens already carry every scope policy could ask them for: their bodies are left for the SDK to
        // read once, and their requests go on without an async frame of this check's.
        return context => HttpMethods.IsPost(context.Request.Method) && gate.CouldRequireStepUp(callers.Resolve(context.User))
            ? StepUpOrInvokeAsync(context)
            : inner(context);

        async Task StepUpOrInvokeAsync(HttpContext context)
        {
            if (await ReadToolCallAsync(context.Request) is { } call
                && catalog.TryGet(call.Tool, out var tool)
                && !IsCodeMode(context)
                && gate.Decide(callers.Resolve(context.User), tool.Descriptor) is { Allowed: false, RequiredScopes.Count: > 0 } decision)
            {
                LogStepUp(logger, tool.Descriptor.Name, decision.Rule);
                await AuditAsync(context, call, decision, callers);
                await BearerChallenge.WriteInsufficientScopeAsync(
                    context, decision.RequiredScopes, call.Id, $"Forbidden: denied by policy: {decision.Rule}. {decision.Reason} Re-authorize with scope '{string.Join(' ', decision.RequiredScopes)}'.");
                return;
            }

            await inner(context);
        }
    }

    /// <summary>The request id and tool name of a body that is one JSON-RPC tools/call request; null for anything else.</summary>
    private static async Task<ToolCall?> ReadToolCallAsync(HttpRequest request)
    {
        if (request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Buffered, so the SDK reads the same body afterwards; the body size limit applies while reading.
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        var bytes = body.GetBuffer().AsMemory(0, (int)body.Length);
        if (bytes.Span.IndexOf(ToolsCall) < 0)
        {
            return null; // not a tools/call: nothing is parsed
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("method", out var method) && method.ValueEquals(RequestMethods.ToolsCall)
                && root.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
                && root.TryGetProperty("params", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
                    ? new ToolCall(id.Clone(), name.GetString()!)
                    : null;
        }
        catch (JsonException)
        {
            return null; // the SDK answers malformed JSON-RPC itself
        }
    }

    private static bool IsCodeMode(HttpContext context)
    {
        try
        {
            return CodeModeSelection.IsCodeMode(context.RequestServices);
        }
        catch (ModelContextProtocol.McpProtocolException)
        {
            return true; // a bad codemode value: the SDK refuses the request with its own error
        }
    }

    private static async Task AuditAsync(HttpContext context, ToolCall call, PolicyDecision decision, CallerIdentityResolver callers)
    {
        if (context.RequestServices.GetService<AuditLog>() is not { } audit)
        {
            return;
        }

        // This record replaces the one AuditRefusals would write for the 403 (it names the tool and the rule).
        AuditRefusals.MarkAudited(context);
        var caller = callers.Resolve(context.User);
        var limits = audit.Limits;
        await audit.WriteAsync(
            new AuditRecord
            {
                CorrelationId = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier,
                RequestId = limits.Field(call.Id.ToString()),
                Method = RequestMethods.ToolsCall,
                Subject = limits.Field(caller.Subject),
                ClientId = limits.Field(caller.ClientId),
                Tool = limits.Field(decision.Tool),
                Access = decision.Access.ToString(),
                Decision = AuditDecisions.Denied,
                Rule = decision.Rule,
                Outcome = AuditOutcomes.Denied,
                Error = "HTTP 403 insufficient_scope",
            },
            durable: false);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Tool {Tool} call answered 403 insufficient_scope (step-up) by policy decision {Rule}")]
    private static partial void LogStepUp(ILogger logger, string tool, string rule);

    private sealed record ToolCall(JsonElement Id, string Tool);
}
