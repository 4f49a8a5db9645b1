using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace McpPlatform.Governance.Audit;

/// <summary>
/// Writes audit records, in order, through the audit logger: one writer task numbers each
/// record, links it to the previous one by hash (tamper evidence) and emits it, taking every
/// record already queued in one pass and writing the audit file once per pass. Callers that
/// need the record on disk before going on (governed calls) await it, and are answered only
/// after that write; a sink that cannot write fails that await, and the chain does not advance
/// past a record that was not written.
/// </summary>
/// <remarks>
/// Records nobody waits for gather for up to <see cref="AuditOptions.FlushInterval"/> before a
/// pass, so under load the writer wakes, and writes the file, once per group instead of once per
/// request. A record someone waits for, <see cref="FlushAsync"/> and shutdown end that wait at once.
/// <para>
/// Hashes are HMAC-SHA256 under the <see cref="AuditChainKey"/>. Every chain opens with a
/// <see cref="AuditRecord.ChainStartKind"/> record naming why it started and the previous chain's last
/// head on disk (<see cref="AuditChainStart"/>), and the head is checkpointed, signed, to the checkpoint
/// folder every <see cref="AuditOptions.CheckpointInterval"/> and on shutdown (<see cref="AuditCheckpoint"/>).
/// </para>
/// </remarks>
public sealed partial class AuditLog : IAsyncDisposable
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("MCP {Kind} {Method} {Tool} by {Subject}: {Outcome}");

    /// <summary>The most records waiting to be written; callers wait for room beyond that.</summary>
    private const int Capacity = 10_000;

    /// <summary>The most records one write to the file carries.</summary>
    private const int MaxBatch = 256;

    // Unbounded with one reader: the writer takes records without a lock; the capacity is kept by _room.
    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _room = new(Capacity, Capacity);

    // Released when someone waits for the writer (a durable record, a flush, shutdown): ends the linger.
    private readonly SemaphoreSlim _urgent = new(0);
    private readonly AuditHasher _hasher;
    private readonly AuditChainKey _key;
    private readonly AuditCheckpoints? _checkpoints;
    private readonly Timer? _checkpointTimer;
    private readonly object?[] _values = new object?[AuditFieldMap.Names.Length];

    // The last property value made per field: the next record reuses it when its value is the same
    // string (server, schema, chain id, method, tool, caller...), saving an allocation per field.
    private readonly ScalarValue?[] _lastScalars = new ScalarValue?[AuditFieldMap.Names.Length];

    private readonly Serilog.Core.Logger _logger;
    private readonly AuditSinkFailures _failures;
    private readonly AuditFileBatching? _file;
    private readonly TimeSpan _linger;
    private readonly AuditServerInfo _server;
    private readonly ILogger<AuditLog> _diagnostics;
    private readonly Task _writer;
    private string _chainId = NewChainId();
    private long _seq;
    private int _disposed;
    private string _previousHash = AuditChain.GenesisHash;

    // What the current chain's chain-start record will say (it is written before the chain's first record).
    private ChainOpening _opening;

    // The last head known to be on disk (flushed), and the last one checkpointed: writer thread only.
    private AuditHead? _written;
    private AuditHead? _checkpointed;

    // Set when a write failed, cleared when one succeeds: read by request threads (FailClosedReads).
    private volatile bool _failing;

    internal AuditLog(
        Serilog.Core.Logger logger,
        AuditSinkFailures failures,
        AuditFileBatching? file,
        TimeSpan linger,
        AuditFieldLimits limits,
        AuditServerInfo server,
        ILogger<AuditLog> diagnostics,
        AuditChainKey key,
        AuditCheckpoints? checkpoints,
        TimeSpan checkpointInterval)
    {
        _logger = logger;
        _failures = failures;
        _file = file;
        _linger = linger;
        Limits = limits;
        _server = server;
        _diagnostics = diagnostics;
        _key = key;
        _hasher = new AuditHasher(key);
        _checkpoints = checkpoints;
        _opening = OpeningAfterStart(checkpoints, key);
        // A thread of its own (see WriteAll): the writer blocks between passes instead of scheduling continuations.
        _writer = Task.Factory.StartNew(WriteAll, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Telemetry.PlatformTelemetry.ObserveAuditQueue(this, () => Capacity - _room.CurrentCount);
        if (checkpoints is not null)
        {
            // A marker in the queue, so the writer thread (the only one that knows the head) takes the checkpoint.
            _checkpointTimer = new Timer(_ => _queue.Writer.TryWrite(default), null, checkpointInterval, checkpointInterval);
        }
    }

    /// <summary>How long audited strings may be; the writer cuts every field to it, and so do those who fill records in.</summary>
    internal AuditFieldLimits Limits { get; }

    /// <summary>
    /// True from a failed write until the next successful one: requests whose records nobody waits for
    /// (lists, resource reads) must not be served while <see cref="AuditOptions.FailClosedReads"/> holds.
    /// </summary>
    public bool IsFailing => _failing;

    /// <summary>The current chain id (a restart, or a sink failure, starts a new chain at sequence 1).</summary>
    public string ChainId => _chainId;

    /// <summary>Queues a record; completes when it is written when <paramref name="durable"/>, otherwise once queued.</summary>
    public async ValueTask WriteAsync(AuditRecord record, bool durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var written = durable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        if (!_room.Wait(0, CancellationToken.None))
        {
            await _room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (!_queue.Writer.TryWrite(new Entry(record, written)))
        {
            _room.Release();
            throw new ChannelClosedException("The audit log is closed (the server is shutting down).");
        }

        if (written is not null)
        {
            _urgent.Release(); // after the write, so the writer finds the record when it wakes
            await written.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Completes once every record queued before the call has been written (or failed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Entry(null, done), cancellationToken).ConfigureAwait(false); // a marker takes no room
        _urgent.Release();
        await done.Task.ConfigureAwait(false);
    }

    /// <summary>Writes everything queued, then closes the sinks (graceful shutdown).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_checkpointTimer is not null)
        {
            await _checkpointTimer.DisposeAsync().ConfigureAwait(false);
        }

        Telemetry.PlatformTelemetry.StopObservingAuditQueue(this);
        _queue.Writer.TryComplete();
        _urgent.Release();
        await _writer.ConfigureAwait(false);
        Checkpoint(); // the head at shutdown: a tail cut after this is detected
        _hasher.Dispose();
        try
        {
            await _logger.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            LogSinkFailed(_diagnostics, failure);
        }
    }

    /// <remarks>
    /// Synchronous on a dedicated thread: the linger is a kernel-timed wait on <see cref="_urgent"/>. The async form
    /// (<c>WaitAsync(linger)</c>) created and disposed a timer on every pass, under the runtime's timer-queue lock that
    /// every request's timeouts take too; under load that lock was contended (measured: docs/benchmarks.md, session 11).
    /// </remarks>
    private void WriteAll()
    {
        var reader = _queue.Reader;
        var batch = new Batch();
        while (WaitToRead(reader))
        {
            if (Volatile.Read(ref _disposed) == 0 && _urgent.Wait(_linger))
            {
                while (_urgent.Wait(0))
                {
                    // one pass below serves every caller that signalled so far
                }
            }

            while (WriteBatch(reader, batch) == MaxBatch)
            {
                // more than one file write's worth was queued: keep going without lingering
            }
        }
    }

    /// <summary>Blocks the writer's thread until a record (or marker) is queued; false once the queue is closed and empty.</summary>
    private static bool WaitToRead(ChannelReader<Entry> reader)
    {
        var waiting = reader.WaitToReadAsync();
        return waiting.IsCompletedSuccessfully ? waiting.Result : waiting.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>
    /// Takes what is queued (at most <see cref="MaxBatch"/>): emitted in order, handed to the file
    /// in one write, and only then reported written. Returns the number of entries taken.
    /// </summary>
    private int WriteBatch(ChannelReader<Entry> reader, Batch batch)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var taken = WriteBatchCore(reader, batch);
        if (taken > 0)
        {
            Telemetry.PlatformTelemetry.AuditWriteDuration.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return taken;
    }

    private int WriteBatchCore(ChannelReader<Entry> reader, Batch batch)
    {
        var records = 0;
        var taken = 0;
        var checkpointDue = false;
        var failed = false;
        for (; taken < MaxBatch && reader.TryRead(out var entry); taken++)
        {
            if (entry.Record is null)
            {
                if (entry.Written is null)
                {
                    checkpointDue = true; // the checkpoint timer's marker
                }
                else
                {
                    batch.Markers.Add(entry.Written); // a flush marker: completes once everything before it is out
                }

                continue;
            }

            records++;

            try
            {
                Emit(entry.Record);
                if (entry.Written is not null)
                {
                    batch.Durable.Add(entry.Written);
                }
            }
            catch (Exception failure)
            {
                // Records emitted before it in this batch may have shared the failed write.
                Fail(batch, failure);
                failed = true;
                entry.Written?.TrySetException(new AuditUnavailableException(failure));
            }
        }

        try
        {
            _file?.Flush();
        }
        catch (Exception failure)
        {
            Fail(batch, failure);
            failed = true;
        }

        if (!failed && records > 0)
        {
            _failing = false;
        }

        if (!failed && _seq > 0 && (_written is null || _written.Seq != _seq || !ReferenceEquals(_written.ChainId, _chainId)))
        {
            _written = new AuditHead(_chainId, _seq, _previousHash, _file?.CurrentFileName);
        }

        if (checkpointDue)
        {
            Checkpoint();
        }

        batch.Complete();
        if (records > 0)
        {
            _room.Release(records);
        }

        return taken;
    }

    private void Fail(Batch batch, Exception failure)
    {
        _failing = true;
        LogSinkFailed(_diagnostics, failure);
        batch.FailDurable(new AuditUnavailableException(failure));

        // The sink may still flush the failed record later; a fresh chain keeps the old one
        // verifiable (it just ends there) instead of reusing its next sequence number. Its first
        // record says so and names the last head known to be on disk.
        _opening = new ChainOpening(
            AuditChainStart.SinkFailure,
            $"the audit sink failed to write ({failure.GetType().Name}: {failure.Message}); the previous chain ends at its last record on disk",
            _written);
        _chainId = NewChainId();
        _seq = 0;
        _previousHash = AuditChain.GenesisHash;
    }

    private void Emit(AuditRecord record)
    {
        var probe = ReferenceEquals(record, ReadinessProbe); // AuditLog.Readiness.cs: opens the chain, writes nothing of its own
        if (_seq == 0)
        {
            EmitOne(AuditChainStart.Record(probe ? DateTimeOffset.UtcNow : record.Time, _opening.Reason, _opening.Details, _opening.Previous));
        }

        if (!probe)
        {
            EmitOne(record);
        }
    }

    private void EmitOne(AuditRecord record)
    {
        var values = _values;
        AuditFieldMap.Fill(values, record, _server, _chainId, _seq + 1, _previousHash, Limits);
        var hash = _hasher.Hash(values.AsSpan(0, AuditFieldMap.HashedLength(values)));

        // The event takes this dictionary as its own: one allocation, sized once, no copy.
        var properties = new Dictionary<string, LogEventPropertyValue>(values.Length + 1);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } value)
            {
                properties[AuditFieldMap.Names[i]] = Scalar(i, value);
            }
        }

        properties[AuditFields.Hash] = new ScalarValue(hash);

        _logger.Write(LogEvent.UnstableAssembleFromParts(
            record.Time, LogEventLevel.Information, null, Template, properties, default, default));
        _failures.ThrowIfFailed();

        // Only a record that reached the sinks advances the chain: a failed write leaves no gap.
        _seq++;
        _previousHash = hash;
    }

    /// <summary>The property value of field <paramref name="index"/>: the previous record's when it held the same string.</summary>
    private ScalarValue Scalar(int index, object value)
    {
        if (value is string text)
        {
            if (_lastScalars[index] is { Value: string last } cached && ReferenceEquals(last, text))
            {
                return cached;
            }

            return _lastScalars[index] = new ScalarValue(text);
        }

        return new ScalarValue(value);
    }

    private static string NewChainId() => Guid.NewGuid().ToString("N");

    /// <summary>Signs the head on disk into the checkpoint folder, when it moved since the last checkpoint.</summary>
    private void Checkpoint()
    {
        if (_checkpoints is null || _written is not { } head || ReferenceEquals(head, _checkpointed))
        {
            return;
        }

        try
        {
            _checkpoints.Write(AuditCheckpoint.Create(head.ChainId, head.Seq, head.Hash, head.File, DateTimeOffset.UtcNow, _key));
            _checkpointed = head;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            LogCheckpointFailed(_diagnostics, _checkpoints.Folder, failure);
        }
    }

    /// <summary>The first chain of this process names the newest checkpoint's head (the previous run's end).</summary>
    private static ChainOpening OpeningAfterStart(AuditCheckpoints? checkpoints, AuditChainKey key)
    {
        if (checkpoints is null)
        {
            return new ChainOpening(AuditChainStart.ServerStart, "no checkpoint folder: the previous chain is not known", null);
        }

        try
        {
            var (latest, note) = checkpoints.ReadLatest(key);
            var previous = latest is null ? null : new AuditHead(latest.ChainId, latest.Seq, latest.Head, latest.File);
            return new ChainOpening(AuditChainStart.ServerStart, note ?? (latest is null ? "no earlier checkpoint" : null), previous);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return new ChainOpening(AuditChainStart.ServerStart, $"the checkpoint folder cannot be read ({failure.GetType().Name})", null);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "The audit log could not write a record; governed calls are refused until it can.")]
    private static partial void LogSinkFailed(ILogger logger, Exception failure);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "The audit log could not write a checkpoint to {Folder}; a cut tail of the audit file is not detectable past the last checkpoint.")]
    private static partial void LogCheckpointFailed(ILogger logger, string folder, Exception failure);

    /// <summary>A record, a flush marker (<see cref="Written"/> only), or the checkpoint timer's marker (neither).</summary>
    private readonly record struct Entry(AuditRecord? Record, TaskCompletionSource? Written);

    /// <summary>Why the current chain started, and the previous chain's head on disk.</summary>
    private readonly record struct ChainOpening(string Reason, string? Details, AuditHead? Previous);

    /// <summary>What one pass of the writer owes its callers once the batch is flushed.</summary>
    private sealed class Batch
    {
        public List<TaskCompletionSource> Durable { get; } = [];

        public List<TaskCompletionSource> Markers { get; } = [];

        public void FailDurable(AuditUnavailableException failure)
        {
            foreach (var written in Durable)
            {
                written.TrySetException(failure);
            }

            Durable.Clear();
        }

        public void Complete()
        {
            foreach (var written in Durable)
            {
                written.TrySetResult();
            }

            foreach (var marker in Markers)
            {
                marker.TrySetResult();
            }

            Durable.Clear();
            Markers.Clear();
        }
    }
}

/// <summary>The audit sink could not write: a governed call must not run.</summary>
public sealed class AuditUnavailableException(Exception inner)
    : Exception("The audit log cannot be written, so this call was refused (fail closed).", inner)
{
    /// <summary>The error of another request refused while the audit log cannot write (<see cref="AuditOptions.FailClosedReads"/>).</summary>
    public const string RequestRefused = "The audit log cannot be written, so this request was refused (fail closed).";
}

/// <summary>Who wrote the records: server name and version, and the hash of its tool surface.</summary>
internal sealed record AuditServerInfo(string Name, string Version, string ManifestHash, string? Replica = null);
