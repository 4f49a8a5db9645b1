namespace McpPlatform.Governance.RateLimiting;

/// <summary>
/// Limits shared by every replica of a server (a fleet): token buckets and concurrency slots kept in a
/// store all replicas reach (Redis in McpPlatform.Hosting), so a caller gets the configured limit once,
/// not once per replica. Every method is one atomic step in the store. A store that cannot be reached
/// throws <see cref="SharedStateUnavailableException"/>; <see cref="CallerRateLimits"/> then refuses
/// governed calls (fail closed) and treats reads as <see cref="ReadsWhenUnavailable"/> says.
/// </summary>
public interface ISharedLimitStore
{
    /// <summary>What a read does while the store cannot be reached.</summary>
    SharedStateReads ReadsWhenUnavailable { get; }

    /// <summary>Takes one token from the bucket <paramref name="key"/> (created full), refilled as <paramref name="bucket"/> says.</summary>
    ValueTask<SharedTake> TakeTokenAsync(string key, TokenBucketSettings bucket, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to this many tokens of a caller's request budget may be taken from the store at once and spent by this replica
    /// (<see cref="TakeTokensAsync"/>): one round trip per lease instead of per request. 1: every request asks the store.
    /// </summary>
    int RequestLeaseSize => 1;

    /// <summary>
    /// How long a slot taken from the store (<see cref="TryEnterAsync"/>) may be kept by this replica and reused for the
    /// caller's next calls once a call ends (<see cref="LeasedSlots"/>); it must be well under the slot's lifetime in the
    /// store. Zero: every call asks the store.
    /// </summary>
    TimeSpan SlotReuse => TimeSpan.Zero;

    /// <summary>
    /// Whether the store is connected now, as far as this replica knows without asking it: tokens leased earlier are
    /// spent only while it is, so an outage is felt at once, as without a lease.
    /// </summary>
    bool IsConnected => true;

    /// <summary>
    /// Takes between one and <paramref name="most"/> tokens from the bucket <paramref name="key"/> (fewer as the bucket runs
    /// low, so tokens a replica holds unspent stay a small part of the limit); none when it is empty. A store that cannot
    /// lease overrides nothing and hands out one at a time.
    /// </summary>
    async ValueTask<SharedLease> TakeTokensAsync(string key, TokenBucketSettings bucket, int most, CancellationToken cancellationToken = default)
    {
        var take = await TakeTokenAsync(key, bucket, cancellationToken).ConfigureAwait(false);
        return new SharedLease(take.Acquired ? 1 : 0, take.RetryAfter);
    }

    /// <summary>
    /// Takes one permit of <paramref name="permits"/> per sliding <paramref name="window"/> under <paramref name="key"/>,
    /// counted by every replica together (a portal's budget of calls to one upstream).
    /// </summary>
    ValueTask<SharedTake> TakeWindowPermitAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds one of <paramref name="limit"/> slots of <paramref name="key"/> until the returned slot is disposed, or null when
    /// all are taken. A slot of a replica that died is freed by the store when its lifetime ends.
    /// </summary>
    ValueTask<IDisposable?> TryEnterAsync(string key, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// A tool call's admission in one step: a token from <paramref name="tokenKey"/> (<see cref="TakeTokenAsync"/>) and, only
    /// when one was taken, one of <paramref name="slotLimit"/> slots of <paramref name="slotKey"/> (<see cref="TryEnterAsync"/>).
    /// A store that can do both in one round trip overrides this; the default takes two.
    /// </summary>
    async ValueTask<SharedAdmission> AdmitCallAsync(
        string tokenKey, TokenBucketSettings bucket, string slotKey, int slotLimit, CancellationToken cancellationToken = default)
    {
        var take = await TakeTokenAsync(tokenKey, bucket, cancellationToken).ConfigureAwait(false);
        return new SharedAdmission(take, take.Acquired ? await TryEnterAsync(slotKey, slotLimit, cancellationToken).ConfigureAwait(false) : null);
    }
}

/// <summary>The answer of <see cref="ISharedLimitStore.AdmitCallAsync"/>.</summary>
/// <param name="Token">The token bucket's answer.</param>
/// <param name="Slot">The slot held when the token was taken and a slot was free, else null.</param>
public readonly record struct SharedAdmission(SharedTake Token, IDisposable? Slot);

/// <summary>The answer of <see cref="ISharedLimitStore.TakeTokensAsync"/>.</summary>
/// <param name="Granted">How many tokens were taken (0: the bucket is empty).</param>
/// <param name="RetryAfter">When none were: until the next refill.</param>
public readonly record struct SharedLease(int Granted, TimeSpan RetryAfter);

/// <summary>The answer of <see cref="ISharedLimitStore.TakeTokenAsync"/>.</summary>
/// <param name="Acquired">A token was taken.</param>
/// <param name="RetryAfter">When refused: until the next refill.</param>
public readonly record struct SharedTake(bool Acquired, TimeSpan RetryAfter);

/// <summary>What reads do while the shared limit store cannot be reached (<c>McpPlatform:Redis:ReadsWhenUnavailable</c>).</summary>
public enum SharedStateReads
{
    /// <summary>Reads run under this replica's own in-process limits until the store is back.</summary>
    Allow,

    /// <summary>Reads are refused like writes.</summary>
    Refuse,
}

/// <summary>The shared limit store could not be reached or answered with an error.</summary>
public sealed class SharedStateUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
