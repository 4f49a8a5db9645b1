using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Emitting;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>The governance manifest text (docs/governance-manifest.md, format version 1) and its hash.</summary>
    internal sealed record GovernanceManifest(string Json, string Hash);

    /// <summary>
    /// Builds the governance manifest from the tools and the project's configuration. Members in
    /// the contract's order, tools sorted by name, string arrays sorted; the document, the tools
    /// array and each tool one member per line, everything else on one line.
    /// </summary>
    internal static class ManifestBuilder
    {
        public const int FormatVersion = 1;

        public static GovernanceManifest Build(
            IReadOnlyList<ToolModel> tools,
            ServerInfo server,
            GovernanceConfig config,
            IReadOnlyDictionary<string, string> codeModeNames,
            EmittedMembers? members = null,
            IReadOnlyList<OpenApiTool>? openApiTools = null,
            IReadOnlyDictionary<string, RevertLink>? reverts = null,
            IReadOnlyList<SnippetTool>? snippets = null)
        {
            var expanded = new HashSet<JsonValue>();
            var document = JsonValue.Object()
                .Add("manifestVersion", JsonValue.Literal(FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Add("server", JsonValue.Object().Add("name", JsonValue.String(server.Name)).Add("version", JsonValue.String(server.Version)))
                .Add("codeMode", JsonValue.Object()
                    .Add("enabled", JsonValue.Bool(config.CodeMode.Enabled))
                    .Add("default", JsonValue.String(config.CodeMode.Default)))
                .Add("governance", GovernanceSection.Build(config, expanded));

            // Generated tools and OpenAPI operations in one list, sorted by name: a reviewer reads one tool surface.
            var toolValues = tools
                .Select(t => (t.Name, Value: Tool(t, config, codeModeNames[t.Name], reverts is not null && reverts.TryGetValue(t.Name, out var revert) ? revert : null)))
                .Concat((openApiTools ?? Array.Empty<OpenApiTool>()).Select(o => (o.Name, Value: OpenApiTools.ToManifest(o, config, codeModeNames[o.Name]))))
                .Concat((snippets ?? Array.Empty<SnippetTool>()).Select(s => (Name: s.Tool, Value: SnippetTools.ToManifest(s, config, codeModeNames[s.Tool]))))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => t.Value)
                .ToList();
            var toolArray = JsonValue.Array(toolValues);
            document.Add("tools", toolArray);
            expanded.Add(document);
            expanded.Add(toolArray);
            foreach (var tool in toolValues)
            {
                expanded.Add(tool);
            }

            // Omitted when empty, so the manifests of tool-only servers stay exactly as they were.
            if (members is not null && members.Resources.Count > 0)
            {
                AddExpanded(document, "resources", members.Resources
                    .OrderBy(r => r.Name, StringComparer.Ordinal)
                    .Select(r => MemberManifest.Resource(r, config)), expanded);
            }

            if (members is not null && members.Prompts.Count > 0)
            {
                AddExpanded(document, "prompts", members.Prompts
                    .OrderBy(p => p.Name, StringComparer.Ordinal)
                    .Select(p => MemberManifest.Prompt(p, config)), expanded);
            }

            var hash = ContentHash.Of(document);
            document.Add("hash", JsonValue.String(hash));
            return new GovernanceManifest(JsonTextWriter.Pretty(document, expanded) + "\n", hash);
        }

        private static void AddExpanded(JsonValue document, string name, IEnumerable<JsonValue> entries, HashSet<JsonValue> expanded)
        {
            var values = entries.ToList();
            var array = JsonValue.Array(values);
            document.Add(name, array);
            expanded.Add(array);
            foreach (var value in values)
            {
                expanded.Add(value);
            }
        }

        /// <summary>
        /// The annotations the server sends in tools/list (GeneratedMcpTool): readOnly from the access class,
        /// destructive for write tools, idempotent and openWorld as declared (omitted when not declared, as the server omits them).
        /// </summary>
        private static JsonValue Annotations(ToolModel tool, string access)
        {
            var value = JsonValue.Object().Add("readOnly", JsonValue.Bool(access == "read"));
            if (access != "read")
            {
                value.Add("destructive", JsonValue.Bool(access == "destructive"));
            }

            if (tool.Idempotent is { } idempotent)
            {
                value.Add("idempotent", JsonValue.Bool(idempotent));
            }

            if (tool.OpenWorld is { } openWorld)
            {
                value.Add("openWorld", JsonValue.Bool(openWorld));
            }

            return value;
        }

        private static JsonValue Tool(ToolModel tool, GovernanceConfig config, string codeModeName, RevertLink? revert)
        {
            var access = GovernanceRules.AccessName(tool.Access);
            var value = JsonValue.Object().Add("name", JsonValue.String(tool.Name));
            if (!string.IsNullOrEmpty(tool.Title))
            {
                value.Add("title", JsonValue.String(tool.Title!));
            }

            var inputSchema = LenientJsonReader.Parse(SchemaWriter.InputSchema(tool));
            value.Add("description", JsonValue.String(tool.Description ?? string.Empty))
                .Add("toolSet", JsonValue.String(tool.ToolSet))
                .Add("access", JsonValue.String(access))
                .Add("annotations", Annotations(tool, access))
                .Add("requiredScopes", JsonValue.Strings(GovernanceRules.RequiredScopes(access, config.Policy)))
                .Add("grantedBy", JsonValue.Strings(GovernanceRules.GrantedBy(tool.Name, tool.ToolSet, access, config.Policy)))
                .Add("inputSchema", inputSchema)
                .Add("inputSchemaHash", JsonValue.String(ContentHash.Of(inputSchema)));
            if (SchemaWriter.OutputSchema(tool) is { } outputSchema)
            {
                value.Add("outputSchema", LenientJsonReader.Parse(outputSchema));
            }

            var secrets = tool.Parameters
                .Where(p => p.Source == ParameterSource.Secret && p.SecretName is not null)
                .Select(p => p.SecretName!)
                .Distinct(StringComparer.Ordinal)
                .OrderBy(s => s, StringComparer.Ordinal);
            var dataRules = GovernanceRules.DataRules(tool.Name, tool.ToolSet, config.Dlp).Select(r => JsonValue.Object()
                .Add("name", JsonValue.String(r.Name))
                .Add("arguments", JsonValue.String(r.Arguments))
                .Add("results", JsonValue.String(r.Results)));
            value
                .Add("secrets", JsonValue.Strings(secrets))
                .Add("dataRules", JsonValue.Array(dataRules))
                .Add("codeMode", JsonValue.Object()
                    .Add("exposed", JsonValue.Bool(config.CodeMode.Enabled))
                    .Add("name", JsonValue.String(codeModeName)));

            // Only on tools that declare an inverse, so every other tool's entry (and the manifest hash) stays as it was.
            if (revert is not null)
            {
                value.Add("revert", Revert(revert));
            }

            return value;
        }

        /// <summary>The <c>revert</c> member: the inverse tool and where each of its arguments comes from, sorted by argument.</summary>
        private static JsonValue Revert(RevertLink revert)
        {
            var from = JsonValue.Object();
            foreach (var argument in revert.Arguments.OrderBy(a => a.Argument, StringComparer.Ordinal))
            {
                from.Add(argument.Argument, JsonValue.String(argument.Source));
            }

            return JsonValue.Object().Add("tool", JsonValue.String(revert.Tool)).Add("from", from);
        }
    }
}
