using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>A manifest file that is missing or unreadable; the message says what to do about it.</summary>
internal sealed class ManifestInputException(string message) : Exception(message);

/// <summary>
/// Finds and loads the manifest files the <c>manifest</c> commands work on. A path may name a file or a project
/// directory (then the standard file name in it); no path means the current directory.
/// </summary>
internal static class ManifestInputs
{
    public const string ApproveHint = "mcp-platform manifest approve --reviewer you@example.com";

    /// <summary>The file to use: <paramref name="path"/> itself, or <paramref name="fileName"/> in that directory (default: the current one).</summary>
    public static string Resolve(string? path, string fileName)
    {
        var candidate = string.IsNullOrEmpty(path) ? "." : path;
        return Directory.Exists(candidate) ? Path.Combine(candidate, fileName) : candidate;
    }

    /// <summary>Loads the current manifest (<c>mcp-manifest.json</c>).</summary>
    public static ManifestDocument LoadManifest(string path) => Load(path, ManifestDocument.Load,
        $"no manifest at '{path}'. Build the project (dotnet build) to generate {ManifestFiles.ManifestFileName}, or pass its path.");

    /// <summary>Loads the approved manifest, or null when the file does not exist and <paramref name="optional"/>.</summary>
    public static ApprovedManifest? LoadApproved(string path, bool optional)
    {
        if (optional && !File.Exists(path) && !Directory.Exists(path))
        {
            return null;
        }

        return Load(path, ApprovedManifest.Load,
            $"no approved manifest at '{path}'. Review the manifest (mcp-platform manifest review --out review.html), "
            + $"approve it ({ApproveHint}) and commit {ManifestFiles.ApprovedFileName}.");
    }

    /// <summary>Loads either kind of file (an approved file has an <c>approval</c> member at the top) as the manifest it holds.</summary>
    public static (ManifestDocument Manifest, ManifestApproval? Approval) LoadEither(string path)
    {
        var text = Load(path, File.ReadAllText, $"'{path}' does not exist.");
        if (LooksApproved(text))
        {
            var approved = ApprovedManifest.Parse(text, path);
            return (approved.Manifest, approved.Approval);
        }

        return (ManifestDocument.Parse(text, path), null);
    }

    private static bool LooksApproved(string text)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(text);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("approval", out _);
        }
        catch (System.Text.Json.JsonException)
        {
            return false; // Parsed again below, which reports the line.
        }
    }

    private static T Load<T>(string path, Func<string, T> load, string missing)
    {
        if (Directory.Exists(path))
        {
            throw new ManifestInputException($"'{path}' is a directory; pass a file.");
        }

        if (!File.Exists(path))
        {
            throw new ManifestInputException(missing);
        }

        try
        {
            return load(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestInputException($"cannot read '{path}': {e.Message}");
        }
    }
}
