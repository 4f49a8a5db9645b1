using System.Threading.RateLimiting;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.RateLimiting;

/// <summary>
/// Each upstream's budget of calls per minute across all callers (<c>UpstreamOptions.CallsPerMinute</c>), taken by the gate
/// after the caller's own limits, so a call over it is refused as rate limited (and audited so) before it reaches the upstream.
/// </summary>
internal sealed class UpstreamCallLimits : IToolCallLimit, IDisposable
{
    private readonly Dictionary<string, RateLimiter> _byUpstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RateLimiter> _byApi = new(StringComparer.Ordinal);

    public UpstreamCallLimits(IOptions<PortalOptions> options)
    {
        foreach (var (ns, upstream) in options.Value.Upstreams.Where(p => p.Value.CallsPerMinute > 0))
        {
            _byUpstream[ns] = PerMinute(upstream.CallsPerMinute);
        }

        foreach (var (ns, api) in options.Value.OpenApiUpstreams.Where(p => p.Value.CallsPerMinute > 0))
        {
            _byApi[ns] = PerMinute(api.CallsPerMinute);
        }
    }

    /// <inheritdoc />
    public (RateLimitLease Lease, string What)? Acquire(CallerIdentity caller, McpToolDescriptor tool)
    {
        if (tool.Origin == ToolOrigin.Upstream && _byUpstream.TryGetValue(tool.ToolSet, out var limiter))
        {
            return (limiter.AttemptAcquire(), $"too many calls to upstream '{tool.ToolSet}' (McpPlatform:Portal:Upstreams:{tool.ToolSet}:CallsPerMinute)");
        }

        // An OpenAPI operation's tool set is its API's namespace.
        return tool.Origin == ToolOrigin.OpenApi && _byApi.TryGetValue(tool.ToolSet, out var api)
            ? (api.AttemptAcquire(), $"too many calls to upstream '{tool.ToolSet}' (McpPlatform:Portal:OpenApiUpstreams:{tool.ToolSet}:CallsPerMinute)")
            : null;
    }

    // Sliding, so a burst cannot straddle two windows and double the rate.
    private static SlidingWindowRateLimiter PerMinute(int permits) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 60,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var limiter in _byUpstream.Values.Concat(_byApi.Values))
        {
            limiter.Dispose();
        }
    }
}
