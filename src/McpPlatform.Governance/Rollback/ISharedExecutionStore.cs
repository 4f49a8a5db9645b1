namespace McpPlatform.Governance.Rollback;

/// <summary>
/// Where a fleet keeps the executions <c>rollback</c> can undo, so any replica can roll back what another ran (Redis in
/// McpPlatform.Hosting). Entries are opaque bytes (<see cref="ExecutionJournalFormat"/>); the store bounds how many it keeps
/// and lets each expire. A store that cannot be reached throws <see cref="RateLimiting.SharedStateUnavailableException"/>.
/// </summary>
public interface ISharedExecutionStore
{
    /// <summary>Stores execution <paramref name="id"/> for <paramref name="lifetime"/>, forgetting the oldest past <paramref name="maxExecutions"/>.</summary>
    ValueTask SaveAsync(string id, byte[] execution, TimeSpan lifetime, int maxExecutions, CancellationToken cancellationToken = default);

    /// <summary>The stored execution <paramref name="id"/>; null when unknown or expired.</summary>
    ValueTask<byte[]?> LoadAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces a stored execution keeping its expiry; nothing when it is gone meanwhile.</summary>
    ValueTask ReplaceAsync(string id, byte[] execution, CancellationToken cancellationToken = default);
}
