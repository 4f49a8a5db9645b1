using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace McpPlatform.Hosting;

/// <summary>
/// Puts the platform's outermost middleware first in the pipeline, before routing and
/// authentication: the audit of refused requests (so it sees every final status), then the
/// Host/Origin check.
/// </summary>
internal sealed class PlatformStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        PlatformForwardedHeaders.Use(app); // first: everything after sees the client's scheme, host and address
        app.UseMiddleware<AuditRefusals>();
        app.UseMiddleware<DnsRebindingProtectionMiddleware>();
        next(app);
    };
}
