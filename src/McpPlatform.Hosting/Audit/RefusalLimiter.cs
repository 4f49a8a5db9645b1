using System.Collections.Concurrent;
using System.Globalization;
using McpPlatform.Governance.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Audit;

/// <summary>
/// Counts refused requests per client address (<see cref="RefusalSource"/>) in fixed windows, so a
/// client that is refused over and over cannot fill the audit file: the first
/// <see cref="RefusalLimitOptions.PermitLimit"/> refusals of a window are audited one by one; after
/// that the address is answered 429 until the window ends and its refusals are only counted; one
/// summary record per window and address says how many were not written. Memory is bounded: at most
/// <see cref="RefusalLimitOptions.MaxAddresses"/> addresses are counted one by one, and an address is
/// forgotten once its window is over; refusals from further addresses share one count, which only
/// decides whether their records are written (those addresses are never answered 429 for it).
/// </summary>
/// <remarks>
/// The table is only touched on the refusal path and by requests from addresses already in it; a
/// request from an address with no refusals costs one dictionary lookup. A timer forgets finished
/// windows (writing their summaries); stopping the server writes the summaries still open.
/// </remarks>
internal sealed partial class RefusalLimiter(
    IOptions<RefusalLimitOptions> options,
    IServiceProvider services,
    TimeProvider time,
    ILogger<RefusalLimiter> logger) : IHostedService, IDisposable
{
    private const string OverflowLabel = "addresses beyond " + RefusalLimitOptions.SectionName + ":MaxAddresses";

    private readonly int _permitLimit = options.Value.PermitLimit;
    private readonly TimeSpan _window = options.Value.Window;
    private readonly int _maxAddresses = options.Value.MaxAddresses;
    private readonly ConcurrentDictionary<RefusalSource, Window> _windows = new();
    private readonly Window _overflow = new(OverflowLabel, DateTimeOffset.MinValue);
    private int _tracked;
    private ITimer? _sweep;

    /// <summary>True when no address is being counted: then no request needs <see cref="Check"/>.</summary>
    public bool IsQuiet => Volatile.Read(ref _tracked) == 0;

    /// <summary>
    /// Before a request runs: whether <paramref name="source"/> has spent its refusals for this window
    /// (then the request is answered 429 and counted, not audited), and a finished window's summary to write.
    /// </summary>
    public Verdict Check(RefusalSource source)
    {
        // An address not in the table is never turned away, even when the table is full: the shared
        // count past MaxAddresses only decides which refusals are written, so an attacker with many
        // addresses cannot lock out clients that were never refused.
        if (!_windows.TryGetValue(source, out var window))
        {
            return default;
        }

        var now = time.GetUtcNow();
        lock (window)
        {
            if (window.Removed)
            {
                return default; // its window ended a moment ago
            }

            var summary = Roll(window, now);
            if (window.Used < _permitLimit)
            {
                return new Verdict(false, TimeSpan.Zero, summary);
            }

            window.Dropped++;
            return new Verdict(true, window.Start + _window - now, summary);
        }
    }

    /// <summary>After a refusal: whether its record may be written (else it is counted), and a finished window's summary.</summary>
    public Verdict Admit(RefusalSource source)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (!_windows.TryGetValue(source, out var window))
            {
                if (Interlocked.Increment(ref _tracked) > _maxAddresses)
                {
                    Interlocked.Decrement(ref _tracked);
                    window = _overflow;
                }
                else if (!_windows.TryAdd(source, window = new Window(source.ToString(), now)))
                {
                    Interlocked.Decrement(ref _tracked);
                    continue; // another request from the same address added it first
                }
            }

            lock (window)
            {
                if (window.Removed)
                {
                    continue; // forgotten by the sweep between the lookup and the lock: count in a fresh one
                }

                var summary = Roll(window, now);
                if (window.Used < _permitLimit)
                {
                    window.Used++;
                    return new Verdict(false, TimeSpan.Zero, summary);
                }

                window.Dropped++;
                return new Verdict(true, window.Start + _window - now, summary);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sweep = time.CreateTimer(_ => Sweep(), null, _window, _window);
        return Task.CompletedTask;
    }

    /// <summary>Writes the summaries of the windows still open (the server is stopping).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _sweep?.Dispose();
        foreach (var window in _windows.Values.Append(_overflow))
        {
            AuditRecord? summary;
            lock (window)
            {
                summary = TakeSummary(window, time.GetUtcNow());
            }

            if (summary is not null)
            {
                await WriteAsync(summary).ConfigureAwait(false);
            }
        }
    }

    public void Dispose() => _sweep?.Dispose();

    /// <summary>Writes a summary (nobody waits for it); a closed or failing audit log is logged, never thrown at a request.</summary>
    public async ValueTask WriteAsync(AuditRecord summary)
    {
        try
        {
            // Resolved here, not injected: hosted services are built before AuditStartup reports a bad audit folder by its setting.
            await services.GetRequiredService<AuditLog>().WriteAsync(summary, durable: false).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is System.Threading.Channels.ChannelClosedException or AuditUnavailableException)
        {
            LogSummaryLost(logger, summary.Error, failure);
        }
    }

    // Forgets every window that is over, writing its summary; the shared overflow window just rolls over.
    private void Sweep()
    {
        var now = time.GetUtcNow();
        foreach (var (source, window) in _windows)
        {
            AuditRecord? summary = null;
            lock (window)
            {
                if (!window.Removed && now >= window.Start + _window)
                {
                    summary = TakeSummary(window, now);
                    window.Removed = true;
                    _windows.TryRemove(source, out _);
                    Interlocked.Decrement(ref _tracked);
                }
            }

            if (summary is not null)
            {
                _ = WriteAsync(summary).AsTask();
            }
        }

        lock (_overflow)
        {
            if (Roll(_overflow, now) is { } overflowSummary)
            {
                _ = WriteAsync(overflowSummary).AsTask();
            }
        }
    }

    // Under the window's lock: when the window is over, start a new one and return the old one's summary (if any refusals were dropped).
    private AuditRecord? Roll(Window window, DateTimeOffset now)
    {
        if (now < window.Start + _window)
        {
            return null;
        }

        var summary = TakeSummary(window, now);
        window.Start = now;
        window.Used = 0;
        return summary;
    }

    // Under the window's lock: the summary of the refusals not written so far in this window, and the count reset.
    private AuditRecord? TakeSummary(Window window, DateTimeOffset now)
    {
        if (window.Dropped == 0)
        {
            return null;
        }

        var dropped = window.Dropped;
        window.Dropped = 0;
        var end = window.Start + _window < now ? window.Start + _window : now;
        return new AuditRecord
        {
            Kind = AuditRecord.RefusedKind,
            Method = "HTTP",
            Decision = AuditDecisions.Denied,
            Outcome = AuditOutcomes.Refused,
            Rule = "refusal-limit",
            Error = string.Create(
                CultureInfo.InvariantCulture,
                $"{dropped} refused requests from {window.Label} between {window.Start:O} and {end:O} were not recorded one by one (more than {_permitLimit} refusals per {_window:c}).")
        };
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "A refusal summary could not be audited: {Summary}")]
    private static partial void LogSummaryLost(ILogger logger, string? summary, Exception failure);

    /// <summary>The outcome of <see cref="Check"/> or <see cref="Admit"/>.</summary>
    /// <param name="Limited">Check: answer 429; Admit: do not write the record.</param>
    /// <param name="RetryAfter">When the address's window ends.</param>
    /// <param name="Summary">A finished window's summary record to write, if refusals were dropped in it.</param>
    public readonly record struct Verdict(bool Limited, TimeSpan RetryAfter, AuditRecord? Summary);

    /// <summary>One address's current window; guarded by locking on it.</summary>
    private sealed class Window(string label, DateTimeOffset start)
    {
        public string Label { get; } = label;

        public DateTimeOffset Start { get; set; } = start;

        public int Used { get; set; }

        public long Dropped { get; set; }

        /// <summary>Forgotten by the sweep: whoever still holds it looks the address up again.</summary>
        public bool Removed { get; set; }

    }
}
