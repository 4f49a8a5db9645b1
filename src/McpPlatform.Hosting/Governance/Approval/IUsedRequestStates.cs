using System.Collections.Concurrent;

namespace McpPlatform.Hosting.Governance.Approval;

/// <summary>
/// Remembers which approval <c>requestState</c>s were used, until their deadline, so each admits one call. The default
/// keeps them in this process; with <c>McpPlatform:Redis</c> configured they are kept in Redis
/// (<c>Fleet/RedisUsedRequestStates</c>), so a replay that reaches another replica is refused there too.
/// </summary>
internal interface IUsedRequestStates
{
    /// <summary>True the first time <paramref name="nonce"/> is used; false when it was used before.</summary>
    bool TryUse(string nonce, DateTimeOffset deadline);
}

/// <summary>Used states in this process's memory (one replica, or a fleet without Redis).</summary>
internal sealed class InProcessUsedRequestStates(TimeProvider time) : IUsedRequestStates
{
    private const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    public bool TryUse(string nonce, DateTimeOffset deadline)
    {
        Forget(time.GetUtcNow());
        return _used.TryAdd(nonce, deadline);
    }

    private void Forget(DateTimeOffset now)
    {
        if (_used.Count < MaxRemembered / 2)
        {
            return;
        }

        foreach (var (nonce, deadline) in _used)
        {
            if (deadline < now)
            {
                _used.TryRemove(nonce, out _);
            }
        }
    }
}
