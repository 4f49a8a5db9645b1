using McpPlatform.Hosting.Governance.Policy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore.Authentication;

namespace McpPlatform.Hosting.Authentication;

/// <summary>Registers the OAuth 2.1 resource server: JWT bearer validation, resource metadata, the read-scope gate.</summary>
internal static class PlatformAuthentication
{
    /// <summary>The authorization policy on the MCP endpoint: an authenticated caller with the read scope.</summary>
    public const string CallerPolicy = "McpPlatform.Caller";

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
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, InsufficientScopeResultHandler>();

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

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<PolicyOptions>>((authorization, policy) =>
            // No explicit scheme: the default (JWT bearer) already authenticated the request, and naming it
            // here would make the policy evaluator build a second, merged principal per request.
            authorization.AddPolicy(CallerPolicy, builder => builder
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(policy.Value.ReadScope))));
    }
}
