using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Validates a manifest (format version 1) held in a <see cref="JsonElement"/> and builds its model; the element
/// may be a whole file or the <c>manifest</c> member of an approved file (then every path starts with <c>manifest.</c>).
/// </summary>
internal static class ManifestReader
{
    private static readonly string[] RootMembers = ["manifestVersion", "server", "codeMode", "governance", "tools", "resources", "prompts", "hash"];
    private static readonly string[] ServerMembers = ["name", "version"];
    private static readonly string[] CodeModeMembers = ["enabled", "default"];
    private static readonly string[] ToolMembers =
    [
        "name", "title", "description", "toolSet", "access", "annotations", "requiredScopes", "grantedBy", "inputSchema",
        "inputSchemaHash", "outputSchema", "outputSchemaHash", "secrets", "dataRules", "codeMode", ManifestUpstream.MemberName,
        ManifestOpenApi.MemberName, ManifestRevert.MemberName, ManifestSnippet.MemberName,
    ];

    private static readonly string[] DataRuleMembers = ["name", "arguments", "results"];
    private static readonly string[] ToolCodeModeMembers = ["exposed", "name"];
    private static readonly string[] AnnotationMembers = ["readOnly", "destructive", "idempotent", "openWorld"];

    public static ManifestDocument Read(JsonElement root, string basePath, ManifestFieldReader reader)
    {
        reader.Object(root, basePath, RootMembers);
        ReadVersion(root, basePath, reader);

        var serverPath = JsonLineMap.Join(basePath, "server");
        var server = reader.Required(root, basePath, "server", "an object with name and version");
        reader.Object(server, serverPath, ServerMembers);
        var serverModel = new ManifestServer(reader.String(server, serverPath, "name"), reader.String(server, serverPath, "version"));

        var codeModePath = JsonLineMap.Join(basePath, "codeMode");
        var codeMode = reader.Required(root, basePath, "codeMode", "an object with enabled and default");
        reader.Object(codeMode, codeModePath, CodeModeMembers);
        var codeModeModel = new ManifestCodeMode(reader.Boolean(codeMode, codeModePath, "enabled"), ReadCodeModeDefault(codeMode, codeModePath, reader));

        var governance = ReadGovernance(root, basePath, reader);
        var tools = ReadTools(root, basePath, reader);
        var resources = ResourcePromptReader.ReadResources(root, basePath, reader);
        var prompts = ResourcePromptReader.ReadPrompts(root, basePath, reader);

        var hashPath = JsonLineMap.Join(basePath, "hash");
        var hash = reader.String(root, basePath, "hash");
        if (!CanonicalJson.IsHash(hash))
        {
            throw reader.Error(hashPath, "expected sha256: followed by 64 lowercase hex digits");
        }

        var actual = Hash(root, basePath, reader, omitHash: true);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            if (ManifestEarlierForm.Problem(root, omitHash: true, hash, actual, inApprovedFile: basePath.Length > 0) is { } earlier)
            {
                throw reader.EarlierForm(hashPath, earlier);
            }

            throw reader.Tampered(hashPath, $"the content does not match the hash (the file says {hash}, the content hashes to {actual}); "
                + "the manifest was edited after it was generated. Rebuild the project to regenerate it.");
        }

