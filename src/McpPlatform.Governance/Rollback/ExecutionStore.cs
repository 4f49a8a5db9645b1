using System.Collections.Concurrent;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// The executions <c>rollback</c> can undo, in process memory: at most <see cref="RollbackOptions.MaxExecutions"/>
/// (the oldest is forgotten first), each for <see cref="RollbackOptions.RetentionMinutes"/>. Only executions that
/// recorded a Write or Destructive call are kept.
/// </summary>
public sealed class ExecutionStore(RollbackOptions options, TimeProvider time)
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
