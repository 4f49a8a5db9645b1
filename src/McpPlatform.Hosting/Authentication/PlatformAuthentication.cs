using McpPlatform.Governance.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Registers the OAuth 2.1 resource server: JWT bearer validation under the platform's own scheme name and the
/// policy requiring it. MapMcpPlatform puts that policy on the MCP endpoint, maps the resource metadata
/// (<see cref="ProtectedResourceMetadataEndpoint"/>) and the read-scope check (<see cref="CallerGate"/>).
/// </summary>
internal static class PlatformAuthentication
{
    public static void Add(IServiceCollection services, IConfiguration configuration, Microsoft.Extensions.Hosting.IHostEnvironment environment)
    {
        services.AddOptions<ResourceServerOptions>()
            .Bind(configuration.GetSection(ResourceServerOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ResourceServerOptions>, ResourceServerOptionsValidator>();
        services.AddSingleton<CallerIdentityResolver>();
        services.AddSingleton<DevelopmentIssuerSelection>();
        services.AddSingleton<ValidatedTokenCache>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();

        // Switched off (Development only, validated at start): no authentication middleware at all.
        if (!configuration.GetValue(ResourceServerOptions.SectionName + ":" + nameof(ResourceServerOptions.Enabled), defaultValue: true))
        {
            services.PostConfigure<ResourceServerOptions>(options => options.Enabled = false); // later sources cannot half-enable it
            return;
        }

        // Named, never a default: the app's own schemes keep deciding for the app's endpoints, and the MCP endpoint
        // asks for this scheme through the policy MapMcpPlatform puts on it.
        services.AddAuthentication().AddJwtBearer(McpPlatformAuthenticationDefaults.AuthenticationScheme);
        EmbeddedAuthorizationServer.Add(services, configuration, environment);
        services.AddAuthorizationBuilder().AddPolicy(McpPlatformAuthenticationDefaults.AuthorizationPolicy, policy => policy
            .AddAuthenticationSchemes(McpPlatformAuthenticationDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
    }
}
