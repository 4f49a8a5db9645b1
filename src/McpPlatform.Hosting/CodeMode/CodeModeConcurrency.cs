using McpPlatform.Governance.CodeMode;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// How many Code Mode executions each caller has running, capped at
/// <see cref="CodeModeOptions.MaxConcurrentExecutionsPerCaller"/>. A caller's entry exists only
/// while it has executions running, so the table is bounded by the executions in flight.
/// </summary>
internal sealed class CodeModeConcurrency(IOptions<CodeModeOptions> options)
{
    private readonly int _limit = options.Value.MaxConcurrentExecutionsPerCaller;
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);

    /// <summary>The cap per caller.</summary>
    public int Limit => _limit;

    /// <summary>A slot for <paramref name="callerKey"/>, or null when it already runs <see cref="Limit"/> executions.</summary>
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
