namespace McpPlatform.Fixtures.Workplace;

/// <summary>
/// The error every fake store raises for an unknown key, so callers see the key they sent: an
/// McpException, the kind of exception whose message the platform passes on to the caller.
/// </summary>
internal static class NotFound
{
    public static ModelContextProtocol.McpException Error(string what, string key) => new($"No {what} has the key '{key}'.");
}
