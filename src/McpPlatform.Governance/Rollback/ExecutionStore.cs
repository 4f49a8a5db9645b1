using System.Collections.Concurrent;
using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// The executions <c>rollback</c> can undo, in process memory: at most <see cref="RollbackOptions.MaxExecutions"/>
/// (the oldest is forgotten first), each for <see cref="RollbackOptions.RetentionMinutes"/>. Only executions that
/// recorded a Write or Destructive call are kept. With a <see cref="ISharedExecutionStore"/> (a fleet on Redis) they are
/// kept there instead, under the same bounds, so a replica can roll back an execution another one ran; while that store
/// cannot be reached an execution is kept here (it can then be rolled back on this replica only).
/// </summary>
public sealed class ExecutionStore(RollbackOptions options, TimeProvider time, ISharedExecutionStore? shared = null)
{
    private readonly ConcurrentDictionary<string, ExecutionJournal> _executions = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ExecutionJournal> _order = new();

    /// <summary>The settings the store applies.</summary>
    public RollbackOptions Options { get; } = options;

    /// <summary>A new, not yet stored journal for one execution of the caller in partition <paramref name="owner"/>.</summary>
    public ExecutionJournal Begin(string owner) => new(owner, Options.MaxCallsPerExecution, time.GetUtcNow());

    /// <summary>Keeps a finished execution when it recorded a call, forgetting the oldest ones past the limit.</summary>
    public void Keep(ExecutionJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (!journal.HasCalls || !_executions.TryAdd(journal.Id, journal))
        {
            return;
        }

        _order.Enqueue(journal);
        while (_executions.Count > Options.MaxExecutions && _order.TryDequeue(out var oldest))
        {
            _executions.TryRemove(oldest.Id, out _);
        }
    }

    /// <summary>Keeps a finished execution (<see cref="Keep"/>), in the shared store when there is one.</summary>
    public async ValueTask KeepAsync(ExecutionJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (shared is null || !journal.HasCalls)
        {
            Keep(journal);
            return;
        }

        var left = TimeSpan.FromMinutes(Options.RetentionMinutes) - (time.GetUtcNow() - journal.Started);
        try
        {
            await shared.SaveAsync(journal.Id, ExecutionJournalFormat.Write(journal), left > TimeSpan.Zero ? left : TimeSpan.FromSeconds(1), Options.MaxExecutions, cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            Keep(journal);
        }
    }

    /// <summary>
    /// <see cref="Find"/> across the fleet: the shared store first (when there is one and it answers), then this process.
    /// </summary>
    public async ValueTask<ExecutionJournal?> FindAsync(string executionId, string owner, CancellationToken cancellationToken = default)
    {
        if (shared is not null && !string.IsNullOrEmpty(executionId))
        {
            try
            {
                if (await shared.LoadAsync(executionId, cancellationToken).ConfigureAwait(false) is { } bytes
                    && ExecutionJournalFormat.Read(executionId, bytes, Options.MaxCallsPerExecution) is { } journal)
                {
                    return string.Equals(journal.Owner, owner, StringComparison.Ordinal)
                        && time.GetUtcNow() - journal.Started <= TimeSpan.FromMinutes(Options.RetentionMinutes) ? journal : null;
                }
            }
            catch (SharedStateUnavailableException)
            {
                // Only what this replica kept during an outage can be found now.
            }
        }

        return Find(executionId, owner);
    }

    /// <summary>
    /// Stores what is left of <paramref name="journal"/> after a rollback (the calls not undone), so a second rollback on
    /// any replica retries only what was not undone (and finds nothing left after a complete one, as in one process).
    /// </summary>
    public async ValueTask UpdateAsync(ExecutionJournal journal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (shared is null)
        {
            return; // the journal in this process is the one the rollback changed
        }

        try
        {
            await shared.ReplaceAsync(journal.Id, ExecutionJournalFormat.Write(journal), cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            // The stored entry keeps the undone calls: a later rollback tries their inverses again (and reports
            // each inverse's own answer, e.g. that what it would delete is already gone).
        }
    }

    /// <summary>
    /// The execution with this id, when it belongs to the caller in <paramref name="owner"/> and is recent enough.
    /// Another caller's execution is answered as unknown, so ids cannot be probed.
    /// </summary>
    public ExecutionJournal? Find(string executionId, string owner)
    {
        if (!_executions.TryGetValue(executionId, out var journal) || !string.Equals(journal.Owner, owner, StringComparison.Ordinal))
        {
            return null;
        }

        if (time.GetUtcNow() - journal.Started > TimeSpan.FromMinutes(Options.RetentionMinutes))
        {
            _executions.TryRemove(executionId, out _);
            return null;
        }

        return journal;
    }
}
