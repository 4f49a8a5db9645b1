using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace McpPlatform.Build;

/// <summary>
/// Writes the governance manifest the McpPlatform source generator compiled into the server
/// assembly (<c>[assembly: AssemblyMetadata("McpPlatform.Manifest", json)]</c>) to
/// <see cref="ManifestPath"/>, touching the file only when its bytes change so timestamps and
/// incremental builds stay stable. An assembly without the attribute (no tools) writes nothing.
/// </summary>
public sealed class WriteMcpManifest : Microsoft.Build.Utilities.Task
{
    /// <summary>The AssemblyMetadata key the generator uses.</summary>
    public const string MetadataKey = "McpPlatform.Manifest";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The compiled assembly (usually the intermediate assembly under obj/).</summary>
    [Required]
    public string AssemblyPath { get; set; } = "";

    /// <summary>Where to write the manifest, e.g. <c>$(MSBuildProjectDirectory)/mcp-manifest.json</c>.</summary>
    [Required]
    public string ManifestPath { get; set; } = "";

    /// <summary>True when the file was created or its content changed by this run.</summary>
    [Output]
    public bool ManifestChanged { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        if (!File.Exists(AssemblyPath))
        {
            Error("MCPB001", $"The compiled assembly '{AssemblyPath}' does not exist, so the governance manifest cannot be read from it.");
            return false;
        }

        IReadOnlyList<string?> values;
        try
        {
            values = ManifestAttributeReader.ReadValues(AssemblyPath, MetadataKey);
        }
        catch (Exception failure) when (failure is BadImageFormatException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            Error("MCPB002", $"The assembly '{AssemblyPath}' could not be read as a .NET assembly: {failure.Message}");
            return false;
        }

        if (values.Count == 0)
        {
            Log.LogMessage(MessageImportance.Low, $"No governance manifest in '{AssemblyPath}' (no [McpTool] methods, or the McpPlatform generator did not run); '{ManifestPath}' is not written.");
            return true;
        }

        if (values.Count > 1)
        {
            Error("MCPB003", $"The assembly '{AssemblyPath}' carries {values.Count} AssemblyMetadata attributes with the key '{MetadataKey}'; only the McpPlatform generator may add it, once.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(values[0]))
        {
            Error("MCPB004", $"The '{MetadataKey}' AssemblyMetadata attribute in '{AssemblyPath}' is empty.");
            return false;
        }

        var manifest = values[0]!;
        var bytes = Utf8NoBom.GetBytes(manifest.EndsWith('\n') ? manifest : manifest + "\n");
        try
        {
            ManifestChanged = FileContent.WriteIfChanged(ManifestPath, bytes);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Error("MCPB005", $"The governance manifest could not be written to '{ManifestPath}' (McpPlatformManifestPath): {failure.Message}");
            return false;
        }

        Log.LogMessage(
            ManifestChanged ? MessageImportance.Normal : MessageImportance.Low,
            ManifestChanged ? $"Governance manifest written to '{ManifestPath}'." : $"Governance manifest '{ManifestPath}' is up to date.");
        return true;
    }

    private void Error(string code, string message) => Log.Error(code, file: null, message);
}
