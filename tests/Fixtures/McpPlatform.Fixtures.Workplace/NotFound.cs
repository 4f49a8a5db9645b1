namespace McpPlatform.Fixtures.Workplace;

/// <summary>The error every fake store raises for an unknown key, so callers see the key they sent.</summary>
internal static class NotFound
{
    public static KeyNotFoundException Error(string what, string key) => new($"No {what} has the key '{key}'.");
}
