using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.RateLimiting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// How many Code Mode executions each caller has running, capped at
/// <see cref="CodeModeOptions.MaxConcurrentExecutionsPerCaller"/>. A caller's entry exists only
/// while it has executions running, so the table is bounded by the executions in flight. With a
/// shared limit store (a fleet on Redis) the cap holds across replicas (slots kept between executions by
/// <see cref="LeasedSlots"/>, so a steady stream costs no round trip each); while the store is
/// unreachable an execution follows <see cref="ISharedLimitStore.ReadsWhenUnavailable"/> (its inner
/// calls pass the gate one by one, where writes fail closed).
/// </summary>
internal sealed class CodeModeConcurrency(IOptions<CodeModeOptions> options, ISharedLimitStore? shared = null) : IDisposable
{
    private readonly LeasedSlots? _sharedSlots = shared is null ? null : new LeasedSlots(shared);
    private readonly int _limit = options.Value.MaxConcurrentExecutionsPerCaller;
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>The cap per caller.</summary>
    public int Limit => _limit;

    /// <summary>
    /// A slot for <paramref name="callerKey"/>, or null when it already runs <see cref="Limit"/> executions
    /// (<c>Unavailable</c>: refused because the shared store could not be asked).
    /// </summary>
    public async ValueTask<(IDisposable? Slot, bool Unavailable)> TryEnterAsync(string callerKey, CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return (TryEnter(callerKey), false);
        }

        try
        {
            return (await _sharedSlots!.TryEnterAsync("codemode:" + callerKey, _limit, cancellationToken).ConfigureAwait(false), false);
        }
        catch (SharedStateUnavailableException)
        {
            return shared.ReadsWhenUnavailable == SharedStateReads.Allow ? (TryEnter(callerKey), false) : (null, true);
        }
    }

    /// <summary>A slot of this process's own count for <paramref name="callerKey"/>, or null when it already runs <see cref="Limit"/> executions.</summary>
    public IDisposable? TryEnter(string callerKey)
    {
        lock (_running)
        {
            var running = _running.GetValueOrDefault(callerKey);
            if (running >= _limit)
            {
                return null;
            }

            _running[callerKey] = running + 1;
        }

        return new Slot(this, callerKey);
    }

    public void Dispose() => _sharedSlots?.Dispose();

    private void Exit(string callerKey)
    {
        lock (_running)
        {
            var running = _running.GetValueOrDefault(callerKey) - 1;
            if (running <= 0)
            {
                _running.Remove(callerKey);
            }
            else
            {
                _running[callerKey] = running;
            }
        }
    }

    private sealed class Slot(CodeModeConcurrency owner, string callerKey) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Exit(callerKey);
            }
        }
    }
}
