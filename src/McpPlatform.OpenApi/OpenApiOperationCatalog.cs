using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace McpPlatform.OpenApi;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document (JSON or YAML) with Microsoft.OpenApi and returns its operations as
/// <see cref="ApiOperation"/>s, in document order (path, then method). Everything is checked up front: a document
/// the reader rejects, an unsupported version, or a reference that does not resolve throws one
/// <see cref="OpenApiDocumentException"/> listing every problem with its file and JSON pointer.
/// </summary>
public static class OpenApiOperationCatalog
{
    /// <summary>Descriptions are capped so a verbose document cannot flood a tool list.</summary>
    public const int MaxDescriptionLength = 1024;

    // The order HTTP methods are visited in within one path: fixed, so names de-duplicate the same way every build.
    private static readonly string[] MethodOrder = ["GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "DELETE", "QUERY"];

    /// <summary>Reads the document at <paramref name="path"/> and returns its operations.</summary>
    /// <param name="path">A <c>.json</c>, <c>.yaml</c> or <c>.yml</c> file.</param>
    /// <param name="overrides">Access classes set by a reviewer; <see cref="OpenApiAccessOverrides.None"/> when null.</param>
    /// <exception cref="OpenApiDocumentException">The document cannot become operations.</exception>
    public static IReadOnlyList<ApiOperation> Load(string path, OpenApiAccessOverrides? overrides = null)
    {
        var document = Read(path);
        var problems = new List<OpenApiProblem>();
        var schemas = new OpenApiSchemas(document, path, problems);
        var operations = new List<ApiOperation>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (template, pathItem) in (document.Paths ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var pathPointer = "#/paths/" + OpenApiSchemas.EscapeToken(template);
            foreach (var (method, operation) in (pathItem.Operations ?? []).OrderBy(o => MethodRank(o.Key.Method)).ThenBy(o => o.Key.Method, StringComparer.Ordinal))
            {
                var verb = method.Method.ToUpperInvariant();
                var pointer = pathPointer + "/" + verb.ToLowerInvariant();
                var idName = operation.OperationId is { } id ? OperationNames.Sanitize(id) : "";
                var name = OperationNames.Unique(idName.Length > 0 ? idName : OperationNames.FromMethodAndPath(verb, template), taken);
                var tags = operation.Tags?.Select(t => t.Name).OfType<string>().ToList() ?? [];
                var input = OperationInput.Build(schemas, pathItem.Parameters, operation, pathPointer, pointer, path, problems);
                operations.Add(new ApiOperation
                {
                    Name = name,
                    OperationId = operation.OperationId,
                    Description = Describe(operation, verb, template),
                    Method = verb,
                    Path = template,
                    Tags = tags,
                    Access = AccessOf(verb, operation.OperationId, name, tags, overrides ?? OpenApiAccessOverrides.None),
                    Scopes = OperationScopes.Of(document, operation),
                    Parameters = input.Parameters,
                    InputSchema = input.Schema.ToJsonString(),
                    OutputSchema = OutputSchema(schemas, operation, pointer)?.ToJsonString(),
                    Pointer = pointer,
                });
            }
        }

        if (problems.Count > 0)
        {
            throw new OpenApiDocumentException(problems);
        }

        return operations;
    }

    private static OpenApiDocument Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new OpenApiDocumentException([new(path, "#", "The file does not exist.", OpenApiProblemKind.FileMissing)]);
        }

