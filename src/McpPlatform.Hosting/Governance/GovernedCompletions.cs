using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// The completion/complete handler of generated prompts and resource templates. Completion values
/// are data like a resource read's text (a list of customers, of ticket titles), so they take the
/// same gate as reading the prompt or resource they complete.
/// </summary>
internal static class GovernedCompletions
{
    private const int MaxCompletionValues = 100;

    /// <summary>
    /// completion/complete for a prompt argument or a template variable, governed as reading that
    /// prompt or resource: policy (a caller that may not read it gets no values), data-loss rules on
    /// the partial value and on every value returned, rate limits and the audit record.
    /// </summary>
    public static async ValueTask<CompleteResult> Complete(RequestContext<CompleteRequestParams> request, CancellationToken cancellationToken)
    {
        var parameters = request.Params ?? throw new McpProtocolException("completion/complete needs params.", McpErrorCode.InvalidParams);
        var services = Services(request.Services, request.Server);
        var catalog = services.GetRequiredService<McpResourceCatalog>();
        var argument = parameters.Argument.Name;
        var (governedAs, source) = parameters.Ref switch
        {
            PromptReference reference when catalog.TryGetPrompt(reference.Name, out var prompt) =>
                (prompt.Descriptor.GovernedAs, catalog.CompletionFor(McpCompletionTargetKind.Prompt, prompt.Descriptor.Name, argument)),
            ResourceTemplateReference { Uri: { } declared } when catalog.ResourceDeclaredAs(declared) is { } resource =>
                (resource.Descriptor.GovernedAs, catalog.CompletionFor(McpCompletionTargetKind.ResourceTemplate, resource.Descriptor.Uri, argument)),
            _ => (null, null),
        };

        if (governedAs is null)
        {
            CatalogRefusals.RecordNotInCatalog();
            return NoCompletions();
        }

        var gate = services.GetRequiredService<ToolCallGate>();
        if (gate.IsPassThrough)
        {
            var values = await CompleteAsync(source, request, parameters.Argument.Value, cancellationToken).ConfigureAwait(false);
            return Completions(values);
        }

        var caller = services.GetRequiredService<CallerIdentityResolver>().Resolve(request.User);
        using var outcome = await gate.AdmitAsync(
            caller,
            governedAs,
            new Dictionary<string, JsonElement>(StringComparer.Ordinal) { [argument] = ResourceGovernanceFilters.StringElement(parameters.Argument.Value ?? "") },
            cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case GateOutcome.Denied:
                // A caller that may not read the prompt or resource learns nothing, not even why.
                return NoCompletions();
            case not GateOutcome.Allowed:
                throw new McpProtocolException(outcome.RefusalMessage!, McpErrorCode.InvalidRequest);
        }

        var allowed = (GateOutcome.Allowed)outcome;

        // The source sees the partial value as the data-loss rules left it, as a tool sees its arguments.
        var partial = allowed.Arguments?.TryGetValue(argument, out var value) == true && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var completed = await CompleteAsync(source, request, partial ?? "", cancellationToken).ConfigureAwait(false);
        var governed = gate.Complete(allowed, governedAs, GovernedContents.AsToolResult(completed));
        return Completions(GovernedContents.RedactedCompletionValues(completed, governed)
            ?? throw new McpProtocolException("Completion values refused by the data-loss rules. " + GovernedContents.RefusalText(governed), McpErrorCode.InvalidRequest));
    }

    // At most one value past the limit, so HasMore can be told without keeping them all; none without a source.
    private static async Task<List<string>> CompleteAsync(
        McpCompletionSource? source, RequestContext<CompleteRequestParams> request, string partial, CancellationToken cancellationToken) =>
        source is null
            ? []
            : (await source.Complete(new CompletionInvocation(request, partial), cancellationToken).ConfigureAwait(false))
                .Where(v => v is not null)
                .Take(MaxCompletionValues + 1)
                .ToList();

    private static CompleteResult Completions(List<string> values)
    {
        var hasMore = values.Count > MaxCompletionValues;
        return new CompleteResult
        {
            Completion = new Completion { Values = hasMore ? values.GetRange(0, MaxCompletionValues) : values, HasMore = hasMore },
        };
    }

    private static CompleteResult NoCompletions() => new() { Completion = new Completion { Values = [] } };

    private static IServiceProvider Services(IServiceProvider? requestServices, McpServer server) =>
        requestServices ?? server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
}
