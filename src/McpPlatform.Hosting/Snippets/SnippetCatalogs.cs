using System.Reflection;
using McpPlatform.Governance.Snippets;
using McpPlatform.Hosting.Tools;

namespace McpPlatform.Hosting.Snippets;

/// <summary>
/// Puts the snippets the server's assemblies were built with into its one tool catalog. The build recorded each as
/// <c>[assembly: AssemblyMetadata("McpPlatform.Snippet", "&lt;name&gt;=snippets/&lt;name&gt;.js")]</c> and shipped the file there;
/// it is read and parsed now, so a script that cannot run fails start-up naming the file and line. The compiled manifest
/// lists the snippets, so the catalog keeps its hash; start-up pinning compares each served script's hash with it.
/// </summary>
internal static class SnippetCatalogs
{
    /// <summary>The AssemblyMetadata key the build records a snippet under.</summary>
    public const string MetadataKey = "McpPlatform.Snippet";

    /// <summary>
    /// The catalog with the snippets of the assemblies of its tools and of the entry assembly; <paramref name="catalog"/>
    /// itself when there are none.
    /// </summary>
    public static McpToolCatalog Include(McpToolCatalog catalog)
    {
        var assemblies = catalog.Tools.Select(t => t.GetType().Assembly).Append(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct();
        var snippets = assemblies.SelectMany(Load).ToList();
        if (snippets.Count == 0)
        {
            return catalog;
        }

        return new McpToolCatalog(catalog.Tools.Concat(snippets))
        {
            ManifestHash = catalog.ManifestHash,
            OpenApiOperationsPinnedByHost = catalog.OpenApiOperationsPinnedByHost,
        };
    }

    /// <summary>The snippets <paramref name="assembly"/> declares, read from under <see cref="AppContext.BaseDirectory"/>.</summary>
    public static IEnumerable<SnippetMcpTool> Load(Assembly assembly)
    {
        var declared = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Where(a => a.Key == MetadataKey).ToList();
        foreach (var attribute in declared.OrderBy(a => a.Value, StringComparer.Ordinal))
        {
            var (name, relative) = Split(attribute.Value, assembly);
            yield return Read(name, Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, relative)));
        }
    }

    /// <summary>Reads one snippet file; every problem throws, naming the file and the line.</summary>
    public static SnippetMcpTool Read(string name, string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The snippet '{name}' cannot be read from '{path}' (the build ships it there): {failure.Message}", failure);
        }

        var (snippet, problems) = SnippetSource.Parse(bytes);
        if (snippet is null)
        {
            throw new InvalidOperationException($"The snippet '{name}' ('{path}') cannot be used:" + string.Concat(problems.Select(p => Environment.NewLine + "  " + path + p)));
        }

        if (snippet.Name != name)
        {
            throw new InvalidOperationException($"The snippet file '{path}' is declared as '{name}' but its doc comment names '{snippet.Name}': it was replaced after the build.");
        }

        var script = SnippetScript.Function(snippet.Script);
        if (script.Function is null)
        {
            throw new InvalidOperationException($"The snippet '{name}' ('{path}({script.ErrorLine},{script.ErrorColumn})') cannot run: {script.Error}");
        }

        return new SnippetMcpTool(snippet, script.Function, script.Line);
    }

    private static (string Name, string Path) Split(string? value, Assembly assembly)
    {
        var parts = (value ?? string.Empty).Split('=', 2);
        if (parts.Length != 2 || !SnippetSource.IsValidName(parts[0]) || Path.IsPathRooted(parts[1]) || parts[1].Split('/', '\\').Contains(".."))
        {
            throw new InvalidOperationException($"The assembly '{assembly.GetName().Name}' declares a snippet as '{value}': expected <name>=snippets/<name>.js under the output folder.");
        }

        return (parts[0], parts[1]);
    }
}
