using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Resources;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// <c>codemode.resources</c>: what <c>list()</c> shows (only the resources and templates policy
/// lets this caller read) and what <c>read(uri)</c> does: the same governance as a direct
/// resources/read, the resource governed as the Read tool <c>resource:&lt;name&gt;</c> through
/// <see cref="ToolCallGate"/> (policy, data-loss rules on the template variables and on the
/// contents, rate limits, the audit record the caller has made current).
/// </summary>
internal sealed class CodeModeResources(McpResourceCatalog? catalog, ToolCallGate gate)
{
    /// <summary>The longest URI a script may read; longer ones are refused before any matching.</summary>
    public const int MaxUriLength = 4096;

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>What <c>codemode.resources.list()</c> returns, as JSON: name, uri or uriTemplate, description, mimeType when declared.</summary>
    public string ListJson(CallerIdentity caller)
    {
        var array = new JsonArray();
        foreach (var resource in catalog?.Resources ?? [])
        {
            var descriptor = resource.Descriptor;
            if (!gate.Decide(caller, descriptor.GovernedAs).Allowed)
            {
                continue;
            }

            var entry = new JsonObject { ["name"] = descriptor.Name, [descriptor.IsTemplated ? "uriTemplate" : "uri"] = descriptor.Uri };
            entry["description"] = descriptor.Description;
            if (descriptor.MimeType is not null)
            {
                entry["mimeType"] = descriptor.MimeType;
            }

            array.Add(entry);
        }

        return array.ToJsonString(RelaxedJson);
    }

    /// <summary>
    /// Reads <paramref name="uri"/> for <paramref name="caller"/> as part of the execute call
    /// <paramref name="request"/>; the audit record of this read must already be current.
    /// </summary>
    public async Task<InnerCallOutcome> ReadAsync(
        RequestContext<CallToolRequestParams> request, CallerIdentity caller, string uri, CancellationToken cancellationToken)
    {
        if (uri.Length > MaxUriLength)
        {
            return NotRead($"The URI is {uri.Length} characters long; the limit is {MaxUriLength}.", "uri too long");
        }

        if (catalog is null || !catalog.TryFindResource(uri, out var resource, out var variables))
        {
            return NotRead($"Unknown resource '{Shorten(uri)}': no resource or URI template of this server matches it; codemode.resources.list() shows the ones you can read.", "resource not found");
        }

        var descriptor = resource.Descriptor.GovernedAs;
        using var outcome = await gate.AdmitAsync(
            caller,
            descriptor,
            variables.Count == 0 ? null : variables.ToDictionary(v => v.Key, v => JsonSerializer.SerializeToElement(v.Value), StringComparer.Ordinal),
            cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case GateOutcome.Denied denied:
                return Failed($"denied by policy: {denied.Rule}. {denied.Reason}");
            case not GateOutcome.Allowed:
                // Refused before the resource ran: a data-loss rule on the variables, a rate limit or the audit sink.
                return Failed(outcome.RefusalMessage!);
        }

        var read = await resource.ReadAsync(ReadRequest(request, uri), cancellationToken).ConfigureAwait(false);
        var governed = gate.Complete((GateOutcome.Allowed)outcome, descriptor, GovernedContents.AsToolResult(read));
        return governed.IsError == true
            ? Failed(GovernedContents.RefusalText(governed)) // withheld by a data-loss rule on the contents
            : new InnerCallOutcome(null, ContentsJson(GovernedContents.Redacted(read, governed)), null);
    }

    // The contents as the script sees them: [{ uri, mimeType, text }] or [{ uri, mimeType, blob }] (blob: base64).
    private static string ContentsJson(ReadResourceResult read)
    {
        var array = new JsonArray();
        foreach (var contents in read.Contents)
        {
            var item = new JsonObject { ["uri"] = contents.Uri, ["mimeType"] = contents.MimeType };
            switch (contents)
            {
                case TextResourceContents text:
                    item["text"] = text.Text;
                    break;
                case BlobResourceContents blob:
                    item["blob"] = Encoding.UTF8.GetString(blob.Blob.Span);
                    break;
            }

            array.Add(item);
        }

        return array.ToJsonString(RelaxedJson);
    }

    private static RequestContext<ReadResourceRequestParams> ReadRequest(RequestContext<CallToolRequestParams> request, string uri) =>
        new(request.Server, request.JsonRpcRequest, new ReadResourceRequestParams { Uri = uri })
        {
            Services = request.Services,
            User = request.User,
        };

    private static InnerCallOutcome Failed(string message) => new(message, null, null);

    // A read that never reached the gate is still on the record, as a direct resources/read of it would be.
    private static InnerCallOutcome NotRead(string message, string auditError)
    {
        if (AuditScope.Current is { } record)
        {
            record.Outcome = AuditOutcomes.Failed;
            record.Error = auditError;
        }

        return Failed(message);
    }

    private static string Shorten(string uri) => uri.Length <= 200 ? uri : uri[..200] + "...";
}
