using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Snippets;

/// <summary>
/// Reads a snippet file: a <c>/** ... */</c> doc comment first, with <c>@name</c>, <c>@description</c> (or free text
/// before the first tag), optional <c>@access read|write|destructive</c> and optional <c>@input { JSON schema }</c>;
/// then the script, one function expression. The build (McpPlatform.Build's CheckMcpSnippets) and start-up
/// (McpPlatform.Hosting) read it with this one reader, so what was checked and approved is what runs. Every problem of
/// the comment is reported with its line; whether the script parses is the JavaScript parser's job (build and start-up).
/// </summary>
public static class SnippetSource
{
    /// <summary>The prefix of a snippet's tool name.</summary>
    public const string ToolPrefix = "snippet_";

    /// <summary>The tool set of every snippet tool (policy patterns <c>snippets/*</c>, <c>snippet_*</c>).</summary>
    public const string ToolSet = "snippets";

    /// <summary>The longest name: with the prefix, a tool name stays well under MCP's 128 characters.</summary>
    public const int MaxNameLength = 48;

    /// <summary>The schema of a snippet that declares no <c>@input</c>: no arguments.</summary>
    public const string EmptyInputSchema = """{"type":"object","properties":{},"additionalProperties":false}""";

    private static readonly string[] Tags = ["name", "description", "access", "input"];
    private static readonly string[] JsonTypes = ["string", "number", "integer", "boolean", "object", "array", "null"];

    /// <summary>Reads <paramref name="bytes"/> (UTF-8, a BOM allowed): the snippet, or every problem of its doc comment.</summary>
    public static (SnippetDefinition? Snippet, IReadOnlyList<SnippetProblem> Problems) Parse(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var text = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
        var problems = new List<SnippetProblem>();
        var tags = ReadComment(text, problems, out var commentEnd);
        if (tags is null)
        {
            return (null, problems);
        }

        var name = Single(tags, "name", problems);
        var description = Single(tags, "description", problems);
        var accessTag = Single(tags, "access", problems);
        var input = Single(tags, "input", problems);
        var free = tags.FirstOrDefault(t => t.Tag.Length == 0);
        if (free is not null && description is not null && free.Text.Length > 0)
        {
            problems.Add(new(SnippetProblem.BadTag, free.Line, 0, "The comment has text before its first tag and an @description: keep one of them."));
        }

        description ??= free is { Text.Length: > 0 } ? free : null;
        CheckName(name, tags, problems);
        if (description is null || description.Text.Length == 0)
        {
            problems.Add(new(SnippetProblem.MissingDescription, description?.Line ?? 1, 0, "The snippet has no description: add '@description What it does, for the model that picks it.' to the doc comment."));
        }

        var access = ReadAccess(accessTag, problems);
        var (schema, arguments) = ReadInput(input, problems);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        if (text[commentEnd..].Trim().Length == 0)
        {
            problems.Add(new(SnippetProblem.NotAFunction, LineOf(text, commentEnd), 0, "The doc comment is not followed by a script: add one function expression, e.g. async (args) => { ... }."));
            return (null, problems);
        }

        return (new SnippetDefinition
        {
            Name = name!.Text,
            Description = description!.Text,
            Access = access,
            InputSchema = schema!,
            ArgumentNames = arguments,
            Script = text,
            ScriptHash = Hash(bytes),
        }, problems);
    }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of <paramref name="bytes"/>, as the manifest pins a script.</summary>
    public static string Hash(byte[] bytes) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="name"/> can be a snippet's name: an ASCII identifier of at most <see cref="MaxNameLength"/> characters.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private sealed record TagText(string Tag, int Line, string Text);

