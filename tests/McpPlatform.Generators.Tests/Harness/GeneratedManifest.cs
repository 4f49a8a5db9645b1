using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>Reads the governance manifest the generator put in <c>[assembly: AssemblyMetadata("McpPlatform.Manifest", ...)]</c>.</summary>
internal static class GeneratedManifest
{
    public const string MetadataKey = "McpPlatform.Manifest";

    /// <summary>The manifest text, read from the generated attribute's string literal.</summary>
    public static string ManifestText(this GeneratorRun run)
    {
        var attribute = Assert.Single(
            Assert.Single(run.Result.GeneratedTrees, t => t.FilePath.EndsWith("McpPlatform.GeneratedMcpTools.g.cs", StringComparison.Ordinal)).GetRoot().DescendantNodes().OfType<AttributeSyntax>(),
            a => a.Name.ToString().EndsWith("AssemblyMetadata", StringComparison.Ordinal));
        var arguments = attribute.ArgumentList!.Arguments;
        Assert.Equal(MetadataKey, ((LiteralExpressionSyntax)arguments[0].Expression).Token.ValueText);
        return ((LiteralExpressionSyntax)arguments[1].Expression).Token.ValueText;
    }

    /// <summary>The manifest as JSON.</summary>
    public static JsonObject Manifest(this GeneratorRun run) => JsonNode.Parse(run.ManifestText())!.AsObject();

    /// <summary>The manifest's entry for one tool.</summary>
    public static JsonObject ManifestTool(this GeneratorRun run, string name) =>
        Assert.Single(run.Manifest()["tools"]!.AsArray(), t => (string?)t!["name"] == name)!.AsObject();

    /// <summary>A string array member as a C# array.</summary>
    public static string[] Strings(this JsonNode node, string member) =>
        node[member]!.AsArray().Select(n => (string)n!).ToArray();

    /// <summary>The manifest from the compiled assembly's metadata attribute, as the build task reads it.</summary>
    public static string ManifestFromAssembly(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == MetadataKey).Value!;

    /// <summary>
    /// The contract's canonical form, written independently of the generator: no whitespace, members
    /// sorted by UTF-16 code units, the contract's string escapes, numbers as written.
    /// </summary>
    public static string Canonical(JsonElement element)
    {
        var builder = new StringBuilder();
        Write(builder, element);
        return builder.ToString();
    }

    /// <summary><c>sha256:</c> + lowercase hex of the UTF-8 bytes.</summary>
    public static string Sha256(string canonical) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

    private static void Write(StringBuilder builder, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var members = element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ",");
                    WriteString(builder, members[i].Name);
                    builder.Append(':');
                    Write(builder, members[i].Value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[').AppendJoin(',', element.EnumerateArray().Select(Canonical)).Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, element.GetString()!);
                break;
            default:
                builder.Append(element.GetRawText());
                break;
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4"),
                _ => c.ToString(),
            });
        }

        builder.Append('"');
    }
}
