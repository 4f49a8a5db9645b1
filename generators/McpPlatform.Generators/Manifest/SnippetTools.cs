using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>One snippet as the manifest lists it: the tool <c>snippet_&lt;name&gt;</c> (from the build's description).</summary>
    internal sealed class SnippetTool
    {
        public string Name { get; set; } = "";

        public string Tool { get; set; } = "";

        public string Description { get; set; } = "";

        public string Access { get; set; } = "write";

        public string ScriptHash { get; set; } = "";

        public JsonValue InputSchema { get; set; } = JsonValue.Object();
    }

    /// <summary>
    /// Reads the build's <c>snippets.mcp-snippets.json</c> (CheckMcpSnippets in McpPlatform.Build) and writes each snippet
    /// as a manifest tool in tool set <c>snippets</c>, governed like any tool, with a <c>snippet</c> section (name, scriptHash).
    /// </summary>
    internal static class SnippetTools
    {
        /// <summary>The suffix of the file the build writes.</summary>
        public const string FileSuffix = ".mcp-snippets.json";

        private const string ToolSet = "snippets";

        /// <summary>Every snippet of every file, or the reason a file cannot be read (reported as MCPP034).</summary>
        public static IReadOnlyList<SnippetTool> Read(IEnumerable<SnippetFileModel> files, List<string> problems)
        {
            var tools = new List<SnippetTool>();
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                try
                {
                    var root = LenientJsonReader.Parse(file.Text);
                    var snippets = root.Get("snippets");
                    if (snippets is null || snippets.Kind != JsonKind.Array)
                    {
                        throw new FormatException("'snippets' is missing or not an array");
                    }

                    tools.AddRange(snippets.Items.Select(s => new SnippetTool
                    {
                        Name = Text(s, "name"),
                        Tool = Text(s, "tool"),
                        Description = Text(s, "description"),
                        Access = Text(s, "access"),
                        ScriptHash = Text(s, "scriptHash"),
                        InputSchema = s.Get("inputSchema") is { Kind: JsonKind.Object } schema ? schema : throw new FormatException("'inputSchema' is missing or not an object"),
                    }));
                }
                catch (Exception failure) when (failure is JsonSyntaxException or FormatException)
                {
                    problems.Add($"{file.Path}: {failure.Message}");
                }
            }

            return tools;
        }

        /// <summary>The manifest entry of <paramref name="tool"/>, governed by the project's configuration like a generated tool.</summary>
        public static JsonValue ToManifest(SnippetTool tool, GovernanceConfig config, string codeModeName)
        {
            var annotations = JsonValue.Object().Add("readOnly", JsonValue.Bool(tool.Access == "read"));
            if (tool.Access != "read")
            {
                annotations.Add("destructive", JsonValue.Bool(tool.Access == "destructive"));
            }

            var dataRules = GovernanceRules.DataRules(tool.Tool, ToolSet, config.Dlp).Select(r => JsonValue.Object()
                .Add("name", JsonValue.String(r.Name))
                .Add("arguments", JsonValue.String(r.Arguments))
                .Add("results", JsonValue.String(r.Results)));
            return JsonValue.Object()
                .Add("name", JsonValue.String(tool.Tool))
                .Add("description", JsonValue.String(tool.Description))
                .Add("toolSet", JsonValue.String(ToolSet))
                .Add("access", JsonValue.String(tool.Access))
                .Add("annotations", annotations)
                .Add("requiredScopes", JsonValue.Strings(GovernanceRules.RequiredScopes(tool.Access, config.Policy)))
                .Add("grantedBy", JsonValue.Strings(GovernanceRules.GrantedBy(tool.Tool, ToolSet, tool.Access, config.Policy)))
                .Add("inputSchema", tool.InputSchema)
                .Add("inputSchemaHash", JsonValue.String(ContentHash.Of(tool.InputSchema)))
                .Add("secrets", JsonValue.Strings(Array.Empty<string>()))
                .Add("dataRules", JsonValue.Array(dataRules))
                .Add("codeMode", JsonValue.Object()
                    .Add("exposed", JsonValue.Bool(config.CodeMode.Enabled))
                    .Add("name", JsonValue.String(codeModeName)))
                .Add("snippet", JsonValue.Object()
                    .Add("name", JsonValue.String(tool.Name))
                    .Add("scriptHash", JsonValue.String(tool.ScriptHash)));
        }

        private static string Text(JsonValue value, string name)
        {
            var member = value.Get(name);
            if (member is null || member.Kind != JsonKind.String || string.IsNullOrEmpty(member.Text))
            {
                throw new FormatException($"'{name}' is missing or not a string");
            }

            return member.Text!;
        }
    }
}