    /// <summary>The tags of the leading doc comment (free text before the first tag has the empty tag); null when there is no usable comment.</summary>
    private static List<TagText>? ReadComment(string text, List<SnippetProblem> problems, out int commentEnd)
    {
        commentEnd = 0;
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        if (!text.AsSpan(start).StartsWith("/**", StringComparison.Ordinal) || text.AsSpan(start).StartsWith("/**/", StringComparison.Ordinal))
        {
            problems.Add(new(SnippetProblem.MissingDocComment, LineOf(text, start), 0,
                "A snippet starts with its doc comment: /** @name my_snippet @description What it does. @input { \"type\": \"object\", ... } */ followed by the script."));
            return null;
        }

        var end = text.IndexOf("*/", start + 3, StringComparison.Ordinal);
        if (end < 0)
        {
            problems.Add(new(SnippetProblem.MissingDocComment, LineOf(text, start), 0, "The doc comment is not closed with */."));
            return null;
        }

        commentEnd = end + 2;
        var firstLine = LineOf(text, start);
        var lines = text[(start + 3)..end].Split('\n');
        var tags = new List<TagText>();
        string? tag = "";
        var tagLine = firstLine;
        var body = new List<string>();
        var segments = lines.SelectMany((raw, i) => SplitAtTags(StripDecoration(raw)).Select(segment => (Text: segment, Index: i)));
        foreach (var (line, i) in segments)
        {
            if (line.StartsWith('@'))
            {
                Flush();
                var nameEnd = 1;
                while (nameEnd < line.Length && char.IsAsciiLetter(line[nameEnd]))
                {
                    nameEnd++;
                }

                tag = line[1..nameEnd];
                tagLine = firstLine + i;
                if (!Tags.Contains(tag, StringComparer.Ordinal))
                {
                    problems.Add(new(SnippetProblem.BadTag, tagLine, 0, $"Unknown tag '@{tag}': a snippet's doc comment has @name, @description, @access and @input."));
                    tag = null;
                }

                body.Add(line[nameEnd..]);
                continue;
            }

            body.Add(line);
        }

        Flush();
        return tags;

        void Flush()
        {
            if (tag is not null && (tag.Length > 0 || body.Any(b => b.Trim().Length > 0)))
            {
                tags.Add(new TagText(tag, tagLine, string.Join('\n', body.Select(b => b.Trim())).Trim()));
            }

            body.Clear();
        }
    }

