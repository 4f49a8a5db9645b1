using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace McpPlatform.Hosting.Security;

/// <summary>Puts Host/Origin checking first in the pipeline, before routing reaches /mcp.</summary>
internal sealed class DnsRebindingStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<DnsRebindingProtectionMiddleware>();
        next(app);
    };
}
