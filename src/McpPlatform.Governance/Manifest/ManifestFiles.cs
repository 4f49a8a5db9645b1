namespace McpPlatform.Governance.Manifest;

/// <summary>The names the governance manifest is known by, in one place.</summary>
public static class ManifestFiles
{
    /// <summary>The manifest a build writes beside the project.</summary>
    public const string ManifestFileName = "mcp-manifest.json";

    /// <summary>The reviewed copy, committed to source control.</summary>
    public const string ApprovedFileName = "mcp-manifest.approved.json";

    /// <summary>The <c>AssemblyMetadata</c> key under which the generator embeds the manifest JSON in the compiled assembly.</summary>
    public const string AssemblyMetadataKey = "McpPlatform.Manifest";

    /// <summary>The one manifest format version this code reads and writes.</summary>
    public const int FormatVersion = 1;
}
