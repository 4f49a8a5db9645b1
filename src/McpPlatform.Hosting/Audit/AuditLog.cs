using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace McpPlatform.Hosting.Audit;

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
    private readonly AuditHasher _hasher = new();
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

    internal AuditLog(
        Serilog.Core.Logger logger,
        AuditSinkFailures failures,
        AuditFileBatching? file,
        TimeSpan linger,
        AuditFieldLimits limits,
        AuditServerInfo server,
        ILogger<AuditLog> diagnostics)
    {
        _logger = logger;
        _failures = failures;
        _file = file;
        _linger = linger;
        Limits = limits;
        _server = server;
        _diagnostics = diagnostics;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>How long audited strings may be; the writer cuts every field to it, and so do those who fill records in.</summary>
    internal AuditFieldLimits Limits { get; }

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

        _queue.Writer.TryComplete();
        _urgent.Release();
        await _writer.ConfigureAwait(false);
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

    private async Task WriteAllAsync()
    {
        var reader = _queue.Reader;
        var batch = new Batch();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (Volatile.Read(ref _disposed) == 0 && await _urgent.WaitAsync(_linger).ConfigureAwait(false))
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

    /// <summary>
    /// Takes what is queued (at most <see cref="MaxBatch"/>): emitted in order, handed to the file
    /// in one write, and only then reported written. Returns the number of entries taken.
    /// </summary>
    private int WriteBatch(ChannelReader<Entry> reader, Batch batch)
    {
        var records = 0;
        var taken = 0;
        for (; taken < MaxBatch && reader.TryRead(out var entry); taken++)
        {
            if (entry.Record is null)
            {
                batch.Markers.Add(entry.Written!); // a flush marker: completes once everything before it is out
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
        LogSinkFailed(_diagnostics, failure);
        batch.FailDurable(new AuditUnavailableException(failure));

        // The sink may still flush the failed record later; a fresh chain keeps the old one
        // verifiable (it just ends there) instead of reusing its next sequence number.
        _chainId = NewChainId();
        _seq = 0;
        _previousHash = AuditChain.GenesisHash;
    }

    private void Emit(AuditRecord record)
    {
        var values = _values;
        AuditFieldMap.Fill(values, record, _server, _chainId, _seq + 1, _previousHash, Limits);
        var hash = _hasher.Hash(values);

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

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "The audit log could not write a record; governed calls are refused until it can.")]
    private static partial void LogSinkFailed(ILogger logger, Exception failure);

    private readonly record struct Entry(AuditRecord? Record, TaskCompletionSource? Written);

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
    : Exception("The audit log cannot be written, so this call was refused (fail closed).", inner);

/// <summary>Who wrote the records: server name and version, and the hash of its tool surface.</summary>
internal sealed record AuditServerInfo(string Name, string Version, string ManifestHash);
