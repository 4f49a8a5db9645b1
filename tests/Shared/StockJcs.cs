using System.Text.Json;

namespace McpPlatform.Testing;

/// <summary>
/// The platform's hashes recomputed by a stock RFC 8785 implementation: eng/node/jcs-hash.mjs, which runs the npm
/// package <c>canonicalize</c> and node's crypto over a file, independently of the .NET code.
/// </summary>
internal static class StockJcs
{
    /// <summary>The manifest's hash and each tool's input schema hash (recorded and recomputed) of a manifest or approved-manifest file.</summary>
    public static Task<JsonElement> ManifestAsync(string file) => RunAsync("manifest", file);

    /// <summary>Each CLEF record's hash (recorded and recomputed): HMAC-SHA256 under <paramref name="key"/> of the canonical array of <paramref name="fields"/>.</summary>
    public static Task<JsonElement> AuditAsync(string file, string key, IEnumerable<string> fields, IEnumerable<string>? whenPresent = null) =>
        RunAsync("audit", file, key, string.Join(',', fields), string.Join(',', whenPresent ?? []));

    private static async Task<JsonElement> RunAsync(params string[] arguments)
    {
        var result = (await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(RepositoryLayout.NodeFolder, "jcs-hash.mjs"), .. arguments],
            RepositoryLayout.NodeFolder,
            environment: null,
            TimeSpan.FromMinutes(1))).EnsureSuccess();
        using var document = JsonDocument.Parse(result.Output.Trim().Split('\n')[^1]);
        return document.RootElement.Clone();
    }
}
