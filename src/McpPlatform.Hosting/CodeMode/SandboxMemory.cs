using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Runtime;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The memory budget of one execution (<see cref="CodeModeOptions.MemoryLimitBytes"/>): the bytes
/// the engine's thread allocated in every entry into the engine so far, counted live during an
/// entry. Jint's own memory limit restarts at each entry and is checked only between statements;
/// this one adds the entries up, is checked at every statement (<see cref="Constraint"/>) and is
/// asked by every builtin that can build a large string or array in one native call
/// (<see cref="EnsureRoom"/>), so such a call is refused before it allocates, not after.
/// </summary>
internal sealed class SandboxMemory
{
    /// <summary>What one character of a string a builtin builds costs: UTF-16, plus the builder it is made in (measured: join, padStart).</summary>
    public const long BytesPerChar = 8;

    private readonly long _limit;
    private readonly uint _maxArrayLength;
    private long _settled;
    private long _entryStart = -1;
    private ErrorConstructor? _rangeError;

    public SandboxMemory(long limit, uint maxArrayLength)
    {
        _limit = limit;
        _maxArrayLength = maxArrayLength;
        Constraint = new StatementCheck(this);
    }

    /// <summary>Checks the budget at every statement (registered with the engine instead of Jint's per-entry memory limit).</summary>
    public Constraint Constraint { get; }

    /// <summary>The message that ends an execution over its budget.</summary>
    public string LimitMessage => $"The code allocated more than {_limit} bytes (McpPlatform:CodeMode:MemoryLimitBytes).";

    /// <summary>Bytes allocated so far, the running entry included.</summary>
    public long Used => _settled + (_entryStart < 0 ? 0 : GC.GetAllocatedBytesForCurrentThread() - _entryStart);

    /// <summary>Bytes left before the limit.</summary>
    public long Remaining => Math.Max(0, _limit - Used);

    /// <summary>Whether the budget is spent.</summary>
    public bool Exceeded => Used > _limit;

    /// <summary>The engine whose RangeError <see cref="EnsureRoom"/> throws.</summary>
    public void Attach(Engine engine) => _rangeError = engine.GetValue("RangeError") as ErrorConstructor;

    /// <summary>Runs one entry into the engine (synchronous, so on one thread) and adds what it allocated.</summary>
    public T Measure<T>(Func<T> entry)
    {
        var outer = _entryStart < 0;
        if (outer)
        {
            _entryStart = GC.GetAllocatedBytesForCurrentThread();
        }

        try
        {
            return entry();
        }
        finally
        {
            if (outer)
            {
                _settled += GC.GetAllocatedBytesForCurrentThread() - _entryStart;
                _entryStart = -1;
            }
        }
    }

    /// <summary>
    /// Runs host work on the engine's thread during an entry (an inner call's synchronous part: the gate, a tool that
    /// answers at once) without charging what it allocates to the script.
    /// </summary>
    public T Excluding<T>(Func<T> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            return work();
        }
        finally
        {
            if (_entryStart >= 0)
            {
                _entryStart += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
    }

    /// <summary>
    /// Refuses, with a catchable RangeError naming the limit, a builtin call that would allocate
    /// <paramref name="bytes"/> more than the budget has left.
    /// </summary>
    public void EnsureRoom(double bytes, string what)
    {
        var remaining = Remaining;
        if (bytes <= remaining && !Exceeded)
        {
            return;
        }

        var message = $"{what} would allocate about {(bytes >= long.MaxValue ? "unbounded" : ((long)bytes).ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes, " +
            $"more than the {remaining} left of the memory limit of {_limit} bytes (McpPlatform:CodeMode:MemoryLimitBytes).";
        throw _rangeError is null ? new SandboxLimitException(message) : new JavaScriptException(_rangeError, message);
    }

    /// <summary>
    /// For a builtin that makes an array of <paramref name="count"/> elements: past
    /// <see cref="CodeModeOptions.MaxArrayLength"/> it ends the execution as Jint's own array limit
    /// would; otherwise it asks for room for <paramref name="bytesPerElement"/> each.
    /// </summary>
    public void EnsureArray(double count, long bytesPerElement, string what)
    {
        if (count > _maxArrayLength)
        {
            throw new SandboxLimitException($"The code made an array longer than {_maxArrayLength} elements (McpPlatform:CodeMode:MaxArrayLength).");
        }

        EnsureRoom(count * bytesPerElement, what);
    }

    /// <summary>Starts charging one native call that builds its result in pieces (see <see cref="NativeCall"/>).</summary>
    public NativeCall StartNativeCall(string what) => new(this, what);

    /// <summary>
    /// One native call that is watched through its callbacks: each callback charges what the
    /// piece it hands back will cost by the end of the call (the copies into the result), and the
    /// budget must cover whatever of that total the call has not allocated yet.
    /// </summary>
    public sealed class NativeCall(SandboxMemory memory, string what)
    {
        private readonly long _start = memory.Used;
        private double _charged;

        public void Charge(double bytes)
        {
            _charged += bytes;
            memory.EnsureRoom(_charged - (memory.Used - _start), what);
        }
    }

    private sealed class StatementCheck(SandboxMemory memory) : Constraint
    {
        public override void Check()
        {
            if (memory.Exceeded)
            {
                throw new SandboxLimitException(memory.LimitMessage);
            }
        }

        // The budget spans every entry of the execution: nothing to restart.
        public override void Reset()
        {
        }
    }
}
