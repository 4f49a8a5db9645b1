using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Validates the optional <c>resources</c> and <c>prompts</c> arrays of a manifest (docs/governance-manifest.md,
/// "Resources and prompts") with the same strictness as <c>tools</c>: known members only, sorted by name, no
/// duplicates, errors that name the line and the field.
/// </summary>
internal static class ResourcePromptReader
{
    private static readonly string[] ResourceMembers = ["name", "title", "uri", "uriTemplate", "description", "mimeType", "access", "grantedBy"];
    private static readonly string[] PromptMembers = ["name", "title", "description", "arguments", "access", "grantedBy"];
    private static readonly string[] ArgumentMembers = ["name", "description", "required"];

    public static IReadOnlyList<ManifestResource> ReadResources(JsonElement root, string basePath, ManifestFieldReader reader) =>
        ReadOptional(root, basePath, "resources", "resource", reader, ReadResource, r => r.Name);

    public static IReadOnlyList<ManifestPrompt> ReadPrompts(JsonElement root, string basePath, ManifestFieldReader reader) =>
        ReadOptional(root, basePath, "prompts", "prompt", reader, ReadPrompt, p => p.Name);

    // Omitted when the server has none, never empty, so one tool surface has exactly one manifest (and one hash).
    private static IReadOnlyList<T> ReadOptional<T>(
        JsonElement root, string basePath, string member, string noun, ManifestFieldReader reader,
        Func<JsonElement, string, ManifestFieldReader, T> read, Func<T, string> nameOf)
    {
        if (!root.TryGetProperty(member, out var array))
        {
            return [];
        }

        var path = JsonLineMap.Join(basePath, member);
        var items = reader.SortedByName(array, path, noun, element => read(element.Value, element.Path, reader), nameOf);
        return items.Count > 0 ? items : throw reader.Error(path, $"empty; a manifest omits {member} when the server has no {noun}s");
    }

    private static ManifestResource ReadResource(JsonElement resource, string path, ManifestFieldReader reader)
    {
        reader.Object(resource, path, ResourceMembers);
        var name = reader.String(resource, path, "name");
        var uri = reader.OptionalString(resource, path, "uri");
        var template = reader.OptionalString(resource, path, "uriTemplate");
        if (uri is not null && template is not null)
        {
            throw reader.Error(JsonLineMap.Join(path, "uriTemplate"), "a resource has either uri or uriTemplate, not both");
        }

        if (uri is null && template is null)
        {
            throw reader.Error(JsonLineMap.Join(path, "uri"), "missing; expected uri (a fixed URI) or uriTemplate (a URI template with {variable} parts)");
        }

        if (uri is not null && uri.Contains('{', StringComparison.Ordinal))
        {
            throw reader.Error(JsonLineMap.Join(path, "uri"), $"{ManifestFieldReader.Shown(uri)} has a {{variable}} part; a templated resource uses uriTemplate");
        }

        if (template is not null && !HasVariable(template))
        {
            throw reader.Error(JsonLineMap.Join(path, "uriTemplate"), $"{ManifestFieldReader.Shown(template)} has no {{variable}} part; a fixed URI uses uri");
        }

        return new ManifestResource
        {
            Name = name,
            Title = reader.OptionalString(resource, path, "title"),
            Uri = uri,
            UriTemplate = template,
            Description = reader.String(resource, path, "description", allowEmpty: true),
            MimeType = reader.OptionalString(resource, path, "mimeType"),
            GrantedBy = ReadReadAccessAndGrants(resource, path, "reading a resource", reader),
        };
    }

    private static ManifestPrompt ReadPrompt(JsonElement prompt, string path, ManifestFieldReader reader)
    {
        reader.Object(prompt, path, PromptMembers);
        return new ManifestPrompt
        {
            Name = reader.String(prompt, path, "name"),
            Title = reader.OptionalString(prompt, path, "title"),
            Description = reader.String(prompt, path, "description", allowEmpty: true),
            Arguments = ReadArguments(prompt, path, reader),
            GrantedBy = ReadReadAccessAndGrants(prompt, path, "getting a prompt", reader),
        };
    }

    private static List<ManifestPromptArgument> ReadArguments(JsonElement prompt, string path, ManifestFieldReader reader)
    {
        var argumentsPath = JsonLineMap.Join(path, "arguments");
        var array = reader.Required(prompt, path, "arguments", "an array of arguments (possibly empty)");
        reader.Expect(array, argumentsPath, JsonValueKind.Array, "an array of arguments (possibly empty)");
        var arguments = new List<ManifestPromptArgument>();
        foreach (var item in array.EnumerateArray())
        {
            var argumentPath = JsonLineMap.Item(argumentsPath, arguments.Count);
            reader.Object(item, argumentPath, ArgumentMembers);
            var argument = new ManifestPromptArgument(
                reader.String(item, argumentPath, "name"),
                reader.OptionalString(item, argumentPath, "description"),
                reader.Boolean(item, argumentPath, "required"));

            // Parameter order, not sorted: only a repeated name is an error.
            if (arguments.Any(a => string.Equals(a.Name, argument.Name, StringComparison.Ordinal)))
            {
                throw reader.Error(JsonLineMap.Join(argumentPath, "name"), $"the argument {ManifestFieldReader.Shown(argument.Name)} is listed twice");
            }

            arguments.Add(argument);
        }

        return arguments;
    }

    private static IReadOnlyList<string> ReadReadAccessAndGrants(JsonElement entry, string path, string what, ManifestFieldReader reader)
    {
        var accessPath = JsonLineMap.Join(path, "access");
        var access = reader.StringValue(reader.Required(entry, path, "access", "read"), accessPath);
        if (access != "read")
        {
            throw reader.Error(accessPath, $"expected read ({what} changes nothing), found {ManifestFieldReader.Shown(access)}");
        }

        return reader.SortedStrings(entry, path, "grantedBy", optional: false);
    }

    private static bool HasVariable(string template)
    {
        var open = template.IndexOf('{', StringComparison.Ordinal);
        return open >= 0 && template.IndexOf('}', open + 1) > open + 1;
    }
}