        var settings = new OpenApiReaderSettings { RuleSet = ClientRules() };
        settings.AddYamlReader();
        var format = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => OpenApiConstants.Json,
            ".yaml" or ".yml" => OpenApiConstants.Yaml,
            _ => throw new OpenApiDocumentException([new(path, "#", "The file must end in .json, .yaml or .yml.", OpenApiProblemKind.UnsupportedExtension)]),
        };

        ReadResult result;
        try
        {
            using var stream = new MemoryStream(File.ReadAllBytes(path));
            result = OpenApiModelFactory.Load(stream, format, settings);
        }
        catch (Exception error) when (error is JsonException or FormatException or ArgumentException or OpenApiException or InvalidOperationException)
        {
            // Text that is not JSON/YAML at all fails in the reader before any diagnostic exists.
            throw new OpenApiDocumentException([new(path, "#", $"Not a readable {format.ToUpperInvariant()} document: {error.Message}", OpenApiProblemKind.Unreadable)]);
        }

        var problems = (result.Diagnostic?.Errors ?? [])
            .Select(e => new OpenApiProblem(path, string.IsNullOrEmpty(e.Pointer) ? "#" : e.Pointer, e.Message))
            .ToList();
        var version = result.Diagnostic?.SpecificationVersion;
        if (problems.Count == 0 && version is not (OpenApiSpecVersion.OpenApi3_0 or OpenApiSpecVersion.OpenApi3_1))
        {
            var named = version == OpenApiSpecVersion.OpenApi2_0 ? "Swagger 2.0" : $"OpenAPI {version}";
            problems.Add(new(path, "#", $"{named} is not supported: use an OpenAPI 3.0 or 3.1 document.", OpenApiProblemKind.UnsupportedVersion));
        }

        if (problems.Count > 0 || result.Document is null)
        {
            throw new OpenApiDocumentException(problems.Count > 0 ? problems : [new(path, "#", "The reader returned no document.")]);
        }

        return result.Document;
    }

    // The reader's default rules, less one that only matters to a server routing requests: "/orgs/{org}/x/{id}" and
    // "/orgs/{org}/x/{name}" are ambiguous to a router, but a client calls each operation by its own template.
    // GitHub's published description (api.github.com.json) has two such pairs and is otherwise valid.
    private static ValidationRuleSet ClientRules()
    {
        var rules = ValidationRuleSet.GetDefaultRuleSet();
        rules.Remove(nameof(OpenApiPathsRules.PathMustBeUnique)); // by name: the property makes a new rule on every read
        return rules;
    }

    private static int MethodRank(string method)
    {
        var index = Array.IndexOf(MethodOrder, method.ToUpperInvariant());
        return index < 0 ? MethodOrder.Length : index;
    }

    private static string Describe(Microsoft.OpenApi.OpenApiOperation operation, string verb, string template)
    {
        var parts = new[] { operation.Summary?.Trim(), operation.Description?.Trim() }
            .Where(p => !string.IsNullOrEmpty(p))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var text = parts.Count > 0 ? string.Join("\n\n", parts) : $"{verb} {template}";
        return text.Length <= MaxDescriptionLength ? text : text[..(MaxDescriptionLength - 1)].TrimEnd() + "…";
    }

    private static ToolAccess AccessOf(string verb, string? operationId, string name, IReadOnlyList<string> tags, OpenApiAccessOverrides overrides)
    {
        if ((operationId is not null && overrides.ByOperation.TryGetValue(operationId, out var access))
            || overrides.ByOperation.TryGetValue(name, out access))
        {
            return access;
        }

        foreach (var tag in tags)
        {
            if (overrides.ByTag.TryGetValue(tag, out access))
            {
                return access;
            }
        }

        return verb switch
        {
            "GET" or "HEAD" or "OPTIONS" or "TRACE" => ToolAccess.Read,
            "DELETE" => ToolAccess.Destructive,
            // POST, PUT, PATCH, and any method the table does not know: assume it changes something.
            _ => ToolAccess.Write,
        };
    }

    private static JsonNode? OutputSchema(OpenApiSchemas schemas, Microsoft.OpenApi.OpenApiOperation operation, string pointer)
    {
        // "200" before "201" before "2XX": the most specific success the document describes.
        foreach (var (status, response) in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (OperationInput.JsonMedia(response.Content) is { } media && media.Value.Schema is { } schema)
            {
                var mediaPointer = $"{pointer}/responses/{status}/content/{OpenApiSchemas.EscapeToken(media.Key)}/schema";
                return schemas.Resolve(schema, mediaPointer);
            }
        }

        return null;
    }
}
