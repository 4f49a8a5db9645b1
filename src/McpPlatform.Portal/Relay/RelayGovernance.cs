using System.Collections.Concurrent;
using System.Text.Json;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Relay;

/// <summary>
/// Upstream resources and prompts through the platform's gate, as generated ones are
/// (<c>ResourceGovernanceFilters</c>): every resource of upstream <c>ns</c> is governed as the Read tool
/// <c>resource:ns</c> and every prompt as <c>prompt:ns</c>, both in tool set <c>ns</c> (the upstream's, as its tools).
/// </summary>
/// <remarks>
/// One identity per upstream, not per item: an upstream's resources and prompts are not pinned in the manifest and can
/// come and go, so policy rules, data rules and audit records name the upstream they come from. Reads pass policy, the
/// data rules on the arguments (the upstream URI as <c>uri</c>, the prompt's arguments) and on the contents, the rate
/// limits and the audit record; lists show a caller only the upstreams it may read.
/// </remarks>
internal static class RelayGovernance
{
    private static readonly ConcurrentDictionary<string, McpToolDescriptor> Resources = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, McpToolDescriptor> Prompts = new(StringComparer.Ordinal);

    public static McpToolDescriptor Resource(string upstreamNamespace) =>
        Resources.GetOrAdd(upstreamNamespace, static ns => Describe(McpResourceDescriptor.PolicyPrefix, ns, "resources"));

    public static McpToolDescriptor Prompt(string upstreamNamespace) =>
        Prompts.GetOrAdd(upstreamNamespace, static ns => Describe(McpPromptDescriptor.PolicyPrefix, ns, "prompts"));

    /// <summary>
    /// Whether <paramref name="tool"/> is the governed identity of an upstream's resources or prompts, not one of its tools:
    /// not pinned in the manifest, so the quarantine of tool definitions does not apply to it.
    /// </summary>
    public static bool IsRelayIdentity(McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return tool.Origin == ToolOrigin.Upstream
            && (tool.Name.StartsWith(McpResourceDescriptor.PolicyPrefix, StringComparison.Ordinal) || tool.Name.StartsWith(McpPromptDescriptor.PolicyPrefix, StringComparison.Ordinal));
    }

    // The tool set is the namespace, as for the upstream's tools: an audience offering "jira/*" and the upstream's own call
    // limits (McpPlatform:Portal:Upstreams:jira:CallsPerMinute) cover its resources and prompts too.
    private static McpToolDescriptor Describe(string prefix, string ns, string what) => new()
    {
        Name = prefix + ns,
        Description = $"The {what} of upstream '{ns}', relayed by the portal.",
        Access = ToolAccess.Read,
        ToolSet = ns,
        InputSchema = "{\"type\":\"object\"}",
        Origin = ToolOrigin.Upstream,
    };

    /// <summary>Whether the caller of <paramref name="request"/> may read what a governed identity names (lists).</summary>
    public static Func<McpToolDescriptor, bool> Visibility<TParams>(RequestContext<TParams> request)
    {
        var services = Services(request);
        var gate = services.GetRequiredService<ToolCallGate>();
        var caller = gate.IsGoverned ? services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User) : CallerIdentity.Anonymous;
        return governedAs => gate.Decide(caller, governedAs).Allowed;
    }

    /// <summary>
    /// Admits one read through the gate, serves it with the arguments the data rules left, and applies the data rules to
    /// what it returned; a refusal is the JSON-RPC error a resources/read or prompts/get caller gets.
    /// </summary>
    public static async Task<TResult> ReadAsync<TParams, TResult>(
        RequestContext<TParams> request,
        McpToolDescriptor governedAs,
        IDictionary<string, JsonElement>? arguments,
        Func<IDictionary<string, JsonElement>?, CancellationToken, Task<TResult>> serve,
        Func<TResult, CallToolResult> asToolResult,
        Func<TResult, CallToolResult, TResult> redacted,
        CancellationToken cancellationToken)
    {
        var services = Services(request);
        var gate = services.GetRequiredService<ToolCallGate>();
        if (gate.IsPassThrough)
        {
            return await serve(arguments, cancellationToken).ConfigureAwait(false);
        }

        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
        using var outcome = await gate.AdmitAsync(caller, governedAs, arguments, cancellationToken).ConfigureAwait(false);
        if (outcome is not GateOutcome.Allowed allowed)
        {
            throw new McpProtocolException(outcome.RefusalMessage ?? "Refused.", McpErrorCode.InvalidRequest);
        }

        var served = await serve(allowed.Arguments, cancellationToken).ConfigureAwait(false);
        var governed = gate.Complete(allowed, governedAs, asToolResult(served));

        // What a data rule on the result withheld is never served.
        return governed.IsError == true
            ? throw new McpProtocolException(GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest)
            : redacted(served, governed);
    }

    /// <summary>
    /// completion/complete for an upstream prompt argument or template variable, governed as reading that upstream's
    /// prompts or resources: a caller that may not read them gets no values (and no reason), the data rules see the
    /// partial value and every value returned.
    /// </summary>
    public static async Task<CompleteResult> CompleteAsync(
        RequestContext<CompleteRequestParams> request,
        McpToolDescriptor governedAs,
        Func<string, CancellationToken, Task<CompleteResult>> complete,
        CancellationToken cancellationToken)
    {
        var parameters = request.Params!;
        var services = Services(request);
        var gate = services.GetRequiredService<ToolCallGate>();
        if (gate.IsPassThrough)
        {
            return await complete(parameters.Argument.Value ?? "", cancellationToken).ConfigureAwait(false);
        }

        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
        var argument = parameters.Argument.Name;
        using var outcome = await gate.AdmitAsync(
            caller,
            governedAs,
            new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [argument] = JsonSerializer.SerializeToElement(parameters.Argument.Value ?? "") },
            cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case GateOutcome.Denied:
                return new CompleteResult { Completion = new Completion { Values = [] } };
            case not GateOutcome.Allowed:
                throw new McpProtocolException(outcome.RefusalMessage!, McpErrorCode.InvalidRequest);
        }

        var allowed = (GateOutcome.Allowed)outcome;
        var partial = allowed.Arguments?.TryGetValue(argument, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var completed = await complete(partial ?? "", cancellationToken).ConfigureAwait(false);
        var values = completed.Completion.Values;
        var governed = gate.Complete(allowed, governedAs, GovernedContents.AsToolResult([.. values]));
        completed.Completion.Values = GovernedContents.RedactedCompletionValues([.. values], governed)
            ?? throw new McpProtocolException("Completion values refused by the data-loss rules. " + GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest);
        return completed;
    }

    public static IServiceProvider Services<TParams>(RequestContext<TParams> request) =>
        request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");

}
