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
        options.Enabled && (options.DevelopmentIssuer.Enabled
            ?? ((environment.IsDevelopment() && string.IsNullOrEmpty(options.Authority)) || IsAuthorizationServerAllowedOutsideDevelopment(options)));

    /// <summary>
    /// Whether the embedded development authorization server runs: where the development issuer is trusted, on by default in
    /// Development; elsewhere only when enabled, allowed outside Development and given an issuer (the validator refuses the rest).
    /// </summary>
    public static bool IsAuthorizationServerEnabled(ResourceServerOptions options, IHostEnvironment environment) =>
        IsEnabled(options, environment)
        && (environment.IsDevelopment()
            ? options.DevelopmentAuthorizationServer.Enabled != false
            : IsAuthorizationServerAllowedOutsideDevelopment(options));

    private static bool IsAuthorizationServerAllowedOutsideDevelopment(ResourceServerOptions options) =>
        options.DevelopmentAuthorizationServer is { Enabled: true, AllowOutsideDevelopment: true, Issuer.Length: > 0 } && string.IsNullOrEmpty(options.Authority);
}
