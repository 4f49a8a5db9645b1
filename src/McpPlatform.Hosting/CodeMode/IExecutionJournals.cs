using System.Collections.Concurrent;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Where <see cref="ExecutionJournal"/>s wait for the client's retry, until the approval deadline. Each is taken once:
/// a second retry with the same <c>requestState</c> finds nothing. The default keeps them in this process; with
/// <c>McpPlatform:Redis</c> configured they are kept in Redis (<c>Fleet/RedisExecutionJournals</c>), so the retry may reach any replica.
/// </summary>
internal interface IExecutionJournals
{
    /// <summary>Keeps <paramref name="journal"/> under <paramref name="id"/> until <paramref name="deadline"/>; false when the store is full.</summary>
    ValueTask<bool> SaveAsync(string id, ExecutionJournal journal, DateTimeOffset deadline, CancellationToken cancellationToken);

    /// <summary>Removes and returns the journal; null when there is none (unknown, already taken, or past its deadline).</summary>
    ValueTask<ExecutionJournal?> TakeAsync(string id, CancellationToken cancellationToken);
}

/// <summary>Journals in this process's memory: at most <see cref="MaxJournals"/>, each dropped at its deadline.</summary>
internal sealed class InProcessExecutionJournals(TimeProvider time) : IExecutionJournals
{
    /// <summary>How many journals wait at once (at most 1 MB each: <see cref="ExecutionJournal.MaxBytes"/>).</summary>
    public const int MaxJournals = 1_000;

    private readonly ConcurrentDictionary<string, (ExecutionJournal Journal, DateTimeOffset Deadline)> _journals = new(StringComparer.Ordinal);

    public ValueTask<bool> SaveAsync(string id, ExecutionJournal journal, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_journals.Count >= MaxJournals)
        {
            foreach (var (key, kept) in _journals)
            {
                if (kept.Deadline < now)
                {
                    _journals.TryRemove(key, out _);
                }
            }
        }

        return ValueTask.FromResult(_journals.Count < MaxJournals && _journals.TryAdd(id, (journal, deadline)));
    }

    public ValueTask<ExecutionJournal?> TakeAsync(string id, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_journals.TryRemove(id, out var kept) && kept.Deadline >= time.GetUtcNow() ? kept.Journal : null);
}