    // "/** @name x @description y */" on one line: a known tag after white space starts a new segment. Only the four
    // tags split a line, so an '@' inside a description or a JSON string stays where it is.
    private static IEnumerable<string> SplitAtTags(string line)
    {
        var start = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '@' && char.IsWhiteSpace(line[i - 1]) && Tags.Any(t => IsTagAt(line, i, t)))
            {
                yield return line[start..i];
                start = i;
            }
        }

        yield return line[start..];
    }

    private static bool IsTagAt(string line, int at, string tag) =>
        string.CompareOrdinal(line, at + 1, tag, 0, tag.Length) == 0
        && (at + 1 + tag.Length == line.Length || char.IsWhiteSpace(line[at + 1 + tag.Length]));

    // " * text" -> "text"; the first line of the comment has no star.
    private static string StripDecoration(string line)
    {
        var trimmed = line.TrimEnd('\r').TrimStart();
        if (trimmed.StartsWith('*'))
        {
            trimmed = trimmed[1..];
            if (trimmed.StartsWith(' '))
            {
                trimmed = trimmed[1..];
            }
        }

        return trimmed;
    }

    private static TagText? Single(List<TagText> tags, string tag, List<SnippetProblem> problems)
    {
        var found = tags.Where(t => t.Tag == tag).ToList();
        foreach (var repeated in found.Skip(1))
        {
            problems.Add(new(SnippetProblem.BadTag, repeated.Line, 0, $"@{tag} is given twice (first on line {found[0].Line})."));
        }

        return found.FirstOrDefault();
    }

    private static void CheckName(TagText? name, List<TagText> tags, List<SnippetProblem> problems)
    {
        if (name is null || name.Text.Length == 0)
        {
            problems.Add(new(SnippetProblem.BadTag, name?.Line ?? tags.FirstOrDefault()?.Line ?? 1, 0, "The snippet has no @name: add '@name my_snippet' (it becomes the tool snippet_my_snippet and codemode.snippets.my_snippet)."));
            return;
        }

        if (!IsValidName(name.Text))
        {
            problems.Add(new(SnippetProblem.BadName, name.Line, 0,
                $"@name '{Shown(name.Text)}' is not usable: use letters, digits and _, not starting with a digit, at most {MaxNameLength} characters (it becomes the tool {ToolPrefix}<name> and codemode.snippets.<name>)."));
        }
    }

    private static ToolAccess ReadAccess(TagText? access, List<SnippetProblem> problems)
    {
        if (access is null)
        {
            return ToolAccess.Write;
        }

        switch (access.Text.ToLowerInvariant())
        {
            case "read": return ToolAccess.Read;
            case "write": return ToolAccess.Write;
            case "destructive": return ToolAccess.Destructive;
            default:
                problems.Add(new(SnippetProblem.BadAccess, access.Line, 0, $"@access '{Shown(access.Text)}' is not read, write or destructive."));
                return ToolAccess.Write;
        }
    }

    private static (string? Schema, IReadOnlyList<string> Arguments) ReadInput(TagText? input, List<SnippetProblem> problems)
    {
        if (input is null)
        {
            return (EmptyInputSchema, []);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(input.Text);
        }
        catch (JsonException failure)
        {
            var line = input.Line + (int)(failure.LineNumber ?? 0);
            problems.Add(new(SnippetProblem.InputNotJson, line, 0, $"@input is not JSON: {failure.Message.Split(" Path:", 2)[0]} Write the input schema as JSON, e.g. @input {{ \"type\": \"object\", \"properties\": {{ \"key\": {{ \"type\": \"string\" }} }}, \"required\": [\"key\"] }}."));
            return (null, []);
        }

        using (document)
        {
            var schemaProblems = SchemaProblems(document.RootElement);
            foreach (var problem in schemaProblems)
            {
                problems.Add(new(SnippetProblem.BadInputSchema, input.Line, 0, "@input: " + problem));
            }

            if (schemaProblems.Count > 0)
            {
                return (null, []);
            }

            // Every keyword must be one the call-time check enforces: a reviewer reads the schema as what is enforced.
            var notEnforced = SnippetSchema.Unchecked(document.RootElement);
            foreach (var (path, keyword, problem) in notEnforced)
            {
                var at = keyword.Length == 0 ? -1 : input.Text.IndexOf("\"" + keyword + "\"", StringComparison.Ordinal);
                var line = at < 0 ? input.Line : input.Line + LineOf(input.Text, at) - 1;
                problems.Add(new(SnippetProblem.UncheckedKeyword, line, 0, keyword.Length == 0 ? $"@input at {path}: {problem}." : $"@input at {path}: \"{keyword}\" {problem}. Remove it, or check it in the script."));
            }

            if (notEnforced.Count > 0)
            {
                return (null, []);
            }

            var arguments = document.RootElement.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => p.Name).ToList()
                : [];
            return (document.RootElement.GetRawText(), arguments);
        }
    }

    /// <summary>What makes <paramref name="schema"/> unusable as a snippet's input schema: it must describe an object whose properties are schemas.</summary>
    private static List<string> SchemaProblems(JsonElement schema)
    {
        var problems = new List<string>();
        if (schema.ValueKind != JsonValueKind.Object)
        {
            problems.Add("the input schema must be a JSON object ({ \"type\": \"object\", \"properties\": { ... } }).");
            return problems;
        }

        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            problems.Add("\"type\" must be \"object\": a snippet takes one arguments object.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("properties", out var properties))
        {
            if (properties.ValueKind != JsonValueKind.Object)
            {
                problems.Add("\"properties\" must be an object of schemas.");
            }
            else
            {
                foreach (var property in properties.EnumerateObject())
                {
                    names.Add(property.Name);
                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                    {
                        problems.Add($"property '{Shown(property.Name)}' must be a schema (an object).");
                    }
                    else if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("type", out var propertyType) && !IsTypeKeyword(propertyType))
                    {
                        problems.Add($"property '{Shown(property.Name)}' has a \"type\" that is not one of {string.Join(", ", JsonTypes)} (or an array of them).");
                    }
                }
            }
        }

        if (schema.TryGetProperty("required", out var required))
        {
            if (required.ValueKind != JsonValueKind.Array || required.EnumerateArray().Any(r => r.ValueKind != JsonValueKind.String))
            {
                problems.Add("\"required\" must be an array of property names.");
            }
            else
            {
                foreach (var missing in required.EnumerateArray().Select(r => r.GetString()!).Where(r => !names.Contains(r)))
                {
                    problems.Add($"\"required\" names '{Shown(missing)}', which is not in \"properties\".");
                }
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind is not (JsonValueKind.True or JsonValueKind.False or JsonValueKind.Object))
        {
            problems.Add("\"additionalProperties\" must be true, false or a schema.");
        }

        return problems;
    }

    private static bool IsTypeKeyword(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => JsonTypes.Contains(type.GetString(), StringComparer.Ordinal),
        JsonValueKind.Array => type.GetArrayLength() > 0 && type.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && JsonTypes.Contains(t.GetString(), StringComparer.Ordinal)),
        _ => false,
    };

    private static int LineOf(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private static string Shown(string value) => value.Length <= 60 ? value : value[..60] + "...";
}
