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
public sealed partial class AuditLog : IAsyncDisposable
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("MCP {Kind} {Method} {Tool} by {Subject}: {Outcome}");

    private readonly Channel<Entry> _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(10_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>The most records one write to the file carries.</summary>
    private const int MaxBatch = 256;

    private readonly Serilog.Core.Logger _logger;
    private readonly AuditSinkFailures _failures;
    private readonly AuditFileBatching? _file;
    private readonly AuditServerInfo _server;
    private readonly ILogger<AuditLog> _diagnostics;
    private readonly Task _writer;
    private string _chainId = NewChainId();
    private long _seq;
    private int _disposed;
    private string _previousHash = AuditChain.GenesisHash;

    internal AuditLog(
        Serilog.Core.Logger logger, AuditSinkFailures failures, AuditFileBatching? file, AuditServerInfo server, ILogger<AuditLog> diagnostics)
    {
        _logger = logger;
        _failures = failures;
        _file = file;
        _server = server;
        _diagnostics = diagnostics;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>The current chain id (a restart, or a sink failure, starts a new chain at sequence 1).</summary>
    public string ChainId => _chainId;

    /// <summary>Queues a record; completes when it is written when <paramref name="durable"/>, otherwise once queued.</summary>
    public async ValueTask WriteAsync(AuditRecord record, bool durable, CancellationToken cancellationToken = default)
    {
        var written = durable ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null;
        await _queue.Writer.WriteAsync(new Entry(record, written), cancellationToken).ConfigureAwait(false);
        if (written is not null)
        {
            await written.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Completes once every record queued before the call has been written (or failed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(new Entry(null, done), cancellationToken).ConfigureAwait(false);
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
        await _writer.ConfigureAwait(false);
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
            // Whatever is already queued goes out together: emitted in order, handed to the file
            // in one write, and only then reported written.
            for (var taken = 0; taken < MaxBatch && reader.TryRead(out var entry); taken++)
            {
                if (entry.Record is null)
                {
                    batch.Markers.Add(entry.Written!); // a flush marker: completes once everything before it is out
                    continue;
                }

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
        }
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
        var fields = AuditFieldMap.From(record, _server, _chainId, _seq + 1, _previousHash);
        var hash = AuditChain.ComputeHash(fields);
        fields[AuditFields.Hash] = hash;

        // The event takes this dictionary as its own: one allocation, sized once, no copy.
        var properties = new Dictionary<string, LogEventPropertyValue>(fields.Count);
        foreach (var (name, value) in fields)
        {
            if (value is not null)
            {
                properties[name] = new ScalarValue(value);
            }
        }

        _logger.Write(LogEvent.UnstableAssembleFromParts(
            record.Time, LogEventLevel.Information, null, Template, properties, default, default));
        _failures.ThrowIfFailed();

        // Only a record that reached the sinks advances the chain: a failed write leaves no gap.
        _seq++;
        _previousHash = hash;
    }

    private static string NewChainId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "The audit log could not write a record; governed calls are refused until it can.")]
    private static partial void LogSinkFailed(ILogger logger, Exception failure);

    private sealed record Entry(AuditRecord? Record, TaskCompletionSource? Written);

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
