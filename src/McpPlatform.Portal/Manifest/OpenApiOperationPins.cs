using System.Text.Json;
using McpPlatform.Governance.Manifest;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Portal.Manifest;

/// <summary>One thing about an OpenAPI upstream's operations the reviewer must hear of: a changed, new or removed operation.</summary>
/// <param name="Namespace">The upstream's namespace.</param>
/// <param name="Tool">The portal's tool name (<c>{namespace}_{operation}</c>).</param>
/// <param name="Change">A short key (<c>changed:&lt;what&gt;</c>, <c>new</c>, <c>removed</c>): the same change is reported once.</param>
/// <param name="Reason">What a reviewer reads.</param>
internal sealed record OpenApiFinding(string Namespace, string Tool, string Change, string Reason);

/// <summary>
/// The portal's pinning of its OpenAPI upstreams, decided once at start-up (the documents cannot change under a running
/// portal), the way <see cref="Quarantine.UpstreamToolWatch"/> decides for MCP upstreams whenever they list their tools:
/// an operation is offered only when the approved manifest lists it (an entry with an <c>openapi</c> section of its
/// namespace) with the same definition; one whose definition changed since approval is held in quarantine with a reason
/// naming what changed; one the approved manifest lacks is never offered; an approved one the document no longer has is
/// reported as removed. Each of those is a <see cref="OpenApiFinding"/>, audited and logged when the portal starts.
/// </summary>
internal sealed class OpenApiOperationPins
{
    private OpenApiOperationPins(
        IReadOnlyList<LiveOpenApiOperation> live, IReadOnlyList<GovernedMcpTool> offered, IReadOnlyDictionary<string, string?> verdicts, IReadOnlyList<OpenApiFinding> findings)
    {
        Live = live;
        Offered = offered;
        Verdicts = verdicts;
        Findings = findings;
    }

    /// <summary>Every allowed operation the documents have now: what the proposal lists.</summary>
    public IReadOnlyList<LiveOpenApiOperation> Live { get; }

    /// <summary>The operations in the catalog: those the approved manifest lists (held ones included, so a call is refused naming the change).</summary>
    public IReadOnlyList<GovernedMcpTool> Offered { get; }

    /// <summary>Per offered tool: null when it matches its approval, else why it is quarantined.</summary>
    public IReadOnlyDictionary<string, string?> Verdicts { get; }

    /// <summary>The changes to report: changed, new and removed operations.</summary>
    public IReadOnlyList<OpenApiFinding> Findings { get; }

    /// <summary>Nothing to pin: a portal without OpenAPI upstreams.</summary>
    public static OpenApiOperationPins None { get; } = new([], [], new Dictionary<string, string?>(), []);

    /// <summary>Compares the operations read now with the approved manifest's entries for <paramref name="namespaces"/>.</summary>
    public static OpenApiOperationPins Compare(IReadOnlyList<LiveOpenApiOperation> live, PortalManifest approved, IReadOnlyCollection<string> namespaces)
    {
        var approvedByName = (approved.Approved?.Manifest.Tools ?? [])
            .Where(tool => tool.OpenApi is { } openApi && namespaces.Contains(openApi.Namespace))
            .ToDictionary(tool => tool.Name, StringComparer.Ordinal);
        var offered = new List<GovernedMcpTool>();
        var verdicts = new Dictionary<string, string?>(StringComparer.Ordinal);
        var findings = new List<OpenApiFinding>();
        foreach (var operation in live)
        {
            var name = operation.Descriptor.Name;
            if (!approvedByName.TryGetValue(name, out var entry) || entry.OpenApi!.Namespace != operation.Namespace)
            {
                findings.Add(new OpenApiFinding(operation.Namespace, name, "new:" + operation.DocumentHash,
                    $"operation '{name}' ({operation.Descriptor.Http?.Method} {operation.Descriptor.Http?.Path}) of OpenAPI upstream '{operation.Namespace}' is not in the approved manifest"));
                continue;
            }

            offered.Add(operation.Tool);
            var changed = Changes(entry, operation);
            if (changed.Count == 0)
            {
                verdicts[name] = null;
                continue;
            }

            var reason = $"{string.Join(" and ", changed)} changed since approval (OpenAPI upstream '{operation.Namespace}', document {operation.DocumentHash}, approved {entry.OpenApi.DocumentHash})";
            verdicts[name] = reason;
            findings.Add(new OpenApiFinding(operation.Namespace, name, "changed:" + string.Join(",", changed), reason));
        }

        var liveNames = live.Select(operation => operation.Descriptor.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in approvedByName.Values.Where(entry => !liveNames.Contains(entry.Name)).OrderBy(entry => entry.Name, StringComparer.Ordinal))
        {
            findings.Add(new OpenApiFinding(entry.OpenApi!.Namespace, entry.Name, "removed",
                $"OpenAPI upstream '{entry.OpenApi.Namespace}' no longer offers {entry.OpenApi} (not in its document or AllowedTools)"));
        }

        return new OpenApiOperationPins(live, offered, verdicts, findings);
    }

    /// <summary>What differs between the approved entry and the operation served now: every field the manifest pins for it.</summary>
    internal static List<string> Changes(ManifestTool approved, LiveOpenApiOperation now)
    {
        var descriptor = now.Descriptor;
        var pinned = approved.OpenApi!;
        var changed = new List<string>();
        if (descriptor.Description != approved.Description)
        {
            changed.Add("description");
        }

        if (CanonicalJson.Sha256(Parse(descriptor.InputSchema)) != approved.InputSchemaHash)
        {
            changed.Add("input schema");
        }

        var output = descriptor.OutputSchema is { } schema ? CanonicalJson.Sha256(Parse(schema)) : null;
        if (output != (approved.OutputSchema is { } approvedOutput ? CanonicalJson.Sha256(approvedOutput) : null))
        {
            changed.Add("output schema");
        }

        if (descriptor.Http is not { } http || http.Method != pinned.Method || http.Path != pinned.Path || http.OperationId != pinned.OperationId)
        {
            changed.Add($"operation (now {descriptor.Http?.Method} {descriptor.Http?.Path}, approved {pinned.Method} {pinned.Path})");
        }

        if (!descriptor.Scopes.Order(StringComparer.Ordinal).SequenceEqual(pinned.Scopes, StringComparer.Ordinal))
        {
            changed.Add("security scopes");
        }

        if (descriptor.Access != approved.Access)
        {
            changed.Add($"access class (now {ManifestNames.Access(descriptor.Access)}, approved {approved.AccessName})");
        }

        if (!descriptor.Secrets.Order(StringComparer.Ordinal).SequenceEqual(approved.Secrets, StringComparer.Ordinal))
        {
            changed.Add("credential secret");
        }

        return changed;
    }

    private static JsonElement Parse(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        return document.RootElement.Clone();
    }
}