        return new ManifestDocument(reader.SourceName, root.Clone(), serverModel, codeModeModel, tools, resources, prompts, hash, governance);
    }

    private static void ReadVersion(JsonElement root, string basePath, ManifestFieldReader reader)
    {
        var path = JsonLineMap.Join(basePath, "manifestVersion");
        var version = reader.Required(root, basePath, "manifestVersion", $"the number {ManifestFiles.FormatVersion}");
        reader.Expect(version, path, JsonValueKind.Number, $"the number {ManifestFiles.FormatVersion}");
        if (version.GetRawText() != ManifestFiles.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw reader.Error(path, $"unsupported manifest version {version.GetRawText()}; this tool reads version {ManifestFiles.FormatVersion}");
        }
    }

    private static string ReadCodeModeDefault(JsonElement codeMode, string path, ManifestFieldReader reader)
    {
        var value = reader.String(codeMode, path, "default");
        return value is ManifestCodeMode.ToolsDefault or ManifestCodeMode.SearchAndExecuteDefault
            ? value
            : throw reader.Error(JsonLineMap.Join(path, "default"), $"expected {ManifestCodeMode.ToolsDefault} or {ManifestCodeMode.SearchAndExecuteDefault}, found {ManifestFieldReader.Shown(value)}");
    }

    private static List<ManifestTool> ReadTools(JsonElement root, string basePath, ManifestFieldReader reader)
    {
        var array = reader.Required(root, basePath, "tools", "an array of tools");
        return reader.SortedByName(array, JsonLineMap.Join(basePath, "tools"), "tool", element => ReadTool(element.Value, element.Path, reader), t => t.Name);
    }

    private static ManifestTool ReadTool(JsonElement tool, string path, ManifestFieldReader reader)
    {
        reader.Object(tool, path, ToolMembers);
        var accessPath = JsonLineMap.Join(path, "access");
        var accessName = reader.StringValue(reader.Required(tool, path, "access", "read, write or destructive"), accessPath);
        if (!ManifestNames.TryParseAccess(accessName, out var access))
        {
            throw reader.Error(accessPath, $"expected read, write or destructive, found {ManifestFieldReader.Shown(accessName)}");
        }

        var inputPath = JsonLineMap.Join(path, "inputSchema");
        var inputSchema = reader.Required(tool, path, "inputSchema", "a JSON schema object");
        reader.Expect(inputSchema, inputPath, JsonValueKind.Object, "a JSON schema object");
        var inputHashPath = JsonLineMap.Join(path, "inputSchemaHash");
        var inputHash = reader.String(tool, path, "inputSchemaHash");
        if (!CanonicalJson.IsHash(inputHash))
        {
            throw reader.Error(inputHashPath, "expected sha256: followed by 64 lowercase hex digits");
        }

        var actual = Hash(inputSchema, inputPath, reader, omitHash: false);
        if (!string.Equals(actual, inputHash, StringComparison.Ordinal))
        {
            if (ManifestEarlierForm.Problem(inputSchema, omitHash: false, inputHash, actual, inApprovedFile: path.StartsWith("manifest.", StringComparison.Ordinal)) is { } earlier)
            {
                throw reader.EarlierForm(inputHashPath, earlier);
            }

            throw reader.Tampered(inputHashPath, $"does not match inputSchema (the file says {inputHash}, the schema hashes to {actual}); "
                + "the manifest was edited after it was generated. Rebuild the project to regenerate it.");
        }

        JsonElement? outputSchema = null;
        if (tool.TryGetProperty("outputSchema", out var output))
        {
            reader.Expect(output, JsonLineMap.Join(path, "outputSchema"), JsonValueKind.Object, "a JSON schema object");
            outputSchema = output.Clone();
        }

        var outputHash = ReadOutputSchemaHash(tool, path, outputSchema, reader);

        return new ManifestTool
        {
            Name = reader.String(tool, path, "name"),
            Title = reader.OptionalString(tool, path, "title"),
            Description = reader.String(tool, path, "description", allowEmpty: true),
            ToolSet = reader.String(tool, path, "toolSet", allowEmpty: true),
            Access = access,
            RequiredScopes = reader.SortedStrings(tool, path, "requiredScopes", optional: false),
            GrantedBy = reader.SortedStrings(tool, path, "grantedBy", optional: false),
            InputSchema = inputSchema.Clone(),
            InputSchemaHash = inputHash,
            OutputSchema = outputSchema,
            OutputSchemaHash = outputHash,
            Secrets = reader.SortedStrings(tool, path, "secrets", optional: false),
            DataRules = ReadDataRules(tool, path, reader),
            CodeMode = ReadToolCodeMode(tool, path, reader),
            Annotations = ReadAnnotations(tool, path, reader),
            Upstream = ReadUpstream(tool, path, reader),
            OpenApi = ReadOpenApi(tool, path, reader),
            Revert = ReadRevert(tool, path, reader),
            Snippet = ReadSnippet(tool, path, reader),
        };
    }

    // Optional, so manifests approved before governance was recorded can still be read and compared.
    private static ManifestGovernance? ReadGovernance(JsonElement root, string basePath, ManifestFieldReader reader)
    {
        if (!root.TryGetProperty("governance", out var governance))
        {
            return null;
        }

        try
        {
            return ManifestGovernance.Read(governance);
        }
        catch (FormatException e)
        {
            throw reader.Error(JsonLineMap.Join(basePath, "governance"), e.Message);
        }
    }

    private static ManifestToolAnnotations? ReadAnnotations(JsonElement tool, string path, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty("annotations", out var annotations))
        {
            return null;
        }

        var annotationsPath = JsonLineMap.Join(path, "annotations");
        reader.Object(annotations, annotationsPath, AnnotationMembers);
        bool? Optional(string name) => annotations.TryGetProperty(name, out _) ? reader.Boolean(annotations, annotationsPath, name) : null;
        return new ManifestToolAnnotations(reader.Boolean(annotations, annotationsPath, "readOnly"), Optional("destructive"), Optional("idempotent"), Optional("openWorld"));
    }

    // Optional: only a portal's tools come from an upstream, and a manifest without the section hashes as before.
    private static ManifestUpstream? ReadUpstream(JsonElement tool, string path, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty(ManifestUpstream.MemberName, out var upstream))
        {
            return null;
        }

        var upstreamPath = JsonLineMap.Join(path, ManifestUpstream.MemberName);
        reader.Object(upstream, upstreamPath, ManifestUpstream.Members);
        var hash = reader.String(upstream, upstreamPath, "definitionHash");
        if (!CanonicalJson.IsHash(hash))
        {
            throw reader.Error(JsonLineMap.Join(upstreamPath, "definitionHash"), "expected sha256: followed by 64 lowercase hex digits");
        }

        return new ManifestUpstream(reader.String(upstream, upstreamPath, "namespace"), reader.String(upstream, upstreamPath, "tool"), hash);
    }

    // Optional (OpenAPI operations record it): verified like inputSchemaHash, and only beside an outputSchema.
    private static string? ReadOutputSchemaHash(JsonElement tool, string path, JsonElement? outputSchema, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty("outputSchemaHash", out _))
        {
            return null;
        }

        var hashPath = JsonLineMap.Join(path, "outputSchemaHash");
        var hash = reader.String(tool, path, "outputSchemaHash");
        if (outputSchema is not { } schema)
        {
            throw reader.Error(hashPath, "an outputSchemaHash needs an outputSchema");
        }

        if (!CanonicalJson.IsHash(hash))
        {
            throw reader.Error(hashPath, "expected sha256: followed by 64 lowercase hex digits");
        }

        var actual = Hash(schema, JsonLineMap.Join(path, "outputSchema"), reader, omitHash: false);
        if (!string.Equals(actual, hash, StringComparison.Ordinal))
        {
            throw reader.Tampered(hashPath, $"does not match outputSchema (the file says {hash}, the schema hashes to {actual}); "
                + "the manifest was edited after it was generated. Rebuild the project to regenerate it.");
        }

        return hash;
    }

    // Optional: only an OpenAPI document's operations have it, and a manifest without the section hashes as before.
    private static ManifestRevert? ReadRevert(JsonElement tool, string path, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty(ManifestRevert.MemberName, out var section))
        {
            return null;
        }

        var sectionPath = JsonLineMap.Join(path, ManifestRevert.MemberName);
        reader.Object(section, sectionPath, ManifestRevert.Members);
        var fromPath = JsonLineMap.Join(sectionPath, "from");
        var from = reader.Required(section, sectionPath, "from", "an object mapping each argument of the inverse to argument or result");
        reader.Expect(from, fromPath, JsonValueKind.Object, "an object mapping each argument of the inverse to argument or result");
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in from.EnumerateObject())
        {
            var source = reader.StringValue(property.Value, JsonLineMap.Join(fromPath, property.Name));
            if (source is not (ManifestRevert.FromArgument or ManifestRevert.FromResult))
            {
                throw reader.Error(JsonLineMap.Join(fromPath, property.Name), $"expected {ManifestRevert.FromArgument} or {ManifestRevert.FromResult}, found {ManifestFieldReader.Shown(source)}");
            }

            arguments[property.Name] = source;
        }

        return new ManifestRevert(reader.String(section, sectionPath, "tool"), arguments);
    }

    private static ManifestSnippet? ReadSnippet(JsonElement tool, string path, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty(ManifestSnippet.MemberName, out var section))
        {
            return null;
        }

        var sectionPath = JsonLineMap.Join(path, ManifestSnippet.MemberName);
        reader.Object(section, sectionPath, ManifestSnippet.Members);
        var hash = reader.String(section, sectionPath, "scriptHash");
        if (!CanonicalJson.IsHash(hash))
        {
            throw reader.Error(JsonLineMap.Join(sectionPath, "scriptHash"), "expected sha256: followed by 64 lowercase hex digits");
        }

        return new ManifestSnippet(reader.String(section, sectionPath, "name"), hash);
    }

    private static ManifestOpenApi? ReadOpenApi(JsonElement tool, string path, ManifestFieldReader reader)
    {
        if (!tool.TryGetProperty(ManifestOpenApi.MemberName, out var section))
        {
            return null;
        }

        var sectionPath = JsonLineMap.Join(path, ManifestOpenApi.MemberName);
        reader.Object(section, sectionPath, ManifestOpenApi.Members);
        var hash = reader.String(section, sectionPath, "documentHash");
        if (!CanonicalJson.IsHash(hash))
        {
            throw reader.Error(JsonLineMap.Join(sectionPath, "documentHash"), "expected sha256: followed by 64 lowercase hex digits");
        }

        return new ManifestOpenApi(
            reader.String(section, sectionPath, "namespace"),
            reader.String(section, sectionPath, "method"),
            reader.String(section, sectionPath, "path"),
            reader.OptionalString(section, sectionPath, "operationId"),
            reader.SortedStrings(section, sectionPath, "scopes", optional: false),
            hash);
    }

    private static string Hash(JsonElement element, string path, ManifestFieldReader reader, bool omitHash)
    {
        try
        {
            return omitHash ? ManifestDocument.ComputeHash(element) : CanonicalJson.Sha256(element);
        }
        catch (ArgumentException e)
        {
            throw reader.Error(path, e.Message);
        }
    }

    private static List<ManifestDataRule> ReadDataRules(JsonElement tool, string path, ManifestFieldReader reader)
    {
        var rules = new List<ManifestDataRule>();
        var rulesPath = JsonLineMap.Join(path, "dataRules");
        var array = reader.Required(tool, path, "dataRules", "an array of data rules");
        reader.Expect(array, rulesPath, JsonValueKind.Array, "an array of data rules");
        foreach (var item in array.EnumerateArray())
        {
            var rulePath = JsonLineMap.Item(rulesPath, rules.Count);
            reader.Object(item, rulePath, DataRuleMembers);
            var rule = new ManifestDataRule(
                reader.String(item, rulePath, "name"),
                ReadAction(item, rulePath, "arguments", reader),
                ReadAction(item, rulePath, "results", reader));
            if (rules.Any(r => string.Equals(r.Name, rule.Name, StringComparison.Ordinal)))
            {
                throw reader.Error(JsonLineMap.Join(rulePath, "name"), $"the data rule {ManifestFieldReader.Shown(rule.Name)} is listed twice");
            }

            rules.Add(rule);
        }

        return rules;
    }

    private static ManifestDataAction ReadAction(JsonElement rule, string path, string name, ManifestFieldReader reader)
    {
        var value = reader.StringValue(reader.Required(rule, path, name, "block, redact or allow"), JsonLineMap.Join(path, name));
        return ManifestNames.TryParseDataAction(value, out var action)
            ? action
            : throw reader.Error(JsonLineMap.Join(path, name), $"expected block, redact or allow, found {ManifestFieldReader.Shown(value)}");
    }

    private static ManifestToolCodeMode ReadToolCodeMode(JsonElement tool, string path, ManifestFieldReader reader)
    {
        var codeModePath = JsonLineMap.Join(path, "codeMode");
        var codeMode = reader.Required(tool, path, "codeMode", "an object with exposed and name");
        reader.Object(codeMode, codeModePath, ToolCodeModeMembers);
        return new ManifestToolCodeMode(reader.Boolean(codeMode, codeModePath, "exposed"), reader.String(codeMode, codeModePath, "name"));
    }
}
