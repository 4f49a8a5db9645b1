using McpPlatform.Governance;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting;

/// <summary>Fails start-up with a message naming the bad McpPlatform setting.</summary>
internal sealed class McpPlatformOptionsValidator : IValidateOptions<McpPlatformOptions>
{
    public ValidateOptionsResult Validate(string? name, McpPlatformOptions options)
    {
        var failures = new List<string>();
        CheckRoute(failures, nameof(options.Path), options.Path);
        CheckRoute(failures, nameof(options.HealthPath), options.HealthPath);
        if (string.Equals(options.Path, options.HealthPath, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"McpPlatform:Path and McpPlatform:HealthPath must differ (both are '{options.Path}').");
        }

        if (!Enum.IsDefined(options.SessionMode))
        {
            failures.Add($"McpPlatform:SessionMode must be Stateless or Stateful (got '{options.SessionMode}').");
        }

        foreach (var host in options.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains("://", StringComparison.Ordinal) || host.Contains('/'))
            {
                failures.Add($"McpPlatform:AllowedHosts entries are host names such as 'mcp.example.com' or '*.example.com' (got '{host}').");
            }
        }

        foreach (var origin in options.AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.AbsolutePath.Length > 1)
            {
                failures.Add($"McpPlatform:AllowedOrigins entries are origins such as 'https://app.example.com' (got '{origin}').");
            }
        }

        if (options.MaxRequestBodyBytes is < MinRequestBodyBytes or > MaxRequestBodyBytesLimit)
        {
            failures.Add(
                $"McpPlatform:MaxRequestBodyBytes must be between {MinRequestBodyBytes} and {MaxRequestBodyBytesLimit} (it is {options.MaxRequestBodyBytes}): " +
                "it is the largest MCP message the server reads.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Below this an initialize request with client metadata may not fit; above it one message is too large to hold in memory per request.
    private const long MinRequestBodyBytes = 4096;
    private const long MaxRequestBodyBytesLimit = 100L * 1024 * 1024;

    private static void CheckRoute(List<string> failures, string setting, string? route)
    {
        if (string.IsNullOrWhiteSpace(route) || !route.StartsWith('/') || route.Contains('?') || route.Contains('#'))
        {
            failures.Add($"McpPlatform:{setting} must be a route starting with '/' (got '{route}').");
        }
    }
}
