namespace McpPlatform.Hosting;

/// <summary>
/// The names under which <c>AddMcpPlatform</c> registers its authentication, beside the app's own schemes and
/// policies: it sets no default scheme, so the app's endpoints keep the app's defaults, and the MCP endpoint names
/// the platform's policy itself.
/// </summary>
public static class McpPlatformAuthenticationDefaults
{
    /// <summary>The platform's JWT bearer scheme (OAuth access tokens for this server's resource URI).</summary>
    public const string AuthenticationScheme = "McpPlatform";

    /// <summary>The authorization policy on the MCP endpoint: an authenticated caller of <see cref="AuthenticationScheme"/>.</summary>
    public const string AuthorizationPolicy = "McpPlatform";
}
