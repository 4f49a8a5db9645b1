using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Portal.Fleet;

/// <summary>
/// What the other portal replicas hold in quarantine, as last read from Redis by <see cref="PortalFleetSync"/>; registered
/// only when <c>McpPlatform:Redis:Configuration</c> is set. The admission rule reads it on every call, so it is a snapshot in
/// memory (no I/O on the call path). While the snapshot is not fresh (Redis unreachable, or not read yet since start-up),
/// Write and Destructive upstream tools are refused (fail closed) and Read tools follow <c>ReadsWhenUnavailable</c>.
/// </summary>
internal sealed class FleetQuarantine(TimeSpan holdLifetime, SharedStateReads readsWhenUnavailable, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private volatile Snapshot _snapshot = new(new Dictionary<string, string>(StringComparer.Ordinal), null, DateTimeOffset.MinValue);

    /// <summary>How long a hold lasts in Redis without renewal.</summary>
    public TimeSpan HoldLifetime { get; } = holdLifetime;

    /// <summary>What Read tools do while the fleet's state is unknown.</summary>
    public SharedStateReads ReadsWhenUnavailable { get; } = readsWhenUnavailable;

    /// <summary>Why this replica's approved manifest is not the fleet's (newest) one; null when it is, or not known yet.</summary>
    public string? ManifestProblem => _snapshot.ManifestProblem;

    /// <summary>Whether the last read from Redis succeeded within <see cref="HoldLifetime"/>.</summary>
    public bool IsFresh
    {
        get
        {
            var snapshot = _snapshot;
            return !snapshot.Failed && _time.GetUtcNow() - snapshot.ReadAt < HoldLifetime;
        }
    }

    /// <summary>How many times the fleet's state was read (tests wait on it instead of sleeping).</summary>
    public long Reads { get; private set; }

    /// <summary>Why another replica holds <paramref name="tool"/> (e.g. "replica portal-1: description changed since approval"), or null.</summary>
    public string? HeldElsewhere(string tool) => _snapshot.Holds.TryGetValue(tool, out var reason) ? reason : null;

    /// <summary>Replaces the snapshot with what Redis answered.</summary>
    public void Apply(IReadOnlyDictionary<string, string> holdsElsewhere, string? manifestProblem)
    {
        _snapshot = new Snapshot(holdsElsewhere, manifestProblem, _time.GetUtcNow());
        Reads++;
    }

    /// <summary>Redis did not answer: the snapshot is no longer trusted (the holds stay known for the reason text).</summary>
    public void MarkUnavailable()
    {
        var snapshot = _snapshot;
        _snapshot = snapshot with { Failed = true };
        Reads++;
    }

    /// <summary>Asks <see cref="PortalFleetSync"/> to publish this replica's holds now (a hold or release just happened).</summary>
    public void RequestPublish()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another change already asked: one publish carries both.
        }
    }

    /// <summary>Waits for <see cref="RequestPublish"/> or <paramref name="interval"/>, whichever comes first.</summary>
    public Task WaitForChangeAsync(TimeSpan interval, CancellationToken cancellationToken) => _wake.WaitAsync(interval, cancellationToken);

    private sealed record Snapshot(IReadOnlyDictionary<string, string> Holds, string? ManifestProblem, DateTimeOffset ReadAt)
    {
        public bool Failed { get; init; }
    }
}
