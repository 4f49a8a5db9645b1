using System.Text.Json;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// Reads a server's tool surfaces without running it: from its built assembly (the embedded manifest), a
/// manifest file (<c>mcp-manifest.json</c>, or an approved one), or a project directory holding its manifest.
/// </summary>
internal static class OfflineSurfaces
{
    private const string WhatToPass =
        "pass a server's built assembly (.dll), its " + ManifestFiles.ManifestFileName + ", its project directory, or --url of the running server";

    /// <summary>The surfaces of the server at <paramref name="path"/>.</summary>
    /// <exception cref="TokenInputException">The path is missing or holds no readable, valid manifest.</exception>
    public static ToolSurfaces Load(string path)
    {
        if (Directory.Exists(path))
        {
            return FromFile(ManifestInDirectory(path));
        }

        if (!File.Exists(path))
        {
            throw new TokenInputException($"'{path}' does not exist; {WhatToPass}.");
        }

        return FromFile(path);
    }

    private static string ManifestInDirectory(string directory)
    {
        var manifest = Path.Combine(directory, ManifestFiles.ManifestFileName);
        if (File.Exists(manifest))
        {
            return manifest;
        }

        var project = Directory.EnumerateFiles(directory, "*.csproj").Select(Path.GetFileName).FirstOrDefault();
        var hint = project is null
            ? WhatToPass
            : $"build the project ({project}) first, the build writes it; or pass the built assembly";
        throw new TokenInputException($"'{directory}' has no {ManifestFiles.ManifestFileName}; {hint}.");
    }

    private static ToolSurfaces FromFile(string path)
    {
        try
        {
            var isAssembly = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase);
            var manifest = isAssembly
                ? ManifestDocument.Parse(AssemblyManifest.ReadJson(path), $"{path} (embedded manifest)")
                : ParseManifestFile(path, File.ReadAllText(path));
            return ManifestToolList.Surfaces(manifest, path);
        }
        catch (ManifestFormatException e)
        {
            throw new TokenInputException($"not a valid McpPlatform manifest: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TokenInputException($"cannot read '{path}': {e.Message}", e);
        }
    }

    private static ManifestDocument ParseManifestFile(string path, string text)
    {
        // An approved manifest wraps the manifest with its approval; measure the manifest inside.
        return IsApprovedManifest(text) ? ApprovedManifest.Parse(text, path).Manifest : ManifestDocument.Parse(text, path);
    }

    private static bool IsApprovedManifest(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("approval", out _);
        }
        catch (JsonException)
        {
            return false; // ManifestDocument.Parse reports the syntax error with its line.
        }
    }
}
