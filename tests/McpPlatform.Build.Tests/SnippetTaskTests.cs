using System.Text.Json;
using Microsoft.Build.Utilities;

namespace McpPlatform.Build.Tests;

/// <summary>
/// CheckMcpSnippets on real files: a good snippet is described for the generator and shipped as snippets/&lt;name&gt;.js;
/// every malformed case is a build error with its own code, the file, and the line (and column for the script).
/// </summary>
public sealed class SnippetTaskTests : IDisposable
{
    private const string Script = "async ({ key }) => {\n  const t = await codemode.get_ticket({ key });\n  return t.title;\n}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-snippet-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_good_snippet_is_described_for_the_generator_and_shipped_under_its_name()
    {
        var path = Write("ticket.js", """
            /**
             * @name ticket_title
             * @description The title of a ticket.
             *   Read from get_ticket.
             * @access read
             * @input { "type": "object", "properties": { "key": { "type": "string" } }, "required": ["key"] }
             */

            """ + Script);
        var task = Task(path);

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));

        var item = Assert.Single(task.Checked);
        Assert.Equal(("ticket_title", "snippets/ticket_title.js"), (item.GetMetadata("Name"), item.GetMetadata("OutputRelativePath")));
        using var description = JsonDocument.Parse(File.ReadAllText(task.DescriptionFile));
        var snippet = Assert.Single(description.RootElement.GetProperty("snippets").EnumerateArray().ToList());
        Assert.Equal("snippet_ticket_title", snippet.GetProperty("tool").GetString());
        Assert.Equal("The title of a ticket.\nRead from get_ticket.", snippet.GetProperty("description").GetString());
        Assert.Equal("read", snippet.GetProperty("access").GetString());
        Assert.Equal(["key"], snippet.GetProperty("inputSchema").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), snippet.GetProperty("scriptHash").GetString());
    }

    [Fact]
    public void Access_defaults_to_write_and_input_to_no_arguments()
    {
        var task = Task(Write("plain.js", "/** Lists things. @name plain */\n" + "async () => 1\n"));

        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        using var description = JsonDocument.Parse(File.ReadAllText(task.DescriptionFile));
        var snippet = description.RootElement.GetProperty("snippets")[0];
        Assert.Equal("write", snippet.GetProperty("access").GetString());
        Assert.False(snippet.GetProperty("inputSchema").GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("// not a doc comment\nasync () => 1\n", "MCPB140", 1, "starts with its doc comment")]
    [InlineData("/** @name open\n@description never closed\nasync () => 1\n", "MCPB140", 1, "not closed")]
    [InlineData("/**\n * @name x\n * @description d\n * @returns nothing\n */\nasync () => 1\n", "MCPB141", 4, "Unknown tag '@returns'")]
    [InlineData("/**\n * @description d\n */\nasync () => 1\n", "MCPB141", 2, "has no @name")]
    [InlineData("/**\n * @name 2fast\n * @description d\n */\nasync () => 1\n", "MCPB142", 2, "@name '2fast' is not usable")]
    [InlineData("/**\n * @name has-dash\n * @description d\n */\nasync () => 1\n", "MCPB142", 2, "@name 'has-dash' is not usable")]
    [InlineData("/**\n * @name x\n */\nasync () => 1\n", "MCPB143", 1, "has no description")]
    [InlineData("/**\n * @name x\n * @description d\n * @access admin\n */\nasync () => 1\n", "MCPB144", 4, "@access 'admin' is not read, write or destructive")]
    [InlineData("/**\n * @name x\n * @description d\n * @input {\n *   \"type\": \"object\",\n *   \"properties\": { key: 1 }\n * }\n */\nasync () => 1\n", "MCPB145", 6, "@input is not JSON")]
    [InlineData("/**\n * @name x\n * @description d\n * @input { \"type\": \"array\" }\n */\nasync () => 1\n", "MCPB146", 4, "\"type\" must be \"object\"")]
    [InlineData("/**\n * @name x\n * @description d\n * @input { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"text\" } } }\n */\nasync () => 1\n", "MCPB146", 4, "property 'a' has a \"type\"")]
    [InlineData("/**\n * @name x\n * @description d\n * @input { \"type\": \"object\", \"required\": [\"b\"] }\n */\nasync () => 1\n", "MCPB146", 4, "\"required\" names 'b'")]
    [InlineData("/**\n * @name x\n * @description d\n * @input {\n *   \"type\": \"object\",\n *   \"properties\": { \"when\": { \"type\": \"string\", \"format\": \"date\" } }\n * }\n */\nasync () => 1\n", "MCPB151", 6, "@input at $.when: \"format\" is not checked when the snippet is called")]
    [InlineData("/**\n * @name x\n * @description d\n * @input { \"type\": \"object\", \"properties\": { \"k\": { \"type\": \"string\", \"pattern\": \"(\" } } }\n */\nasync () => 1\n", "MCPB151", 4, "\"pattern\" is not a regular expression")]
    [InlineData("/**\n * @name x\n * @description d\n */\nasync () => {\n  const a = ;\n}\n", "MCPB148", 6, "SyntaxError")]
    [InlineData("/**\n * @name x\n * @description d\n */\nconst a = 1;\nasync () => a;\n", "MCPB149", 5, "must be one function")]
    [InlineData("/**\n * @name x\n * @description d\n */\n", "MCPB149", 4, "not followed by a script")]
    public void Each_malformed_snippet_is_an_error_with_its_code_file_and_line(string text, string code, int line, string message)
    {
        var path = Write("bad.js", text);
        var task = Task(path);

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal((code, path, line), (error.Code, error.File, error.LineNumber));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(task.Checked);
    }

    [Fact]
    public void A_syntax_error_names_its_column()
    {
        var path = Write("syntax.js", "/**\n * @name x\n * @description d\n */\nasync () => {\n  return 1 +* 2;\n}\n");
        Assert.False(Task(path).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("MCPB148", 6, 13), (error.Code, error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void Two_snippets_with_one_name_are_an_error_naming_both_files()
    {
        var first = Write("a.js", "/** @name same @description one */\nasync () => 1\n");
        var second = Write("b.js", "/** @name same @description two */\nasync () => 2\n");

        Assert.False(Task(first, second).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("MCPB147", second), (error.Code, error.File));
        Assert.Contains($"already used by '{first}'", error.Message, StringComparison.Ordinal);
    }

    private CheckMcpSnippets Task(params string[] paths) => new()
    {
        BuildEngine = _engine,
        Snippets = [.. paths.Select(p => new TaskItem(p))],
        OutputDirectory = Path.Combine(_folder, "obj"),
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
