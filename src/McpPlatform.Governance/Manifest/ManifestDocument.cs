using System.Text;
using System.Text.Json;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// A parsed, validated governance manifest (<c>mcp-manifest.json</c>, format version 1, docs/governance-manifest.md):
/// the server, the Code Mode switch, every tool with its access class, scopes, grants, schemas, secrets and
/// data rules, and the resources and prompts with their grants. Loading verifies that <c>hash</c> (and each <c>inputSchemaHash</c>) matches the content.
/// </summary>
public sealed class ManifestDocument
{
    private readonly Dictionary<string, ManifestTool> _byName;
    private readonly Dictionary<string, ManifestResource> _resourcesByName;
    private readonly Dictionary<string, ManifestPrompt> _promptsByName;

    internal ManifestDocument(
        string sourceName,
        JsonElement root,
        ManifestServer server,
        ManifestCodeMode codeMode,
        IReadOnlyList<ManifestTool> tools,
        IReadOnlyList<ManifestResource> resources,
        IReadOnlyList<ManifestPrompt> prompts,
        string hash,
        ManifestGovernance? governance = null)
    {
        Governance = governance;
        SourceName = sourceName;
        Root = root;
        Server = server;
        CodeMode = codeMode;
        Tools = tools;
        Resources = resources;
        Prompts = prompts;
        Hash = hash;
        _byName = tools.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _resourcesByName = resources.ToDictionary(r => r.Name, StringComparer.Ordinal);
        _promptsByName = prompts.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>Where the manifest was read from (a path, or a name such as "assembly metadata").</summary>
    public string SourceName { get; }

    /// <summary>The manifest format version (always <see cref="ManifestFiles.FormatVersion"/>).</summary>
    public int ManifestVersion => ManifestFiles.FormatVersion;

    /// <summary>The server the manifest describes.</summary>
    public ManifestServer Server { get; }

    /// <summary>The Code Mode switch.</summary>
    public ManifestCodeMode CodeMode { get; }

    /// <summary>The governance the manifest was generated with; null in a manifest written before it was recorded.</summary>
    internal ManifestGovernance? Governance { get; }

    /// <summary>The tools, sorted by name (ordinal).</summary>
    public IReadOnlyList<ManifestTool> Tools { get; }

    /// <summary>The resources, sorted by name (ordinal); empty when the manifest has none.</summary>
    public IReadOnlyList<ManifestResource> Resources { get; }

    /// <summary>The prompts, sorted by name (ordinal); empty when the manifest has none.</summary>
    public IReadOnlyList<ManifestPrompt> Prompts { get; }

    /// <summary>The verified content hash, <c>sha256:&lt;hex&gt;</c>.</summary>
    public string Hash { get; }

    /// <summary>The whole manifest as parsed (including <c>hash</c>), detached from the source text.</summary>
    public JsonElement Root { get; }

    /// <summary>The text the manifest was parsed from (LF line ends, trimmed) when it was a whole file, so an approval can embed it verbatim.</summary>
    internal string? SourceText { get; private set; }

    /// <summary>The tool with this name, or null.</summary>
    public ManifestTool? FindTool(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The resource with this name, or null.</summary>
    public ManifestResource? FindResource(string name) => _resourcesByName.GetValueOrDefault(name);

    /// <summary>The prompt with this name, or null.</summary>
    public ManifestPrompt? FindPrompt(string name) => _promptsByName.GetValueOrDefault(name);

    /// <summary>Reads and validates a manifest file.</summary>
    /// <exception cref="ManifestFormatException">The file is not a valid manifest; the message names the file, line and field.</exception>
    /// <exception cref="ManifestTamperedException">The content does not match its hash.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="FileNotFoundException"/> when it does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static ManifestDocument Load(string path) => Parse(JsonText.ReadFile(path), path);

    /// <summary>Parses and validates manifest JSON; <paramref name="sourceName"/> is used in error messages.</summary>
    /// <exception cref="ManifestFormatException">The text is not a valid manifest; the message names the source, line and field.</exception>
    /// <exception cref="ManifestTamperedException">The content does not match its hash.</exception>
    public static ManifestDocument Parse(string text, string sourceName)
    {
        var (document, reader) = JsonText.Parse(text, sourceName);
        using (document)
        {
            var manifest = ManifestReader.Read(document.RootElement, string.Empty, reader);
            manifest.SourceText = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim().TrimStart('\ufeff').Trim();
            return manifest;
        }
    }

    /// <summary>
    /// The manifest hash of <paramref name="manifest"/>: <c>sha256:</c> + hex SHA-256 of the canonical form of the
    /// object without its <c>hash</c> member. Used by writers (to fill <c>hash</c>) and by readers (to verify it).
    /// </summary>
    /// <exception cref="ArgumentException">A string in the element is not valid Unicode.</exception>
    public static string ComputeHash(JsonElement manifest)
    {
        if (manifest.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A manifest is a JSON object.", nameof(manifest));
        }

        return CanonicalJson.Sha256(manifest, omitTopLevelMember: "hash");
    }

    /// <summary>The manifest as indented JSON (two spaces, LF, members in source order, final newline).</summary>
    public string ToIndentedJson()
    {
        var text = new StringBuilder();
        JsonText.AppendIndented(text, Root, depth: 0);
        return text.Append('\n').ToString();
    }
}
