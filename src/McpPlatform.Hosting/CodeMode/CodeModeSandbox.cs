using System.Globalization;
using System.Text;
using System.Text.Json;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;
using Jint.Runtime.Interop;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// One execution of model-written JavaScript in a fresh Jint engine: no CLR access, no modules,
/// no timers, no network, no files; only <c>codemode</c> (tools and <c>codemode.resources</c>) and <c>console</c>. Every limit of
/// <see cref="CodeModeOptions"/> is enforced here, and every way a script can fail ends in a
/// <see cref="SandboxResult"/> with a message that names the limit, never in an exception.
/// The engine is driven from one logical flow at a time: inner tool calls run as .NET tasks,
/// and their outcomes are handed back to the engine between turns of its job queue.
/// </summary>
internal sealed class CodeModeSandbox
{
    private const int MaxErrorLength = 2_000;

    /// <summary>How deep a tool result or a returned value may nest (JSON.parse in the engine, the result sent back).</summary>
    internal const int MaxJsonDepth = 64;

    // Parsing allocates about 55-70 bytes per character of source (measured: eval and new Function of 2 M characters).
    private const double BytesPerSourceChar = 80;

    private readonly CodeModeOptions _options;
    private readonly SandboxTools _tools;
    private readonly List<PendingCall> _pending = [];
    private readonly List<Task> _started = [];
    private readonly List<string> _logs = [];
    private int _logBytes;
    private int _droppedLogBytes;
    private int _innerCalls;
    private readonly SandboxEngines? _engines;
    private SandboxMemory _memory = null!;
    private string? _doneJson;
    private string? _failure;
    private string? _limitHit;

    private readonly Action<Exception>? _logger;

    /// <summary>An execution with <paramref name="options"/>' limits, offering <paramref name="tools"/>; <paramref name="unexpected"/> hears of interpreter failures no limit explains.</summary>
    /// <param name="options">The limits.</param>
    /// <param name="tools">What the script may list and call.</param>
    /// <param name="unexpected">Logs a failure no limit explains.</param>
    /// <param name="engines">Where a prepared engine comes from; null prepares one inline.</param>
    public CodeModeSandbox(CodeModeOptions options, SandboxTools tools, Action<Exception>? unexpected, SandboxEngines? engines = null)
    {
        _options = options;
        _tools = tools;
        _logger = unexpected;
        _engines = engines;
    }

    /// <summary>
    /// Completes when every inner call this execution started has ended, also one whose tool
    /// ignored the cancellation: the execution's concurrency slot is held until then.
    /// </summary>
    public Task Settled => _started.Count == 0 ? Task.CompletedTask : Task.WhenAll(_started);

    /// <summary>Runs <paramref name="code"/> (already normalized to a function expression) and reports what it returned.</summary>
    public static Task<SandboxResult> RunAsync(
        string code, CodeModeOptions options, SandboxTools tools, Action<Exception>? unexpected, CancellationToken cancellationToken) =>
        new CodeModeSandbox(options, tools, unexpected).RunAsync(code, cancellationToken);

    /// <summary>Runs <paramref name="code"/> (already normalized to a function expression) and reports what it returned.</summary>
    public Task<SandboxResult> RunAsync(string code, CancellationToken cancellationToken) => RunAsync(code, null, cancellationToken);

