namespace McpPlatform.Hosting.Health;

/// <summary>
/// Tags of health checks on the <c>services.AddHealthChecks()</c> builder that <c>MapMcpPlatform</c> reads:
/// <c>/healthz/live</c> runs the checks tagged <see cref="Live"/>; <c>/healthz/ready</c> runs every check.
/// </summary>
public static class PlatformHealthTags
{
    /// <summary>The process is up and should not be restarted; such a check must not depend on anything outside the process.</summary>
    public const string Live = "live";

    /// <summary>The replica can serve: the platform's dependency checks carry it (informational; ready runs every check).</summary>
    public const string Ready = "ready";
}
