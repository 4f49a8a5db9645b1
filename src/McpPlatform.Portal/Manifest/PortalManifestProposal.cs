using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting;
using McpPlatform.Hosting.CodeMode;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Manifest;

/// <summary>
/// The manifest a reviewer would approve now (<c>mcp-manifest.json</c> beside the approved file): every tool every upstream
/// lists, with the definition it pins (<c>upstream.definitionHash</c>) and the access class proposed for it, in the
/// governed server's manifest format, so <c>mcp-platform manifest diff</c>, <c>review</c> and <c>approve</c> work on it as
/// they do on a built server's. An upstream whose tools are not known right now keeps its approved entries.
/// </summary>
internal sealed class PortalManifestProposal(
    IOptions<McpPlatformOptions> platform,
    IOptions<CodeModeOptions> codeMode,
    IOptions<PolicyOptions> policy,
    EffectiveManifest effective,
    DlpEngine dlp,
    OpenApiOperationPins operations)
{
    /// <summary>The proposal's text (validated by parsing it back), for the live tools by upstream and the approved manifest.</summary>
    /// <exception cref="ManifestFormatException">The proposal is not a valid manifest (a bug, or an upstream definition the format cannot hold).</exception>
    public ManifestDocument Build(IReadOnlyDictionary<string, IReadOnlyList<LiveUpstreamTool>?> liveByUpstream, PortalManifest approved)
    {
        var tools = new List<(string Name, JsonNode Entry)>();
        foreach (var (ns, live) in liveByUpstream)
        {
            if (live is null)
            {
                tools.AddRange(ApprovedEntries(approved, ns));
                continue;
            }

            tools.AddRange(live.Select(tool => (tool.OfferedName, (JsonNode)Entry(tool))));
        }

        // The OpenAPI upstreams' operations as read at start-up, each pinned with its openapi section.
        tools.AddRange(operations.Live.Select(operation => (operation.Descriptor.Name, (JsonNode)Entry(operation))));

        var identity = ServerIdentity.Describe(platform.Value);
        var manifest = new JsonObject
        {
            ["manifestVersion"] = ManifestFiles.FormatVersion,
            ["server"] = new JsonObject { ["name"] = identity.Name, ["version"] = identity.Version },
            ["codeMode"] = new JsonObject { ["enabled"] = codeMode.Value.Enabled, ["default"] = codeMode.Value.Default },
            ["governance"] = EffectiveGovernance.ToJson(effective.Governance),
            ["tools"] = new JsonArray([.. tools.DistinctBy(t => t.Name, StringComparer.Ordinal).OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => t.Entry)]),
        };
        manifest["hash"] = ManifestDocument.ComputeHash(JsonSerializer.SerializeToElement(manifest));
        return ManifestDocument.Parse(manifest.ToJsonString(), ManifestFiles.ManifestFileName);
    }

    /// <summary>Writes the proposal when its content differs from the file's (so an unchanged portal leaves the file alone).</summary>
    public static bool Write(ManifestDocument proposal, string path)
    {
        var text = proposal.ToIndentedJson();
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true); // a reader never sees half a manifest
        return true;
    }

    private JsonObject Entry(LiveUpstreamTool tool)
    {
        var access = ManifestNames.Access(tool.Access);
        var entry = new JsonObject { ["name"] = tool.OfferedName };
        if (!string.IsNullOrEmpty(tool.Tool.Title))
        {
            entry["title"] = tool.Tool.Title;
        }

        var inputSchema = tool.Tool.InputSchema.ValueKind == JsonValueKind.Object
            ? tool.Tool.InputSchema
            : JsonSerializer.SerializeToElement(new JsonObject { ["type"] = "object" });
        entry["description"] = tool.OfferedDescription;
        entry["toolSet"] = tool.Namespace;
        entry["access"] = access;
        entry["annotations"] = Annotations(tool, access);
        entry["requiredScopes"] = Strings(RequiredScopes(access));
        entry["grantedBy"] = Strings(GrantedBy(tool.OfferedName, tool.Namespace, access));
        entry["inputSchema"] = JsonNode.Parse(inputSchema.GetRawText());
        entry["inputSchemaHash"] = CanonicalJson.Sha256(inputSchema);
        if (tool.Tool.OutputSchema is { ValueKind: JsonValueKind.Object } output)
        {
            entry["outputSchema"] = JsonNode.Parse(output.GetRawText());
        }

        entry["secrets"] = new JsonArray();
        entry["dataRules"] = DataRules(tool.OfferedName, tool.Namespace);
        entry["codeMode"] = new JsonObject { ["exposed"] = codeMode.Value.Enabled, ["name"] = CodeModeNames.Sanitize(tool.OfferedName) };
        entry["upstream"] = new JsonObject { ["namespace"] = tool.Namespace, ["tool"] = tool.UpstreamName, ["definitionHash"] = tool.DefinitionHash };
        return entry;
    }

    /// <summary>
    /// An OpenAPI operation's entry, as a built server's manifest lists its documents' operations (the generator's
    /// OpenApiTools): the class from the method and the access overrides, the operation's security scopes required on top
    /// of policy's, the credential's secret name (never its value), and the <c>openapi</c> section.
    /// </summary>
    private JsonObject Entry(LiveOpenApiOperation operation)
    {
        var tool = operation.Descriptor;
        var access = ManifestNames.Access(tool.Access);
        var annotations = new JsonObject { ["readOnly"] = access == "read" };
        if (access != "read")
        {
            annotations["destructive"] = access == "destructive";
        }

        if (tool.Idempotent is { } idempotent)
        {
            annotations["idempotent"] = idempotent;
        }

        if (tool.OpenWorld is { } openWorld)
        {
            annotations["openWorld"] = openWorld;
        }

        var inputSchema = JsonNode.Parse(tool.InputSchema)!;
        var entry = new JsonObject
        {
            ["name"] = tool.Name,
            ["description"] = tool.Description,
            ["toolSet"] = tool.ToolSet,
            ["access"] = access,
            ["annotations"] = annotations,
            ["requiredScopes"] = Strings(RequiredScopes(access).Concat(tool.Scopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            ["grantedBy"] = Strings(GrantedBy(tool.Name, tool.ToolSet, access)),
            ["inputSchema"] = inputSchema,
            ["inputSchemaHash"] = CanonicalJson.Sha256(JsonSerializer.SerializeToElement(inputSchema)),
        };
        if (tool.OutputSchema is { } output)
        {
            var outputSchema = JsonNode.Parse(output)!;
            entry["outputSchema"] = outputSchema;
            entry["outputSchemaHash"] = CanonicalJson.Sha256(JsonSerializer.SerializeToElement(outputSchema));
        }

        entry["secrets"] = Strings(tool.Secrets.Order(StringComparer.Ordinal));
        entry["dataRules"] = DataRules(tool.Name, tool.ToolSet);
        entry["codeMode"] = new JsonObject { ["exposed"] = codeMode.Value.Enabled, ["name"] = CodeModeNames.Sanitize(tool.Name) };
        var http = tool.Http!;
        var openApi = new JsonObject { ["namespace"] = operation.Namespace, ["method"] = http.Method, ["path"] = http.Path };
        if (http.OperationId is { } operationId)
        {
            openApi["operationId"] = operationId;
        }

        openApi["scopes"] = Strings(tool.Scopes.Order(StringComparer.Ordinal));
        openApi["documentHash"] = operation.DocumentHash;
        entry["openapi"] = openApi;
        return entry;
    }

    /// <summary>The data rules the portal's DLP engine applies to the tool (a rule on <c>thirdparty_*</c> shows on that upstream's tools only).</summary>
    private JsonArray DataRules(string name, string toolSet) =>
        [.. dlp.DataRulesFor(name, toolSet).Select(rule => (JsonNode)new JsonObject
        {
            ["name"] = rule.Name,
            ["arguments"] = ManifestNames.DataAction(rule.Arguments),
            ["results"] = ManifestNames.DataAction(rule.Results),
        })];

    /// <summary>The hints the portal publishes for the tool: from its access class (what governance enforces), and the upstream's idempotent/open-world hints.</summary>
    private static JsonObject Annotations(LiveUpstreamTool tool, string access)
    {
        var annotations = new JsonObject { ["readOnly"] = access == "read" };
        if (access != "read")
        {
            annotations["destructive"] = access == "destructive";
        }

        if (tool.Tool.Annotations?.IdempotentHint is { } idempotent)
        {
            annotations["idempotent"] = idempotent;
        }

        if (tool.Tool.Annotations?.OpenWorldHint is { } openWorld)
        {
            annotations["openWorld"] = openWorld;
        }

        return annotations;
    }

    /// <summary>As the generator writes them: the read scope, plus the write or destructive scope.</summary>
    private List<string> RequiredScopes(string access)
    {
        var scopes = new List<string> { policy.Value.ReadScope };
        if (access != "read")
        {
            scopes.Add(access == "write" ? policy.Value.WriteScope : policy.Value.DestructiveScope);
        }

        return [.. scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>default-read (Read tools, when on) and every rule granting the tool's class on it (exact name, <c>*</c>, <c>ns/*</c>, <c>ns_*</c>).</summary>
    private List<string> GrantedBy(string name, string toolSet, string access)
    {
        var names = new List<string>();
        if (access == "read" && policy.Value.DefaultRead)
        {
            names.Add("default-read");
        }

        foreach (var rule in policy.Value.Rules ?? [])
        {
            var grants = rule.Access.Any(a => string.Equals(a.Trim(), access, StringComparison.OrdinalIgnoreCase));
            var covers = rule.Tools.Any(pattern => ToolPatterns.Matches(pattern, name, toolSet));
            if (grants && covers)
            {
                names.Add(rule.Name);
            }
        }

        return [.. names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static IEnumerable<(string Name, JsonNode Entry)> ApprovedEntries(PortalManifest approved, string ns)
    {
        if (approved.Approved is not { } manifest || !manifest.Manifest.Root.TryGetProperty("tools", out var tools))
        {
            yield break;
        }

        foreach (var entry in tools.EnumerateArray())
        {
            if (entry.TryGetProperty("upstream", out var upstream) && upstream.TryGetProperty("namespace", out var owner)
                && owner.ValueKind == JsonValueKind.String && owner.GetString() == ns && entry.TryGetProperty("name", out var name))
            {
                yield return (name.GetString()!, JsonNode.Parse(entry.GetRawText())!);
            }
        }
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
}
