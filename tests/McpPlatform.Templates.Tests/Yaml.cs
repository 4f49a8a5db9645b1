using YamlDotNet.RepresentationModel;

namespace McpPlatform.Templates.Tests;

/// <summary>Reading generated YAML (YamlDotNet's representation model) with failures that say where.</summary>
internal static class Yaml
{
    /// <summary>Every document in the file; throws with the file name when it does not parse.</summary>
    public static IReadOnlyList<YamlNode> LoadAll(string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new Xunit.Sdk.XunitException($"{path} is not valid YAML: {ex.Message}");
        }

        return stream.Documents.Select(d => d.RootNode).ToList();
    }

    public static YamlNode Load(string path) => Assert.Single(LoadAll(path));

    public static YamlMappingNode Map(this YamlNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Get(key), exactMatch: true);

    public static YamlSequenceNode Seq(this YamlNode node, string key) =>
        Assert.IsType<YamlSequenceNode>(node.Get(key), exactMatch: true);

    public static string Str(this YamlNode node, string key) =>
        Assert.IsType<YamlScalarNode>(node.Get(key), exactMatch: true).Value ?? "";

    public static YamlNode Get(this YamlNode node, string key) =>
        node.Find(key) ?? throw new Xunit.Sdk.XunitException($"No '{key}' at {node.Start}: {node}");

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>Every scalar in the tree, keys and values.</summary>
    public static IEnumerable<string> Scalars(this YamlNode node) => node.AllNodes.OfType<YamlScalarNode>().Select(s => s.Value ?? "");
}
