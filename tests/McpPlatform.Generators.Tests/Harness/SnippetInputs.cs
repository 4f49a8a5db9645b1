using System.Text;
using McpPlatform.Build;
using McpPlatform.Governance.Snippets;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Snippets as the build describes them to the generator (CheckMcpSnippets' file) and as a server serves them.</summary>
internal static class SnippetInputs
{
    /// <summary>A snippet file's text: the doc comment and a script that chains two calls.</summary>
    public static string Text(string name, string access = "read", string body = "return (await codemode.get_ticket({ key })).title;", string properties = "\"key\": { \"type\": \"string\" }") =>
        $"/**\n * @name {name}\n * @description Summarises a ticket.\n * @access {access}\n * @input {{ \"type\": \"object\", \"properties\": {{ {properties} }}, \"required\": [\"key\"] }}\n */\nasync ({{ key }}) => {{\n  {body}\n}}\n";

    public static SnippetDefinition Parse(string text)
    {
        var (snippet, problems) = SnippetSource.Parse(Encoding.UTF8.GetBytes(text));
        return snippet ?? throw new InvalidOperationException(string.Join("\n", problems));
    }

    /// <summary>These inputs plus the build's description of <paramref name="texts"/>.</summary>
    public static GeneratorInputs WithSnippets(this GeneratorInputs inputs, params string[] texts) => inputs with
    {
        AdditionalFiles = inputs.AdditionalFiles.Add(new GeneratorInputs.InMemoryAdditionalText(
            "/project/obj/mcp-snippets/" + CheckMcpSnippets.DescriptionFileName,
            Encoding.UTF8.GetString(SnippetsFile.Write(texts.Select(Parse).OrderBy(s => s.Name, StringComparer.Ordinal))))),
    };

    /// <summary>The descriptors a server builds from the files it finds at start-up.</summary>
    public static IReadOnlyList<McpToolDescriptor> Served(params string[] texts) => [.. texts.Select(t => Parse(t).ToDescriptor())];
}
