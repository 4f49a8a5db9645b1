using System.Security.Cryptography;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// The Write and Destructive calls of one execution (a Code Mode <c>execute</c>, or one direct call), kept for
/// <c>rollback</c>. Inner calls of one execution may finish at once (Promise.all), so adding is locked.
/// </summary>
public sealed class ExecutionJournal
{
    private readonly object _lock = new();
    private readonly List<RecordedCall> _calls = [];
    private readonly int _maxCalls;
    private int _sequence;

    /// <summary>Creates a journal for the caller in partition <paramref name="owner"/>.</summary>
    public ExecutionJournal(string owner, int maxCalls, DateTimeOffset started)
        : this(NewId(), owner, maxCalls, started)
    {
    }

    // A journal read back from a shared store (ExecutionJournalFormat): its id, calls and counters as they were kept.
    private ExecutionJournal(string id, string owner, int maxCalls, DateTimeOffset started)
    {
        Id = id;
        Owner = owner;
        Started = started;
        _maxCalls = maxCalls;
    }

    /// <summary>The journal with these parts, as another replica kept it.</summary>
    internal static ExecutionJournal Restore(string id, string owner, int maxCalls, DateTimeOffset started, int dropped, int sequence, IEnumerable<RecordedCall> calls)
    {
        var journal = new ExecutionJournal(id, owner, maxCalls, started) { Dropped = dropped, _sequence = sequence };
        journal._calls.AddRange(calls);
        return journal;
    }

    /// <summary>The last sequence number given to a call.</summary>
    internal int Sequence
    {
        get
        {
            lock (_lock)
            {
                return _sequence;
            }
        }
    }

    /// <summary>The execution id a caller passes to <c>rollback</c>: <c>exec_</c> and 26 random base32 characters.</summary>
    public string Id { get; }

    /// <summary>The caller's rate-limit partition (issuer, subject, client): only that caller can roll the execution back.</summary>
    public string Owner { get; }

    /// <summary>When the execution started.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Write and Destructive calls past the journal's capacity, which are not recorded and cannot be rolled back.</summary>
    public int Dropped { get; private set; }

    /// <summary>Whether any call was recorded (or dropped): an execution without any is not kept.</summary>
    public bool HasCalls
    {
        get
        {
            lock (_lock)
            {
                return _calls.Count > 0 || Dropped > 0;
            }
        }
    }

    /// <summary>Records a finished call, built from its sequence number.</summary>
    public void Add(Func<int, RecordedCall> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_lock)
        {
            if (_calls.Count >= _maxCalls)
            {
                Dropped++;
                return;
            }

            _calls.Add(call(++_sequence));
        }
    }

    /// <summary>The recorded calls, last first: the order they are undone in.</summary>
    public IReadOnlyList<RecordedCall> LastFirst()
    {
        lock (_lock)
        {
            return [.. _calls.OrderByDescending(c => c.Sequence)];
        }
    }

    /// <summary>Forgets a call that was undone, so a second rollback retries only what is left.</summary>
    public void Remove(RecordedCall call)
    {
        lock (_lock)
        {
            _calls.Remove(call);
        }
    }

    private static string NewId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[bytes[i] & 31];
        }

        return "exec_" + new string(chars);
    }
}
