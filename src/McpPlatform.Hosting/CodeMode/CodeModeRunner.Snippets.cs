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
    /// the snippet call's (<see cref="AuditScope.Current"/>, which the gate filled in).
    /// </summary>
    internal async ValueTask<CallToolResult> RunSnippetAsync(RequestContext<CallToolRequestParams> request, string source, string scriptHash, CancellationToken cancellationToken)
    {
        var outer = AuditScope.Current;
        if (outer is not null)
        {
            // The script is in the approved manifest; the record names the version that ran.
            outer.CodeSha256 = scriptHash.StartsWith("sha256:", StringComparison.Ordinal) ? scriptHash["sha256:".Length..] : scriptHash;
        }

        var caller = _callers.Resolve(request.User);
        var (slot, refused) = await EnterSlotAsync(caller, "snippet executions", "Code Mode executions (snippets included)", cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return refused!; // null slot, non-null refusal
        }

        var inner = new InnerCalls(this, request, caller, outer, replay: null);
        var sandbox = new CodeModeSandbox(_options, Tools(execute: true, caller, inner), failure => LogUnexpected(_logger, failure), _engines);
        try
        {
            var result = await RunSandboxAsync(sandbox, source, script: null, execute: true, caller, cancellationToken).ConfigureAwait(false);
            return inner.MissingScopes() is { Count: > 0 } missing ? StepUp(missing, result) : result;
        }
        finally
        {
            ReleaseWhenSettled(slot, sandbox.Settled);
        }
    }
}