    /// <summary>Runs <paramref name="code"/>, or its already <paramref name="prepared"/> parse when there is one, and reports what it returned.</summary>
    public async Task<SandboxResult> RunAsync(string code, Prepared<Acornima.Ast.Script>? prepared, CancellationToken cancellationToken)
    {
        // One source for the caller's cancellation and the deadline (one timer, no second source per execution).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(_options.Timeout);
        var token = linked.Token;
        try
        {
            // A fresh engine with its fixed parts ready (limits, checked builtins, prelude), never used before and never again.
            var ready = _engines?.Take() ?? PreparedEngine.Create(_options);
            ready.Start(token);
            var engine = ready.Engine;
            _memory = ready.Memory;
            SetHost(ready.Host, engine, token);
            var run = Measured(() => ready.Bind.Call());
            var function = Measured(() => prepared is { } script ? engine.Evaluate(script) : engine.Evaluate(code, "code"));
            Measured(() => run.Call(function));
            while (true)
            {
                Measured(() => engine.Advanced.ProcessTasks());
                ThrowIfLimitHit();
                if (_tools.Stopped?.Invoke() is { } stopped)
                {
                    return await StoppedAsync(stopped, token).ConfigureAwait(false);
                }

                if (_doneJson is not null || _failure is not null)
                {
                    break;
                }

                if (_pending.Count == 0)
                {
                    return Fail("The code's promise never settled: it awaited something that nothing will resolve (there are no timers or events in the sandbox).");
                }

                await Task.WhenAny(_pending.Select(p => p.Task)).WaitAsync(token).ConfigureAwait(false);
                if (_tools.Stopped?.Invoke() is { } stoppedMeanwhile)
                {
                    return await StoppedAsync(stoppedMeanwhile, token).ConfigureAwait(false);
                }

                foreach (var call in _pending.Where(p => p.Task.IsCompleted).ToArray())
                {
                    _pending.Remove(call);
                    Measured(() => call.Resolve(ToJs(engine, call.Task.Result)));
                }
            }

            // Calls started but never awaited still finish (and are audited) before the answer goes out.
            if (_pending.Count > 0)
            {
                await Task.WhenAll(_pending.Select(p => p.Task)).WaitAsync(token).ConfigureAwait(false);
            }

            return _failure is not null ? Fail(_failure) : new SandboxResult(_doneJson, null, _logs, _droppedLogBytes, _innerCalls);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception failure) when (Describe(failure, linked.IsCancellationRequested && !cancellationToken.IsCancellationRequested) is { } message)
        {
            return Fail(message);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (Exception failure)
        {
            // The interpreter failed in a way no limit explains: a clear error for the caller, the details for the operator.
            _logger?.Invoke(failure);
            return Fail($"The code could not be run ({failure.GetType().Name}).");
        }
        finally
        {
            await StopPendingCallsAsync(linked).ConfigureAwait(false);
        }
    }

    // The host stopped the execution (an approval round trip, a script that left its journal): no more turns of the
    // script; the calls already running finish (and are journaled and audited) before the answer goes out.
    private async Task<SandboxResult> StoppedAsync(string reason, CancellationToken token)
    {
        if (_pending.Count > 0)
        {
            await Task.WhenAll(_pending.Select(p => p.Task)).WaitAsync(token).ConfigureAwait(false);
        }

        return Fail(reason);
    }

    // An execution that ended early (a limit, an error) cancels the tool calls still running and
    // lets them finish their audit records; one that ignores the cancellation past the grace period
    // still holds the execution's slot (see Settled), so it cannot outlive its execution unseen.
    private async Task StopPendingCallsAsync(CancellationTokenSource linked)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await linked.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pending.Select(p => p.Task)).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The answer goes out; Settled keeps the slot until the call ends.
        }
    }

    // Every entry into the engine (each turn after an inner call returns) is added to one budget,
    // so awaiting between allocations does not reset it.
    private void Measured(Action entry) => Measured(() =>
    {
        entry();
        return JsValue.Undefined;
    });

    private JsValue Measured(Func<JsValue> entry)
    {
        var result = _memory.Measure(entry);
        if (_memory.Exceeded)
        {
            _limitHit ??= _memory.LimitMessage;
        }

        ThrowIfLimitHit();
        return result;
    }

    // The host functions the prelude closes over; the script never sees this object.
    private void SetHost(JsObject host, Engine engine, CancellationToken token)
    {
        host.Set("execute", _tools.Invoke is not null ? JsBoolean.True : JsBoolean.False);
        host.Set("catalog", new ClrFunction(engine, "catalog", (_, _) => Listed(_tools.Catalog()), 0));
        host.Set("search", new ClrFunction(engine, "search", (_, args) => Listed(_tools.Search(Arg(args, 0), SearchLimit(args))), 2));
        // Two plain arrays made here, not JSON serialized and parsed again: this runs in every execution.
        var names = new JsValue[_tools.Functions.Count];
        var realNames = new JsValue[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = new JsString(_tools.Functions[i].Name);
            realNames[i] = new JsString(_tools.Functions[i].RealName);
        }

        host.Set("toolNames", new JsArray(engine, names));
        host.Set("realNames", new JsArray(engine, realNames));
        host.Set("lookup", new ClrFunction(engine, "lookup", (_, args) => _tools.Lookup(Arg(args, 0)) is { } realName ? realName : JsValue.Undefined, 1));
        host.Set("log", new ClrFunction(engine, "log", (_, args) => Log(Arg(args, 0), Arg(args, 1)), 2));
        host.Set("done", new ClrFunction(engine, "done", (_, args) => Set(ref _doneJson, Arg(args, 0)), 1));
        host.Set("fail", new ClrFunction(engine, "fail", (_, args) => Set(ref _failure, Arg(args, 0)), 1));
        host.Set("call", new ClrFunction(engine, "call", (_, args) => Call(engine, Arg(args, 0), Arg(args, 1), token), 2));
        host.Set("resources", _tools.ResourcesJson);
        host.Set("read", new ClrFunction(engine, "read", (_, args) => Read(engine, Arg(args, 0), token), 1));
        host.Set("compile", new ClrFunction(engine, "compile", (_, args) => Compile(engine, Arg(args, 0), args.Length > 1 ? args[1] : JsValue.Undefined), 2));
    }

    // The limit a script passed to codemode.search(query, { limit }); the index clamps it.
    private static int SearchLimit(JsValue[] args) =>
        args.Length > 1 && args[1].IsNumber() && !double.IsNaN(args[1].AsNumber())
            ? (int)Math.Clamp(args[1].AsNumber(), 1, CodeModeSearchIndex.MaxLimit)
            : CodeModeSearchIndex.DefaultLimit;

    // A tool list handed to the script is its allocation: one too large for what is left of the budget is refused
    // with a catchable RangeError before it is parsed (a catalog of thousands of operations is megabytes; search returns a few).
    private JsString Listed(string json)
    {
        _memory.EnsureRoom(CheckedBuiltins.ParseCost(json), "The list (" + json.Length + " characters of JSON; codemode.search(query) returns only the best matches)");
        return new JsString(json);
    }

    private JsValue Call(Engine engine, string realName, string argumentsJson, CancellationToken token) =>
        _tools.Invoke is { } invoke
            ? Start(engine, () => invoke(realName, argumentsJson, token))
            : throw new SandboxLimitException("Tools can only be called from execute.");

    private JsValue Read(Engine engine, string uri, CancellationToken token) =>
        _tools.Read is { } read
            ? Start(engine, () => read(uri, token))
            : throw new SandboxLimitException("Resources can only be read from execute.");

    // Tool calls and resource reads share one budget: each is a governed, audited request.
    private JsValue Start(Engine engine, Func<Task<InnerCallOutcome>> work)
    {
        if (++_innerCalls > _options.MaxInnerCalls)
        {
            _limitHit = $"The code made more than {_options.MaxInnerCalls} tool calls and resource reads (McpPlatform:CodeMode:MaxInnerCalls).";
            throw new SandboxLimitException(_limitHit);
        }

        var promise = engine.Advanced.RegisterPromise();
        // Started here, up to its first await (the gate, and all of a tool that answers at once), so a quick call costs
        // no thread hop; what it allocates is not the script's. The script goes on while the call waits.
        var task = _memory.Excluding(() => StartInline(work));
        _pending.Add(new PendingCall(task, promise.Resolve));
        _started.Add(task);
        return promise.Promise;
    }

    private static Task<InnerCallOutcome> StartInline(Func<Task<InnerCallOutcome>> work)
    {
        try
        {
            return work();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return Task.FromException<InnerCallOutcome>(failure);
        }
    }

    // The source text eval() or a Function constructor is about to parse: converted once here (so a
    // toString runs once), measured, and handed on as strings. eval of a non-string returns it as is.
    private JsValue Compile(Engine engine, string what, JsValue arguments)
    {
        if (arguments is not Jint.Native.Object.ObjectInstance list)
        {
            return arguments;
        }

        var length = (int)Math.Min(TypeConverter.ToLength(list.Get("length")), int.MaxValue);
        var strings = new JsValue[length];
        double chars = 0;
        for (var i = 0; i < length; i++)
        {
            var item = list.Get(i);
            strings[i] = what == "eval()" ? item : TypeConverter.ToString(item);
            chars += strings[i].IsString() ? strings[i].AsString().Length : 0;
        }

        _memory.EnsureRoom(chars * BytesPerSourceChar, what);
        return new JsArray(engine, strings);
    }

    private JsValue Log(string level, string text)
    {
        var line = level is "log" or "info" or "debug" ? text : $"[{level}] {text}";
        var bytes = Encoding.UTF8.GetByteCount(line);
        if (_droppedLogBytes > 0 || _logBytes + bytes > _options.MaxLogBytes)
        {
            _droppedLogBytes += bytes;
            return JsValue.Undefined;
        }

        _logs.Add(line);
        _logBytes += bytes;
        return JsValue.Undefined;
    }

    private static JsValue Set(ref string? field, string value)
    {
        field ??= value;
        return JsValue.Undefined;
    }

    private static string Arg(JsValue[] args, int index) =>
        index < args.Length && args[index].IsString() ? args[index].AsString() : string.Empty;

    // Turning a result into JavaScript values is the script's allocation: it is measured, and a
    // result too large for what is left of the budget, or nested too deep, is an error the script can catch.
    private JsValue ToJs(Engine engine, InnerCallOutcome outcome)
    {
        var result = new JsObject(engine);
        if (outcome.Error is not null)
        {
            result.Set("error", outcome.Error);
        }
        else if (outcome.Json is not null && CheckedBuiltins.ParseCost(outcome.Json) > _memory.Remaining)
        {
            result.Set("error", $"The result is {outcome.Json.Length} characters of JSON; turning it into JavaScript values would take about {(long)CheckedBuiltins.ParseCost(outcome.Json)} bytes, " +
                $"more than the {_memory.Remaining} left of the memory limit of {_options.MemoryLimitBytes} bytes (McpPlatform:CodeMode:MemoryLimitBytes).");
        }
        else if (outcome.Json is not null && ScalarText.NonFinite(outcome.Json) is { } number)
        {
            result.Set("value", new JsNumber(number));
        }
        else if (outcome.Json is not null && JsonDepth.Exceeds(outcome.Json, MaxJsonDepth))
        {
            result.Set("error", JsonDepth.Message("The result", MaxJsonDepth));
        }
        else if (outcome.Json is not null)
        {
            result.Set("value", new JsonParser(engine).Parse(outcome.Json));
        }
        else
        {
            result.Set("value", outcome.Text is null ? JsValue.Null : new JsString(outcome.Text));
        }

        return result;
    }

    private void ThrowIfLimitHit()
    {
        if (_limitHit is not null)
        {
            throw new SandboxLimitException(_limitHit);
        }
    }

    private SandboxResult Fail(string message) =>
        new(null, message.Length > MaxErrorLength ? message[..MaxErrorLength] + "..." : message, _logs, _droppedLogBytes, _innerCalls);

    // The message for a failure the sandbox owns; null lets anything else propagate.
    private string? Describe(Exception failure, bool timedOut)
    {
        if (_limitHit is not null)
        {
            return _limitHit;
        }

        var seconds = _options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return failure switch
        {
            SandboxLimitException limit => limit.Message,
            System.Text.RegularExpressions.RegexMatchTimeoutException =>
                $"A regular expression ran longer than {_options.RegexTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (McpPlatform:CodeMode:RegexTimeout).",
            TimeoutException => $"The code ran longer than {seconds} s (McpPlatform:CodeMode:Timeout).",
            ExecutionCanceledException or OperationCanceledException when timedOut => $"The code ran longer than {seconds} s (McpPlatform:CodeMode:Timeout).",
            StatementsCountOverflowException => $"The code ran more than {_options.MaxStatements} statements (McpPlatform:CodeMode:MaxStatements).",
            MemoryLimitExceededException when failure.Message.Contains("array size", StringComparison.OrdinalIgnoreCase) =>
                $"The code made an array longer than {_options.MaxArrayLength} elements (McpPlatform:CodeMode:MaxArrayLength).",
            MemoryLimitExceededException => _memory.LimitMessage,
            RecursionDepthOverflowException => $"The code nested calls deeper than {_options.MaxRecursionDepth} (McpPlatform:CodeMode:MaxRecursionDepth).",
            JavaScriptException script => "Uncaught " + script.Error.ToString(),
            JintException jint => "The code failed: " + jint.Message,
            Acornima.ParseErrorException parse => "SyntaxError: " + parse.Message,
            InvalidOperationException when failure.Message.Contains("Module", StringComparison.Ordinal) =>
                "import is not available in the sandbox: there are no modules, files or network; call tools through codemode.",
            JsonException => "A tool result could not be read as JSON.",
            _ => null,
        };
    }

    private sealed record PendingCall(Task<InnerCallOutcome> Task, Action<JsValue> Resolve);
}

