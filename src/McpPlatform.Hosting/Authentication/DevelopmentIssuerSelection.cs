using McpPlatform.Governance.Authentication;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Whether this server trusts the development issuer, and its key when it does: on by default
/// in Development when no real issuer is configured. Loading creates the per-user key file on
/// first use.
/// </summary>
internal sealed class DevelopmentIssuerSelection(IOptions<ResourceServerOptions> options, IHostEnvironment environment)
{
    private readonly Lazy<DevelopmentIssuer?> _issuer = new(() => IsEnabled(options.Value, environment)
        ? DevelopmentIssuer.LoadOrCreate(options.Value.DevelopmentIssuer.KeyFile)
        : null);

    /// <summary>The development issuer, or null when it is not trusted.</summary>
    public DevelopmentIssuer? Issuer => _issuer.Value;

    public static bool IsEnabled(ResourceServerOptions options, IHostEnvironment environment) =>
        options.Enabled && (options.DevelopmentIssuer.Enabled ?? (environment.IsDevelopment() && string.IsNullOrEmpty(options.Authority)));
}
