using System.Net;
using McpPlatform.Governance;
using McpPlatform.Governance.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Security;

/// <summary>
/// ASP.NET Core's forwarded-headers middleware, first in the pipeline when
/// <c>McpPlatform:ForwardedHeaders:Enabled</c> is on, so the audit, the Host check, the resource
/// URI and the <c>resource_metadata</c> of a challenge see the scheme, host and client address the
/// proxy received. Headers from any address other than the configured proxies are ignored.
/// </summary>
internal static class PlatformForwardedHeaders
{
    public static void Use(IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<IOptions<McpPlatformOptions>>().Value.ForwardedHeaders;
        if (settings.Enabled)
        {
            app.UseForwardedHeaders(Options(settings));
        }
    }

    /// <summary>The middleware's options: only the configured proxies and networks are trusted (its loopback defaults are dropped).</summary>
    public static ForwardedHeadersOptions Options(ForwardedHeadersSettings settings)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = settings.ForwardLimit,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return options;
    }
}