/// <summary>What the sandbox offers a script: the tool and resource lists for search, the tool functions and resource reads for execute.</summary>
/// <param name="Catalog">What <c>codemode.tools()</c> returns, as JSON; built only when the script asks.</param>
/// <param name="Search">What <c>codemode.search(query, { limit })</c> returns, as JSON: the best matches, best first.</param>
/// <param name="Functions">The tools that get a <c>codemode.&lt;name&gt;</c> function.</param>
/// <param name="Lookup">Any other tool name a script asks for, to its MCP name (null: no such tool).</param>
/// <param name="Invoke">Calls a tool by MCP name with JSON arguments; null in search.</param>
/// <param name="ResourcesJson">What <c>codemode.resources.list()</c> returns, as JSON.</param>
/// <param name="Read">Reads a resource by URI (<c>codemode.resources.read(uri)</c>); null in search.</param>
/// <param name="Stopped">Why the host stopped the execution, checked between the script's turns; null while it may go on.</param>
internal sealed record SandboxTools(
    Func<string> Catalog,
    Func<string, int, string> Search,
    IReadOnlyList<CodeModeTool> Functions,
    Func<string, string?> Lookup,
    Func<string, string, CancellationToken, Task<InnerCallOutcome>>? Invoke,
    string ResourcesJson,
    Func<string, CancellationToken, Task<InnerCallOutcome>>? Read,
    Func<string?>? Stopped = null);

/// <summary>An inner call's outcome as the script sees it: an error message, a JSON value, or text.</summary>
internal sealed record InnerCallOutcome(string? Error, string? Json, string? Text);

/// <summary>What an execution produced.</summary>
/// <param name="ResultJson">The returned value as JSON, when it succeeded.</param>
/// <param name="Error">Why it failed, naming the limit when one was hit.</param>
/// <param name="Logs">Captured console lines.</param>
/// <param name="DroppedLogBytes">Console output dropped past <see cref="CodeModeOptions.MaxLogBytes"/>.</param>
/// <param name="InnerCalls">Tool calls the script made.</param>
internal sealed record SandboxResult(string? ResultJson, string? Error, IReadOnlyList<string> Logs, int DroppedLogBytes, int InnerCalls);

/// <summary>A sandbox limit ended the execution.</summary>
internal sealed class SandboxLimitException(string message) : Exception(message);
