using System.Threading.RateLimiting;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.RateLimiting;

/// <summary>
/// Each upstream's budget of calls per minute across all callers (<c>UpstreamOptions.CallsPerMinute</c>), taken by the gate
/// after the caller's own limits, so a call over it is refused as rate limited (and audited so) before it reaches the upstream.
/// In one process a sliding-window limiter per upstream; with a shared limit store (a fleet on Redis) one window in the
/// store that every replica counts in, so the budget holds for the fleet, not per replica. While the store cannot be
/// reached a write is refused (fail closed) and a read follows <see cref="ISharedLimitStore.ReadsWhenUnavailable"/>.
/// </summary>
internal sealed class UpstreamCallLimits : IToolCallLimit, IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, Budget> _byUpstream = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Budget> _byApi = new(StringComparer.Ordinal);
    private readonly ISharedLimitStore? _shared;

    public UpstreamCallLimits(IOptions<PortalOptions> options, ISharedLimitStore? shared = null)
    {
        _shared = shared;
        foreach (var (ns, upstream) in options.Value.Upstreams.Where(p => p.Value.CallsPerMinute > 0))
        {
            _byUpstream[ns] = new Budget(
                PerMinute(upstream.CallsPerMinute), upstream.CallsPerMinute, "upstream:" + ns,
                $"too many calls to upstream '{ns}' (McpPlatform:Portal:Upstreams:{ns}:CallsPerMinute)");
        }

        foreach (var (ns, api) in options.Value.OpenApiUpstreams.Where(p => p.Value.CallsPerMinute > 0))
        {
            _byApi[ns] = new Budget(
                PerMinute(api.CallsPerMinute), api.CallsPerMinute, "openapi:" + ns,
                $"too many calls to upstream '{ns}' (McpPlatform:Portal:OpenApiUpstreams:{ns}:CallsPerMinute)");
        }
    }

    /// <inheritdoc />
    public (RateLimitLease Lease, string What)? Acquire(CallerIdentity caller, McpToolDescriptor tool) =>
        Find(tool) is { } budget ? (budget.Local.AttemptAcquire(), budget.What) : null;

    /// <inheritdoc />
    public ValueTask<(RateLimitLease Lease, string What)?> AcquireAsync(CallerIdentity caller, McpToolDescriptor tool, bool isRead, CancellationToken cancellationToken)
    {
        if (Find(tool) is not { } budget)
        {
            return new((ValueTuple<RateLimitLease, string>?)null);
        }

        return _shared is null ? new((budget.Local.AttemptAcquire(), budget.What)) : SharedAsync(budget, isRead, cancellationToken);
    }

    private async ValueTask<(RateLimitLease Lease, string What)?> SharedAsync(Budget budget, bool isRead, CancellationToken cancellationToken)
    {
        try
        {
            var take = await _shared!.TakeWindowPermitAsync(budget.SharedKey, budget.Permits, Minute, cancellationToken).ConfigureAwait(false);
            return (SharedLimitLeases.Token(take), budget.What);
        }
        catch (SharedStateUnavailableException)
        {
            // This replica's own window meanwhile, for reads only when so configured: the budget is then per replica again.
            return (isRead && _shared!.ReadsWhenUnavailable == SharedStateReads.Allow ? budget.Local.AttemptAcquire() : SharedLimitLeases.Unavailable(), budget.What);
        }
    }

    // An OpenAPI operation's tool set is its API's namespace.
    private Budget? Find(McpToolDescriptor tool) =>
        tool.Origin == ToolOrigin.Upstream && _byUpstream.TryGetValue(tool.ToolSet, out var upstream) ? upstream
        : tool.Origin == ToolOrigin.OpenApi && _byApi.TryGetValue(tool.ToolSet, out var api) ? api
        : null;

    // Sliding, so a burst cannot straddle two windows and double the rate.
    private static SlidingWindowRateLimiter PerMinute(int permits) => new(new SlidingWindowRateLimiterOptions
    {
        PermitLimit = permits,
        Window = Minute,
        SegmentsPerWindow = 60,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var budget in _byUpstream.Values.Concat(_byApi.Values))
        {
            budget.Local.Dispose();
        }
    }

    private sealed record Budget(RateLimiter Local, int Permits, string SharedKey, string What);
}
