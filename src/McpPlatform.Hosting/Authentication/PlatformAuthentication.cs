using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;

using McpPlatform.Governance.Authentication;
namespace McpPlatform.Hosting.Authentication;

/// <summary>
/// Registers the OAuth 2.1 resource server: JWT bearer validation and the resource metadata.
/// The read-scope check on the MCP endpoint is <see cref="CallerGate"/>, mapped by MapMcpPlatform.
/// </summary>
internal static class PlatformAuthentication
{
    public static void Add(IServiceCollection services, IConfiguration configuration)
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
        services.AddSingleton<IConfigureOptions<McpAuthenticationOptions>, ResourceMetadataSetup>();

        // Switched off (Development only, validated at start): no authentication middleware at all.
        if (!configuration.GetValue(ResourceServerOptions.SectionName + ":" + nameof(ResourceServerOptions.Enabled), defaultValue: true))
        {
            services.PostConfigure<ResourceServerOptions>(options => options.Enabled = false); // later sources cannot half-enable it
            return;
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = McpAuthenticationDefaults.AuthenticationScheme;
                options.DefaultAuthenticateScheme = JwtBearerDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = JwtBearerDefaults.AuthenticationScheme;
            })
            .AddJwtBearer()
            .AddMcp();
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, MetadataRequestSchemes>());
    }
}
