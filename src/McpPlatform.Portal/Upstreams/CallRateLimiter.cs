namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// <see cref="Configuration.UpstreamOptions.CallsPerMinute"/> across all callers: a sliding window of the last minute's
/// call times, so a burst cannot straddle two fixed windows and double the rate. Zero means no limit.
/// </summary>
internal sealed class CallRateLimiter(int callsPerMinute, TimeProvider time)
{
    private readonly Queue<long> _recent = new();
    private readonly Lock _gate = new();

    /// <summary>Takes one call from the budget, or returns false when the last minute's budget is spent.</summary>
    public bool TryAcquire()
    {
        if (callsPerMinute <= 0)
        {
            return true;
        }

        lock (_gate)
        {
            var now = time.GetTimestamp();
            while (_recent.Count > 0 && time.GetElapsedTime(_recent.Peek(), now) >= TimeSpan.FromMinutes(1))
            {
                _recent.Dequeue();
            }

            if (_recent.Count >= callsPerMinute)
            {
                return false;
            }

            _recent.Enqueue(now);
            return true;
        }
    }
}
