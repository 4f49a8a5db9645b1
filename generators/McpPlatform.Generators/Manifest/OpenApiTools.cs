using System;
using System.Collections.Generic;
using System.Linq;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>One OpenAPI operation as the manifest lists it (from the build's description of the document).</summary>
    internal sealed class OpenApiTool
    {
        public string Name { get; set; } = "";

        public string Namespace { get; set; } = "";

        public string DocumentHash { get; set; } = "";

        /// <summary>The secret name of the API's credential (from the project's appsettings.json), or null without one.</summary>
        public string? Secret { get; set; }

        public string Description { get; set; } = "";

        public string Access { get; set; } = "write";

        public bool? Idempotent { get; set; }

        public bool? OpenWorld { get; set; }

        public string Method { get; set; } = "";

        public string Path { get; set; } = "";

        public string? OperationId { get; set; }

        public List<string> Scopes { get; } = new List<string>();

        public JsonValue InputSchema { get; set; } = JsonValue.Object();

        public JsonValue? OutputSchema { get; set; }
    }

    /// <summary>
    /// Reads the build's <c>&lt;namespace&gt;.mcp-openapi.json</c> files (CheckMcpOpenApi in McpPlatform.Build) and writes
    /// their operations as manifest tools: the members every tool has, plus <c>outputSchemaHash</c> and the
    /// <c>openapi</c> section (namespace, method, path, operationId, scopes, documentHash).
    /// </summary>
    internal static class OpenApiTools
    {
        /// <summary>The suffix of the files the build writes.</summary>
        public const string FileSuffix = ".mcp-openapi.json";

        /// <summary>Every operation of every file, or the reason a file cannot be read (reported as MCPP029).</summary>
        public static IReadOnlyList<OpenApiTool> Read(IEnumerable<OpenApiFileModel> files, List<string> problems)
        {
            var tools = new List<OpenApiTool>();
            foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                try
                {
                    tools.AddRange(ReadFile(LenientJsonReader.Parse(file.Text)));
                }
                catch (Exception failure) when (failure is JsonSyntaxException or FormatException)
                {
                    problems.Add($"{file.Path}: {failure.Message}");
                }
            }

            return tools;
        }

        private static IEnumerable<OpenApiTool> ReadFile(JsonValue root)
        {
            var apiNamespace = Text(root, "namespace");
            var documentHash = Text(root, "documentHash");
            var secret = root.Get("secret")?.Text;
            foreach (var operation in Member(root, "operations", JsonKind.Array).Items)
            {
                var tool = new OpenApiTool
                {
                    Name = Text(operation, "name"),
                    Namespace = apiNamespace,
                    DocumentHash = documentHash,
                    Secret = string.IsNullOrEmpty(secret) ? null : secret,
                    Description = Text(operation, "description"),
                    Access = Text(operation, "access"),
                    Idempotent = Flag(operation, "idempotent"),
                    OpenWorld = Flag(operation, "openWorld"),
                    Method = Text(operation, "method"),
                    Path = Text(operation, "path"),
                    OperationId = operation.Get("operationId")?.Text,
                    InputSchema = Member(operation, "inputSchema", JsonKind.Object),
                    OutputSchema = operation.Get("outputSchema"),
                };
                tool.Scopes.AddRange(Member(operation, "scopes", JsonKind.Array).Items.Select(s => s.Text ?? ""));
                yield return tool;
            }
        }

        /// <summary>The manifest entry of <paramref name="tool"/>, governed by the project's configuration like a generated tool.</summary>
        public static JsonValue ToManifest(OpenApiTool tool, GovernanceConfig config, string codeModeName)
        {
            var annotations = JsonValue.Object().Add("readOnly", JsonValue.Bool(tool.Access == "read"));
            if (tool.Access != "read")
            {
                annotations.Add("destructive", JsonValue.Bool(tool.Access == "destructive"));
            }

            if (tool.Idempotent is { } idempotent)
            {
                annotations.Add("idempotent", JsonValue.Bool(idempotent));
            }

            if (tool.OpenWorld is { } openWorld)
            {
                annotations.Add("openWorld", JsonValue.Bool(openWorld));
            }

            // The gate requires the operation's security scopes on top of what policy requires for the class.
            var requiredScopes = GovernanceRules.RequiredScopes(tool.Access, config.Policy).Concat(tool.Scopes)
                .Distinct(StringComparer.Ordinal).OrderBy(s => s, StringComparer.Ordinal);
            var value = JsonValue.Object()
                .Add("name", JsonValue.String(tool.Name))
                .Add("description", JsonValue.String(tool.Description))
                .Add("toolSet", JsonValue.String(tool.Namespace))
                .Add("access", JsonValue.String(tool.Access))
                .Add("annotations", annotations)
                .Add("requiredScopes", JsonValue.Strings(requiredScopes))
                .Add("grantedBy", JsonValue.Strings(GovernanceRules.GrantedBy(tool.Name, tool.Namespace, tool.Access, config.Policy)))
                .Add("inputSchema", tool.InputSchema)
                .Add("inputSchemaHash", JsonValue.String(ContentHash.Of(tool.InputSchema)));
            if (tool.OutputSchema is { } output)
            {
                value.Add("outputSchema", output).Add("outputSchemaHash", JsonValue.String(ContentHash.Of(output)));
            }

            var dataRules = GovernanceRules.DataRules(tool.Name, tool.Namespace, config.Dlp).Select(r => JsonValue.Object()
                .Add("name", JsonValue.String(r.Name))
                .Add("arguments", JsonValue.String(r.Arguments))
                .Add("results", JsonValue.String(r.Results)));
            var openApi = JsonValue.Object()
                .Add("namespace", JsonValue.String(tool.Namespace))
                .Add("method", JsonValue.String(tool.Method))
                .Add("path", JsonValue.String(tool.Path));
            if (tool.OperationId is { } operationId)
            {
                openApi.Add("operationId", JsonValue.String(operationId));
            }

            openApi.Add("scopes", JsonValue.Strings(tool.Scopes.OrderBy(s => s, StringComparer.Ordinal)))
                .Add("documentHash", JsonValue.String(tool.DocumentHash));
            return value
                .Add("secrets", JsonValue.Strings(tool.Secret is null ? Array.Empty<string>() : new[] { tool.Secret }))
                .Add("dataRules", JsonValue.Array(dataRules))
                .Add("codeMode", JsonValue.Object()
                    .Add("exposed", JsonValue.Bool(config.CodeMode.Enabled))
                    .Add("name", JsonValue.String(codeModeName)))
                .Add("openapi", openApi);
        }

        private static JsonValue Member(JsonValue value, string name, JsonKind kind)
        {
            var member = value.Get(name);
            if (member is null || member.Kind != kind)
            {
                throw new FormatException($"'{name}' is missing or not an {kind.ToString().ToLowerInvariant()}");
            }

            return member;
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

        private static bool? Flag(JsonValue value, string name) => value.Get(name)?.Text switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
    }
}
