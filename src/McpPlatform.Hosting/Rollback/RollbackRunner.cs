using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Rollback;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Rollback;

/// <summary>
/// Answers <c>rollback</c>: finds the caller's execution, then calls each recorded call's inverse, last first, through
/// the gate (policy, data rules, limits, audit: an inverse call is refused exactly as a direct call would be), each with
/// its own audit record under the rollback's. The rollback's own record names the execution id in its arguments.
/// </summary>
internal sealed partial class RollbackRunner(
    ExecutionStore store,
    McpToolCatalog catalog,
    ToolCallGate gate,
    CallerIdentityResolver callers,
    IServiceProvider services,
    ILogger<RollbackRunner> logger)
{
    private readonly AuditLog? _audit = services.GetService<AuditLog>();
    private readonly CallerRateLimits? _limits = services.GetService<CallerRateLimits>();

    public async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        var outer = AuditScope.Current;
        var executionId = request.Params?.Arguments is { } arguments && arguments.TryGetValue("executionId", out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
        if (outer is not null)
        {
            outer.Tool = RollbackSurface.ToolName;
            outer.Decision = AuditDecisions.Allowed;
            outer.Rule = RollbackSurface.ToolName;
            outer.Arguments = new JsonObject { ["executionId"] = executionId is null ? null : AuditFieldLimits.Default.Field(executionId) }.ToJsonString();
        }

        var result = await RunCoreAsync(request, executionId, outer, cancellationToken).ConfigureAwait(false);
        if (outer is not null)
        {
            outer.Outcome = result.IsError == true ? AuditOutcomes.ToolError : AuditOutcomes.Ok;
        }

        return result;
    }

    private async Task<CallToolResult> RunCoreAsync(
        RequestContext<CallToolRequestParams> request, string? executionId, AuditRecord? outer, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(executionId))
        {
            return ToolResults.Error("The 'executionId' argument is required: the _meta mcpplatform/executionId of the result to undo.");
        }

        var caller = callers.Resolve(request.User);
        if (await store.FindAsync(executionId, CallerPartition.Key(caller), cancellationToken).ConfigureAwait(false) is not { } journal)
        {
            return ToolResults.Error($"Unknown execution '{Shown(executionId)}': it recorded no Write or Destructive call, was made by another caller, "
                + $"or is older than McpPlatform:Rollback:RetentionMinutes ({store.Options.RetentionMinutes}) or was forgotten after McpPlatform:Rollback:MaxExecutions.");
        }

        var sequence = 0;
        var asker = new RollbackApprovalAsker(request.Server, request.Params, (request.Services ?? request.Server.Services)!.GetRequiredService<Governance.Approval.ApprovalStates>());
        RollbackReport report;
        try
        {
            report = await RollbackPlan.RunAsync(
                journal,
                (call, inverse, inverseArguments, token) => UndoAsync(request, caller, outer, ++sequence, inverse, inverseArguments, asker, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ModelContextProtocol.Protocol.InputRequiredException)
        {
            // Protocol 2026-07-28: an inverse needs approval. What was undone before it leaves the execution now, so the
            // client's retry (the same rollback with the answer) starts at the inverse that asked and runs nothing twice.
            await store.UpdateAsync(journal, CancellationToken.None).ConfigureAwait(false);
            if (outer is not null)
            {
                outer.Approval = "requested";
                outer.Outcome = AuditOutcomes.ApprovalRequested;
            }

            throw;
        }

        await store.UpdateAsync(journal, CancellationToken.None).ConfigureAwait(false); // what is left, for a rollback on any replica
        LogRolledBack(logger, journal.Id, caller.Subject, report.Steps.Count(s => s.State == RollbackStepState.Undone), report.Completed);
        return Result(report);
    }

    // One inverse call: the same path as a Code Mode inner call (a record of its own, the caller's request budget, the gate, the tool).
    private async Task<string?> UndoAsync(
        RequestContext<CallToolRequestParams> request, CallerIdentity caller, AuditRecord? outer, int sequence,
        string inverse, IReadOnlyDictionary<string, JsonElement> arguments, RollbackApprovalAsker asker, CancellationToken cancellationToken)
    {
        if (!catalog.TryGet(inverse, out var tool))
        {
            return $"the inverse tool {inverse} is not on this server";
        }

        var record = ChildAuditRecord.Create(outer, sequence, RequestMethods.ToolsCall, caller);
        var started = Stopwatch.GetTimestamp();
        using var scope = AuditScope.Begin(record);
        try
        {
            using var lease = _limits is null ? null : await _limits.AcquireRequestAsync(CallerPartition.Key(caller), cancellationToken).ConfigureAwait(false);
            if (lease is { IsAcquired: false })
            {
                record.Tool = inverse;
                record.Outcome = AuditOutcomes.RateLimited;
                record.Error = "per-caller request budget";
                return "rate limited: over this caller's request budget (McpPlatform:RateLimits:PerCaller)";
            }

            var copy = arguments.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            // An inverse an approval rule covers (by default every Destructive tool) is asked about on its own, like a Code Mode inner call.
            using var outcome = await gate.AdmitAsync(caller, tool.Descriptor, copy, cancellationToken, asker).ConfigureAwait(false);
            switch (outcome)
            {
                case GateOutcome.Allowed allowed:
                    var inner = new RequestContext<CallToolRequestParams>(request.Server, request.JsonRpcRequest, new CallToolRequestParams { Name = inverse, Arguments = allowed.Arguments })
                    {
                        Services = request.Services,
                        User = request.User,
                    };
                    var result = gate.Complete(allowed, tool.Descriptor, await tool.InvokeAsync(inner, cancellationToken).ConfigureAwait(false));
                    return result.IsError == true
                        ? string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text)) is { Length: > 0 } text ? text : "the tool reported an error"
                        : null;
                case GateOutcome.Denied denied:
                    return $"denied by policy: {denied.Rule}. {denied.Reason}";
                default:
                    return outcome.RefusalMessage ?? "refused";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            record.Outcome = AuditOutcomes.Failed;
            record.Error = "canceled";
            return "canceled";
        }
        catch (Exception failure) when (failure is not OutOfMemoryException and not ModelContextProtocol.Protocol.InputRequiredException)
        {
            record.Outcome = AuditOutcomes.Failed;
            record.Error = failure.GetType().Name;
            return $"failed: {failure.Message}";
        }
        finally
        {
            record.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (_audit is not null)
            {
                await _audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static CallToolResult Result(RollbackReport report)
    {
        var steps = new JsonArray();
        foreach (var step in report.Steps)
        {
            steps.Add(new JsonObject
            {
                ["tool"] = step.Tool,
                ["inverse"] = step.Inverse,
                ["state"] = State(step.State),
                ["detail"] = step.Detail,
            });
        }

        var structured = new JsonObject
        {
            ["executionId"] = report.ExecutionId,
            ["completed"] = report.Completed,
            ["steps"] = steps,
            ["notRecorded"] = report.Dropped,
        };
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = report.Describe() }],
            StructuredContent = JsonSerializer.SerializeToElement(structured),
            IsError = !report.Completed,
        };
    }

    private static string State(RollbackStepState state) => state switch
    {
        RollbackStepState.Undone => "undone",
        RollbackStepState.Failed => "failed",
        RollbackStepState.NotAttempted => "not_attempted",
        _ => "not_revertible",
    };

    private static string Shown(string id) => id.Length <= 64 ? id : id[..64] + "...";

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Rollback of execution {ExecutionId} by {Subject}: {Undone} calls undone, completed: {Completed}")]
    private static partial void LogRolledBack(ILogger logger, string executionId, string subject, int undone, bool completed);
}
