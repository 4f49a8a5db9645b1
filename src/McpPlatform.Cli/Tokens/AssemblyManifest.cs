using McpPlatform.Build;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// Reads the governance manifest the generator embeds in a server assembly
/// (<c>[assembly: AssemblyMetadata("McpPlatform.Manifest", json)]</c>) from its metadata, without loading it:
/// the assembly may target another runtime, and measuring must not run its code.
/// </summary>
internal static class AssemblyManifest
{
    /// <summary>The manifest JSON embedded in <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="TokenInputException">The file is not a .NET assembly, or carries no manifest (or more than one).</exception>
    public static string ReadJson(string assemblyPath)
    {
        IReadOnlyList<string?> values;
        try
        {
            values = ManifestAttributeReader.ReadValues(assemblyPath, ManifestFiles.AssemblyMetadataKey);
        }
        catch (BadImageFormatException e)
        {
            throw new TokenInputException($"'{assemblyPath}' is not a .NET assembly ({e.Message.TrimEnd('.')}).", e);
        }

        return values switch
        {
            [{ Length: > 0 } json] => json,
            [] => throw new TokenInputException(
                $"'{assemblyPath}' has no McpPlatform manifest (no AssemblyMetadata \"{ManifestFiles.AssemblyMetadataKey}\"): "
                + "it is not an McpPlatform server, or was built with a generator that does not embed one. "
                + $"Pass the server's built assembly (bin/<configuration>/<framework>/<name>.dll), its {ManifestFiles.ManifestFileName}, or --url of the running server."),
            [_] => throw new TokenInputException($"'{assemblyPath}' carries an empty McpPlatform manifest."),
            _ => throw new TokenInputException($"'{assemblyPath}' carries {values.Count} McpPlatform manifests; only the generator may add one."),
        };
    }
}
