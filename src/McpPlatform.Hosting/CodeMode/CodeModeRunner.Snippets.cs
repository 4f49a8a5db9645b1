using McpPlatform.Governance.Audit;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Tools;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>Runs a snippet (docs/snippets.md): the script in the sandbox of <c>execute</c>, with the same limits and the same governed inner calls.</summary>
public sealed partial class CodeModeRunner
{
    /// <summary>
    /// Runs <paramref name="source"/> (the snippet's function applied to its arguments) as an execution of the caller's: the
    /// per-caller cap, the tools policy lets this caller call, each inner call through the gate with an audit record under
    /// the snippet call's (<see cref="AuditScope.Current"/>, which the gate filled in). Called from inside an
    /// <c>execute</c>, its calls are part of that execution (its journal on 2026-07-28, its rollback record); called
    /// directly on 2026-07-28, an inner call that needs approval stops it for the round trip exactly like <c>execute</c>
    /// (the script is fixed and hash-pinned, and the arguments are part of what the journal is bound to).
    /// </summary>
    internal async ValueTask<CallToolResult> RunSnippetAsync(RequestContext<CallToolRequestParams> request, string source, string scriptHash, CancellationToken cancellationToken)
    {
        // Called directly where rollback is offered, a snippet is an execution of its own: its revertible calls are
        // recorded and its id comes back in _meta, as for execute. Inside an execute, they join that execution's record.
        if (_executions is not null && Rollback.ExecutionScope.Current is null)
        {
            var journal = _executions.Begin(CallerPartition.Key(_callers.Resolve(request.User)));
            CallToolResult result;
            using (Rollback.ExecutionScope.Begin(journal))
            {
                result = await RunSnippetCoreAsync(request, source, scriptHash, cancellationToken).ConfigureAwait(false);
            }

            await _executions.KeepAsync(journal, CancellationToken.None).ConfigureAwait(false);
            return Rollback.ExecutionScope.WithExecutionId(result, journal);
        }

        return await RunSnippetCoreAsync(request, source, scriptHash, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<CallToolResult> RunSnippetCoreAsync(RequestContext<CallToolRequestParams> request, string source, string scriptHash, CancellationToken cancellationToken)
    {
        var outer = AuditScope.Current;
        if (outer is not null)
        {
            // The script is in the approved manifest; the record names the version that ran.
            outer.CodeSha256 = scriptHash.StartsWith("sha256:", StringComparison.Ordinal) ? scriptHash["sha256:".Length..] : scriptHash;
        }

        var caller = _callers.Resolve(request.User);
        var enclosing = InnerCalls.Current is { } running && running.Runner == this ? running : null;
        var replay = enclosing is null ? await ReplayAsync(request, caller, source, outer, cancellationToken).ConfigureAwait(false) : null;
        if (replay is { Refusal: { } refusal })
        {
            return ToolResults.Error(refusal);
        }

        var (slot, refused) = await EnterSlotAsync(caller, "snippet executions", "Code Mode executions (snippets included)", cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return refused!; // null slot, non-null refusal
        }

        var inner = enclosing?.Nested(outer) ?? new InnerCalls(this, request, caller, outer, replay?.Replay);
        var sandbox = new CodeModeSandbox(_options, Tools(execute: true, caller, inner), failure => LogUnexpected(_logger, failure), _engines);
        try
        {
            var result = await RunSandboxAsync(sandbox, source, script: null, execute: true, caller, cancellationToken).ConfigureAwait(false);
            if (replay?.Replay is { Question: { } question } stopped)
            {
                return await AskAsync(request, stopped, question, outer, cancellationToken).ConfigureAwait(false);
            }

            return inner.MissingScopes() is { Count: > 0 } missing ? StepUp(missing, result) : result;
        }
        finally
        {
            ReleaseWhenSettled(slot, sandbox.Settled);
        }
    }
}
