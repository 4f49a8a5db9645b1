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

    public UpstreamCallLimits(IOptions<PortalOptions> options)
    {
        foreach (var (ns, upstream) in options.Value.Upstreams)
        {
            if (upstream.CallsPerMinute > 0)
            {
                // Sliding, so a burst cannot straddle two windows and double the rate.
                _byUpstream[ns] = new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = upstream.CallsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 60,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            }
        }
    }

    /// <inheritdoc />
    public (RateLimitLease Lease, string What)? Acquire(CallerIdentity caller, McpToolDescriptor tool) =>
        tool.Origin == ToolOrigin.Upstream && _byUpstream.TryGetValue(tool.ToolSet, out var limiter)
            ? (limiter.AttemptAcquire(), $"too many calls to upstream '{tool.ToolSet}' (McpPlatform:Portal:Upstreams:{tool.ToolSet}:CallsPerMinute)")
            : null;

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var limiter in _byUpstream.Values)
        {
            limiter.Dispose();
        }
    }
}
