using System.Text.Json;
using McpPlatform.Governance.Snippets;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace McpPlatform.Build;

/// <summary>
/// Checks the project's snippets (<c>&lt;McpSnippet Include="snippets/*.js" /&gt;</c>, docs/snippets.md): each file's doc
/// comment (<see cref="SnippetSource"/>) and script (<see cref="SnippetScript"/>, Jint's parser), every problem an error
/// with the file, line and column; names unique. Writes what the source generator lists in the manifest
/// (<c>snippets.mcp-snippets.json</c>, only when its bytes change) and returns each file with the place it is shipped to,
/// <c>snippets/&lt;name&gt;.js</c>.
/// </summary>
public sealed class CheckMcpSnippets : Microsoft.Build.Utilities.Task
{
    /// <summary>The folder the scripts are copied to, under the build and publish output.</summary>
    public const string OutputFolder = "snippets";

    /// <summary>The name of the file the generator reads.</summary>
    public const string DescriptionFileName = "snippets" + SnippetsFile.Suffix;

    /// <summary>The <c>McpSnippet</c> items.</summary>
    [Required]
    public ITaskItem[] Snippets { get; set; } = [];

    /// <summary>Where <see cref="DescriptionFileName"/> is written (under obj/).</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The checked files, item spec the full path, with <c>Name</c> and <c>OutputRelativePath</c> metadata, in name order.</summary>
    [Output]
    public ITaskItem[] Checked { get; private set; } = [];

    /// <summary>The description file for the generator; empty when nothing was written.</summary>
    [Output]
    public string DescriptionFile { get; private set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var snippets = new List<(SnippetDefinition Snippet, string Path)>();
        foreach (var item in Snippets)
        {
            var path = item.GetMetadata("FullPath");
            if (Check(path) is { } snippet)
            {
                var earlier = snippets.FirstOrDefault(s => s.Snippet.Name == snippet.Name);
                if (earlier.Snippet is not null)
                {
                    Log.LogError(null, SnippetProblem.DuplicateName, null, path, 1, 0, 0, 0,
                        $"The snippet name '{snippet.Name}' is already used by '{earlier.Path}': snippet names must be unique (they become the tool snippet_{snippet.Name}).");
                    continue;
                }

                snippets.Add((snippet, path));
            }
        }

        if (Log.HasLoggedErrors)
        {
            return false;
        }

        var ordered = snippets.OrderBy(s => s.Snippet.Name, StringComparer.Ordinal).ToList();
        Checked = [.. ordered.Select(s =>
        {
            var item = new TaskItem(s.Path);
            item.SetMetadata("Name", s.Snippet.Name);
            item.SetMetadata("OutputRelativePath", $"{OutputFolder}/{s.Snippet.Name}.js");
            return item;
        })];

        var target = Path.Combine(OutputDirectory, DescriptionFileName);
        try
        {
            FileContent.WriteIfChanged(target, SnippetsFile.Write(ordered.Select(s => s.Snippet)));
            DescriptionFile = Path.GetFullPath(target);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            Log.Error("MCPB150", target, $"The snippets could not be written for the source generator: {failure.Message}");
        }

        return !Log.HasLoggedErrors;
    }

    private SnippetDefinition? Check(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            Log.Error(SnippetProblem.MissingDocComment, path, $"The snippet cannot be read: {failure.Message}");
            return null;
        }

        var (snippet, problems) = SnippetSource.Parse(bytes);
        foreach (var problem in problems)
        {
            Log.LogError(null, problem.Code, null, path, problem.Line, problem.Column, 0, 0, problem.Message);
        }

        if (snippet is null)
        {
            return null;
        }

        var script = SnippetScript.Function(snippet.Script);
        if (script.Error is not null)
        {
            var code = script.Error.StartsWith("SyntaxError", StringComparison.Ordinal) ? SnippetProblem.ScriptSyntax : SnippetProblem.NotAFunction;
            Log.LogError(null, code, null, path, script.ErrorLine, script.ErrorColumn, 0, 0, script.Error);
            return null;
        }

        return snippet;
    }
}

/// <summary>The snippets as the source generator reads them (<c>snippets.mcp-snippets.json</c>, an additional file).</summary>
internal static class SnippetsFile
{
    /// <summary>The suffix the generator looks for.</summary>
    public const string Suffix = ".mcp-snippets.json";

    public static byte[] Write(IEnumerable<SnippetDefinition> snippets)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("snippets");
            foreach (var snippet in snippets)
            {
                json.WriteStartObject();
                json.WriteString("name", snippet.Name);
                json.WriteString("tool", snippet.ToolName);
                json.WriteString("description", snippet.Description);
                json.WriteString("access", snippet.Access.ToString().ToLowerInvariant());
                json.WriteString("scriptHash", snippet.ScriptHash);
                json.WritePropertyName("inputSchema");
                json.WriteRawValue(snippet.InputSchema);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
