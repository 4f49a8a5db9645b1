using System.Collections.Concurrent;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// A few <see cref="PreparedEngine"/>s made ready off the request path, so an execution starts with an engine whose
/// fixed parts (limits, checked builtins, prelude) are already in place. Each engine is handed out once and never
/// comes back: executions share no engine, so nothing one script does (globals, <c>Object.prototype</c> changes, frozen
/// builtins, closures, pending promises) can reach another. Reusing an engine after a reset was rejected: Jint 4.18's
/// <c>RestoreGlobalSnapshot</c> says of itself that it is "not an isolation or security boundary" (it leaves changed
/// prototypes and intrinsics, <c>Symbol.for</c> registrations and object graphs in place).
/// When the ready engines run out (a burst), an execution prepares its own inline, as before; the preparation's CPU is
/// the same either way, it only moves off the request's critical path.
/// </summary>
internal sealed class SandboxEngines(CodeModeOptions options, int ready)
{
    private readonly ConcurrentQueue<PreparedEngine> _ready = new();
    private int _count;
    private int _refilling;

    /// <summary>An engine no script has run in: a ready one, or one prepared now.</summary>
    public PreparedEngine Take()
    {
        PreparedEngine? engine = null;
        if (_ready.TryDequeue(out var taken))
        {
            Interlocked.Decrement(ref _count);
            engine = taken;
        }

        Refill();
        return engine ?? PreparedEngine.Create(options);
    }

    /// <summary>Starts preparing engines until <c>ready</c> are waiting (one worker at a time).</summary>
    public void Refill()
    {
        if (ready <= 0 || Volatile.Read(ref _count) >= ready || Interlocked.CompareExchange(ref _refilling, 1, 0) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static self => self.Prepare(), this, preferLocal: false);
    }

    private void Prepare()
    {
        try
        {
            while (Volatile.Read(ref _count) < ready)
            {
                _ready.Enqueue(PreparedEngine.Create(options));
                Interlocked.Increment(ref _count);
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // Preparing failed (it never has): executions prepare their own engine inline, which reports the failure.
        }
        finally
        {
            Volatile.Write(ref _refilling, 0);
        }
    }
}
