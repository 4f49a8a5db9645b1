using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Resources;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.Governance;
using McpPlatform.Hosting.Governance.RateLimiting;
using McpPlatform.Hosting.Resources;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Answers the <c>search</c> and <c>execute</c> tools: reads the code, applies the caller's
/// concurrency cap, gives the sandbox only what policy lets this caller see, and sends every
/// inner call and resource read through <see cref="ToolCallGate"/> with its own audit record under the execution.
/// </summary>
public sealed partial class CodeModeRunner
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CodeModeOptions _options;
    private readonly CodeModeToolIndex _index;
    private readonly ToolCallGate _gate;
    private readonly CallerIdentityResolver _callers;
    private readonly CodeModeConcurrency _concurrency;
    private readonly CodeModeResources _resources;
    private readonly AuditLog? _audit;
    private readonly CallerRateLimits? _limits;
    private readonly McpPlatform.Governance.Rollback.ExecutionStore? _executions;
    private readonly IExecutionJournals? _journals;
    private readonly ILogger<CodeModeRunner> _logger;

    // Engines prepared ahead, each for one execution: as many as one caller may run at once, so a short burst finds them ready.
    private readonly SandboxEngines _engines;

    // Scripts normalized and parsed once per caller (immutable; each execution still gets its own engine).
    private readonly PreparedCode _prepared;

    internal CodeModeRunner(
        IOptions<CodeModeOptions> options,
        CodeModeToolIndex index,
        ToolCallGate gate,
        CallerIdentityResolver callers,
        CodeModeConcurrency concurrency,
        IServiceProvider services,
        ILogger<CodeModeRunner> logger)
    {
        _options = options.Value;
        _index = index;
        _gate = gate;
        _callers = callers;
        _concurrency = concurrency;
        _resources = new CodeModeResources(services.GetService<McpResourceCatalog>(), gate);
        _audit = services.GetService<AuditLog>();
        _limits = services.GetService<CallerRateLimits>();
        // Executions are recorded only where rollback is offered (some tool declares an inverse).
        _executions = services.GetService<Rollback.RollbackSurface>() is { IsOffered: true } ? services.GetService<McpPlatform.Governance.Rollback.ExecutionStore>() : null;
        _journals = services.GetService<IExecutionJournals>();
        _logger = logger;
        _engines = new SandboxEngines(_options, Math.Clamp(_options.MaxConcurrentExecutionsPerCaller, 1, 8));
        _engines.Refill();
        _prepared = new PreparedCode(_options.RegexTimeout);
    }

    /// <summary>Runs a <c>search</c> or <c>execute</c> call; the name must be one of the two.</summary>
    public async ValueTask<CallToolResult> RunAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var execute = request.Params?.Name == CodeModeSurface.ExecuteToolName;
        var outer = AuditScope.Current;
        if (outer is not null)
        {
            outer.Tool = execute ? CodeModeSurface.ExecuteToolName : CodeModeSurface.SearchToolName;
            outer.Decision = AuditDecisions.Allowed;
            outer.Rule = "code-mode";
        }

        // An execute is one execution for rollback: its Write and Destructive calls are recorded, its id returned in _meta.
        var journal = execute && _executions is not null ? _executions.Begin(CallerPartition.Key(_callers.Resolve(request.User))) : null;
        CallToolResult result;
        if (journal is null)
        {
            result = await RunCoreAsync(request, execute, outer, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using (Rollback.ExecutionScope.Begin(journal))
            {
                result = await RunCoreAsync(request, execute, outer, cancellationToken).ConfigureAwait(false);
            }

            await _executions!.KeepAsync(journal, CancellationToken.None).ConfigureAwait(false);
            result = Rollback.ExecutionScope.WithExecutionId(result, journal);
        }

        if (outer is not null)
        {
            outer.Outcome = result.IsError == true ? AuditOutcomes.ToolError : AuditOutcomes.Ok;
            outer.ResultBytes = AuditArgumentsBytes(result);
        }

        return result;
    }

    private async ValueTask<CallToolResult> RunCoreAsync(
        RequestContext<CallToolRequestParams> request, bool execute, AuditRecord? outer, CancellationToken cancellationToken)
    {
        if (!TryReadCode(request.Params?.Arguments, out var code, out var problem))
        {
            return ToolResults.Error(problem);
        }

        if (outer is not null)
        {
            // What the model asked to run, as the reviewer needs it: the script (capped) and the hash of all of it.
            // Cut like every other audited field (prefix, length, SHA-256), at the script's own, longer cap.
            outer.Code = code.Length <= _options.MaxAuditedCodeLength ? code : AuditFieldLimits.Cut(code, _options.MaxAuditedCodeLength);
            outer.CodeSha256 = AuditFieldLimits.Sha256Hex(code);
        }

        var caller = _callers.Resolve(request.User);
        var prepared = _prepared.Get(CallerPartition.Key(caller), code);
        var normalized = prepared.Normalized;
        if (normalized.Error is not null)
        {
            return ToolResults.Error(normalized.Error);
        }

        // Protocol 2026-07-28: an inner call that needs approval stops the execution and the retry replays its journal.
        var replay = execute ? await ReplayAsync(request, caller, code, outer, cancellationToken).ConfigureAwait(false) : null;
        if (replay is { Refusal: { } refusal })
        {
            return ToolResults.Error(refusal);
        }

        var (slot, refused) = await EnterSlotAsync(caller, "Code Mode executions", "Code Mode executions", cancellationToken).ConfigureAwait(false);
        if (slot is null)
        {
            return refused!; // null slot, non-null refusal
        }

        var inner = execute ? new InnerCalls(this, request, caller, outer, replay?.Replay) : null;
        var sandbox = new CodeModeSandbox(_options, Tools(execute, caller, inner), failure => LogUnexpected(_logger, failure), _engines);
        try
        {
            var result = await RunSandboxAsync(sandbox, normalized.Source!, prepared.Script, execute, caller, cancellationToken).ConfigureAwait(false);
            if (replay?.Replay is { Question: { } question } stopped)
            {
                return await AskAsync(request, stopped, question, outer, cancellationToken).ConfigureAwait(false);
            }

            return inner?.MissingScopes() is { Count: > 0 } missing ? StepUp(missing, result) : result;
        }
        finally
        {
            ReleaseWhenSettled(slot, sandbox.Settled);
        }
    }

    /// <summary>
    /// A slot under the caller's cap on concurrent executions (execute and snippets share it), or the tool error that
    /// refuses the execution (slot null): the shared store unavailable, or the cap reached.
    /// </summary>
    private async ValueTask<(IDisposable? Slot, CallToolResult? Refused)> EnterSlotAsync(
        CallerIdentity caller, string counted, string capped, CancellationToken cancellationToken)
    {
        var (slot, unavailable) = await _concurrency.TryEnterAsync(CallerPartition.Key(caller), cancellationToken).ConfigureAwait(false);
        if (unavailable)
        {
            CodeModeTelemetry.Refused("shared-store-unavailable");
            return (null, ToolResults.Error($"Refused: the shared limit store (McpPlatform:Redis) is unavailable, so {counted} cannot be counted. Retry shortly."));
        }

        if (slot is null)
        {
            CodeModeTelemetry.Refused("MaxConcurrentExecutionsPerCaller");
            return (null, ToolResults.Error($"Too many {capped} running at once for this caller (limit {_concurrency.Limit}, McpPlatform:CodeMode:MaxConcurrentExecutionsPerCaller). Retry when one has finished."));
        }

        return (slot, null);
    }

    // The slot is given back only when every inner call of the execution has ended, so a tool that
    // ignores cancellation keeps counting against the caller's cap instead of running on unseen.
    private static void ReleaseWhenSettled(IDisposable slot, Task settled)
    {
        if (settled.IsCompleted)
        {
            slot.Dispose();
            return;
        }

        _ = settled.ContinueWith(static (_, state) => ((IDisposable)state!).Dispose(), slot, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private SandboxTools Tools(bool execute, CallerIdentity caller, InnerCalls? inner)
    {
        // Positions in the index of the tools this caller may call: what tools() lists, search() ranks and execute() offers.
        // execute() also offers the tools refused only for a missing scope, so a script that calls one gets the
        // catchable insufficient_scope error naming the scopes, and the client can step up (see StepUp).
        var allowed = new bool[_index.Tools.Count];
        var callable = new bool[_index.Tools.Count];
        for (var i = 0; i < allowed.Length; i++)
        {
            var decision = _gate.Decide(caller, _index.Tools[i].Descriptor);
            allowed[i] = decision.Allowed;
            callable[i] = decision.Allowed || decision.RequiredScopes.Count > 0;
        }

        return new SandboxTools(
            () => CodeModeCatalogEntry.Array(_index, Enumerable.Range(0, allowed.Length).Where(i => allowed[i])),
            (query, limit) => CodeModeCatalogEntry.Array(_index, _index.SearchIndex.Search(query, limit, i => allowed[i]).Select(t => _index.PositionOf(t.RealName))),
            execute ? [.. _index.Tools.Where((_, i) => callable[i])] : [],
            name => _index.TryGet(name, out var tool) ? tool.RealName : null,
            inner is null ? null : inner.InvokeAsync,
            _resources.ListJson(caller),
            inner is null ? null : inner.ReadAsync,
            inner?.Replay is { } replay ? () => replay.Stopped : null);
    }

    private async Task<CallToolResult> RunSandboxAsync(CodeModeSandbox sandbox, string source, Jint.Prepared<Acornima.Ast.Script>? script, bool execute, CallerIdentity caller, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = McpPlatform.Governance.Telemetry.PlatformTelemetry.Start("codemode." + (execute ? "execute" : "search"));
        var outcome = await sandbox.RunAsync(source, script, cancellationToken).ConfigureAwait(false);
        CodeModeTelemetry.Finished(span, outcome);
        LogFinished(_logger, execute ? "execute" : "search", caller.Subject, outcome.InnerCalls, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds, outcome.Error is null);
        if (outcome.Error is null && outcome.ResultJson is { } json && JsonDepth.Exceeds(json, CodeModeSandbox.MaxJsonDepth))
        {
            // The reply is JSON too: a deeper value cannot be sent back, so the caller learns which limit it hit.
            outcome = outcome with { ResultJson = null, Error = JsonDepth.Message("The returned value", CodeModeSandbox.MaxJsonDepth) };
        }

        return outcome.Error is not null ? Failed(outcome) : Succeeded(outcome);
    }

    private static bool TryReadCode(IDictionary<string, JsonElement>? arguments, out string code, out string problem)
    {
        code = string.Empty;
        problem = string.Empty;
        if (arguments is null || !arguments.TryGetValue("code", out var value) || value.ValueKind != JsonValueKind.String)
        {
            problem = "The 'code' argument is required and must be a string: a JavaScript async arrow function, e.g. async () => { ... }.";
            return false;
        }

        code = value.GetString() ?? string.Empty;
        return true;
    }

    private CallToolResult Succeeded(SandboxResult outcome)
    {
        var resultJson = outcome.ResultJson ?? "null";
        var structured = new JsonObject();
        var originalBytes = Encoding.UTF8.GetByteCount(resultJson);
        if (originalBytes > _options.MaxResultBytes)
        {
            structured["result"] = JsonNode.Parse(JsonTruncation.Truncate(resultJson, _options.MaxResultBytes));
            structured["truncated"] = true;
            structured["originalBytes"] = originalBytes;
        }
        else
        {
            structured["result"] = JsonNode.Parse(resultJson);
        }

        structured["logs"] = Logs(outcome);
        var text = structured.ToJsonString(RelaxedJson);
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = text }],
            StructuredContent = JsonDocument.Parse(text).RootElement.Clone(),
        };
    }

    /// <summary>
    /// An execution in which an inner call was refused only for a missing scope ends as a tool error that starts with
    /// <c>insufficient_scope</c> and names every scope those calls need, whether or not the script caught the error: the
    /// execute call's HTTP answer has already begun (HTTP 200) when the inner call is refused, so this is how the client
    /// learns to re-authorize with those scopes and run the execution again. What the script returned or threw follows.
    /// </summary>
    private static CallToolResult StepUp(IReadOnlyCollection<string> scopes, CallToolResult result)
    {
        var scope = string.Join(' ', scopes);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"insufficient_scope: a tool this execution called needs scope \"{scope}\", which the token lacks. ")
            .Append(CultureInfo.InvariantCulture, $"Re-authorize with scope \"{scope}\" (OAuth scope step-up) and run the execution again.");
        foreach (var block in result.Content.OfType<TextContentBlock>())
        {
            text.Append(result.IsError == true ? "\nThe execution failed: " : "\nThe execution returned: ").Append(block.Text);
        }

        var structured = new JsonObject { ["error"] = "insufficient_scope", ["scope"] = scope };
        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = text.ToString() }],
            StructuredContent = JsonDocument.Parse(structured.ToJsonString()).RootElement.Clone(),
        };
    }

    private static CallToolResult Failed(SandboxResult outcome)
    {
        var text = new StringBuilder(outcome.Error);
        if (outcome.Logs.Count > 0)
        {
            text.Append("\nConsole output before the error:\n").AppendJoin('\n', outcome.Logs);
        }

        if (outcome.DroppedLogBytes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n[{outcome.DroppedLogBytes} more bytes of console output dropped]");
        }

        return ToolResults.Error(text.ToString());
    }

    private JsonArray Logs(SandboxResult outcome)
    {
        var logs = new JsonArray();
        foreach (var line in outcome.Logs)
        {
            logs.Add(line);
        }

        if (outcome.DroppedLogBytes > 0)
        {
            logs.Add($"[{outcome.DroppedLogBytes} more bytes of console output dropped: McpPlatform:CodeMode:MaxLogBytes is {_options.MaxLogBytes}]");
        }

        return logs;
    }

    private static long AuditArgumentsBytes(CallToolResult result) =>
        result.Content.OfType<TextContentBlock>().Sum(t => (long)Encoding.UTF8.GetByteCount(t.Text));

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Code Mode {Tool} by {Subject}: {InnerCalls} inner calls in {ElapsedMs} ms, succeeded: {Succeeded}")]
    private static partial void LogFinished(ILogger logger, string tool, string subject, int innerCalls, long elapsedMs, bool succeeded);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Code Mode execution failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception failure);

    /// <summary>The inner calls and resource reads of one execution: each through the gate, each with its own audit record.</summary>
    private sealed class InnerCalls(
        CodeModeRunner runner, RequestContext<CallToolRequestParams> request, CallerIdentity caller, AuditRecord? outer, ExecutionReplay? replay, InnerCalls? enclosing = null)
    {
        // The execution whose inner call is running now (a snippet called from it runs its calls as part of it: InCall).
        private static readonly AsyncLocal<InnerCalls?> Running = new();

        /// <summary>The execution's journal on protocol 2026-07-28; null elsewhere.</summary>
        public ExecutionReplay? Replay => replay;

        /// <summary>The runner this execution belongs to.</summary>
        public CodeModeRunner Runner => runner;

        private readonly SortedSet<string> _missingScopes = new(StringComparer.Ordinal);
        private int _sequence;

        /// <summary>
        /// The inner calls of a snippet called from inside this execution (<c>codemode.snippets.NAME</c>): numbered in this
        /// execution's sequence and journaled in its journal (the request whose retry brings the answer is the execute's),
        /// audited under the snippet call's record <paramref name="snippetRecord"/>.
        /// </summary>
        public InnerCalls Nested(AuditRecord? snippetRecord) => new(runner, request, caller, snippetRecord, replay, this);

        // The approval the request's own call (execute or a snippet) got, if a rule asked for one: an inner question's
        // state carries it, so the retry that brings the inner answer does not ask for the outer call again.
        private Governance.Approval.OuterApproval? RequestApproval() =>
            RequestRecord is { ApprovedBy: { } by, Tool: { } tool, ApprovalArgumentsSha256: { } shown } ? new(tool, shown, by) : null;

        private AuditRecord? RequestRecord => enclosing is not null ? enclosing.RequestRecord : outer;

        /// <summary>The execution an inner call of which is running on this async flow; null outside one.</summary>
        public static InnerCalls? Current => Running.Value;

        private int NextSequence() => enclosing is not null ? enclosing.NextSequence() : Interlocked.Increment(ref _sequence);

        /// <summary>Every scope the inner calls refused only for a missing scope need (sorted); empty when none was.</summary>
        public IReadOnlyCollection<string> MissingScopes()
        {
            lock (_missingScopes)
            {
                return [.. _missingScopes];
            }
        }

        public Task<InnerCallOutcome> InvokeAsync(string realName, string argumentsJson, CancellationToken cancellationToken) =>
            runner._index.TryGet(realName, out var tool)
                ? AuditedAsync(RequestMethods.ToolsCall, tool.RealName, $"The call of {tool.Name}", replay is null ? null : ExecutionReplay.ToolKey(tool.RealName, argumentsJson), (record, position) => CallAsync(tool, argumentsJson, record, position, cancellationToken), cancellationToken, recorded => RecordReplayed(tool, argumentsJson, recorded))
                : Task.FromResult(new InnerCallOutcome($"Unknown tool '{realName}'.", null, null));

        public Task<InnerCallOutcome> ReadAsync(string uri, CancellationToken cancellationToken) =>
            AuditedAsync(
                RequestMethods.ResourcesRead,
                null,
                $"The read of {(uri.Length <= 200 ? uri : uri[..200] + "...")}",
                replay is null ? null : ExecutionReplay.ReadKey(uri),
                (_, _) => runner._resources.ReadAsync(request, caller, uri, cancellationToken),
                cancellationToken);

        private async Task<InnerCallOutcome> CallAsync(CodeModeTool tool, string argumentsJson, AuditRecord record, int position, CancellationToken cancellationToken)
        {
            if (!TryParseArguments(argumentsJson, out var arguments))
            {
                record.Tool = tool.RealName;
                record.Outcome = AuditOutcomes.ToolError;
                record.Error = "arguments are not a JSON object";
                return new InnerCallOutcome($"The arguments of {tool.Name} must be one object, e.g. codemode.{tool.Name}({{ ... }}).", null, null);
            }

            // An inner call an approval rule covers is asked about on its own, while the script waits (a refusal is a catchable error).
            // On 2026-07-28 the question goes back to the client with this execution's journal, and only the call the
            // journal awaits reads the retry's answer.
            var asker = new Governance.Approval.ElicitationApprovalAsker(
                request.Server,
                replay is null || replay.IsAwaited(position) ? request.Params : null,
                (request.Services ?? request.Server.Services)!.GetRequiredService<Governance.Approval.ApprovalStates>(),
                innerCall: true,
                replay?.JournalId,
                replay is null ? null : RequestApproval());
            GateOutcome outcome;
            try
            {
                outcome = await runner._gate.AdmitAsync(caller, tool.Descriptor, arguments, cancellationToken, asker).ConfigureAwait(false);
            }
            catch (InputRequiredException question) when (replay is not null)
            {
                // The record keeps the gate's approval_requested; the execution stops and the runner sends the question.
                return replay.Stop(position, ExecutionReplay.ToolKey(tool.RealName, argumentsJson), question);
            }

            using var admitted = outcome;
            switch (admitted)
            {
                case GateOutcome.Denied { Decision.RequiredScopes.Count: > 0 } scope:
                    // Only a scope is missing: the script can catch this, and the execution ends asking for a step-up.
                    var needed = string.Join(' ', scope.Decision.RequiredScopes);
                    lock (_missingScopes)
                    {
                        _missingScopes.UnionWith(scope.Decision.RequiredScopes);
                    }

                    return new InnerCallOutcome($"insufficient_scope: {tool.Name} needs scope \"{needed}\" (denied by policy: {scope.Rule}. {scope.Reason}) Re-authorize with that scope and run again.", null, null);
                case GateOutcome.Denied denied:
                    return new InnerCallOutcome($"denied by policy: {denied.Rule}. {denied.Reason}", null, null);
                case GateOutcome.Allowed allowed:
                    Running.Value = this; // a snippet tool runs its calls as part of this execution
                    var result = await tool.Tool.InvokeAsync(InnerRequest(tool, allowed.Arguments), cancellationToken).ConfigureAwait(false);
                    return ToOutcome(runner._gate.Complete(allowed, tool.Descriptor, result), tool.Descriptor.TextResultIsJson);
                default:
                    return new InnerCallOutcome(outcome.RefusalMessage, null, null);
            }
        }

        // Every inner call and read has an audit record of its own under the execution's, written however it ends.
        private async Task<InnerCallOutcome> AuditedAsync(
            string method, string? tool, string what, string? journalKey, Func<AuditRecord, int, Task<InnerCallOutcome>> body, CancellationToken cancellationToken,
            Action<InnerCallOutcome>? replayed = null)
        {
            // Always a record of its own: the gate fills in AuditScope.Current, which must not be the execution's.
            var sequence = NextSequence();
            var record = ChildAuditRecord.Create(outer, sequence, method, caller);
            var started = Stopwatch.GetTimestamp();
            using var scope = AuditScope.Begin(record);
            try
            {
                if (replay is not null && journalKey is not null)
                {
                    var before = replay.Check(sequence, journalKey);
                    if (before.Refusal is { } refusal)
                    {
                        record.Tool = tool;
                        record.Outcome = AuditOutcomes.Refused;
                        record.Error = replay.Diverged ? "diverged from the journal" : "execution stopped";
                        return new InnerCallOutcome(refusal, null, null);
                    }

                    if (before.Recorded is { } recorded)
                    {
                        // Ran in an earlier round of this execution: the recorded outcome, the tool not run again.
                        record.Tool = tool;
                        record.Outcome = AuditOutcomes.Replayed;
                        replay.Record(sequence, journalKey, recorded);
                        replayed?.Invoke(recorded);
                        return recorded;
                    }
                }

                // Each inner call is a request of the caller's, from the same budget as one sent directly.
                using var lease = runner._limits is null ? null : await runner._limits.AcquireRequestAsync(CallerPartition.Key(caller), cancellationToken).ConfigureAwait(false);
                if (lease is { IsAcquired: false })
                {
                    record.Tool = tool;
                    record.Outcome = AuditOutcomes.RateLimited;
                    record.Error = "per-caller request budget";
                    var retry = CallerRateLimits.RetryAfterSeconds(lease) is { } seconds ? $" Retry after {seconds} s." : string.Empty;
                    return new InnerCallOutcome($"Rate limited: {what} is over this caller's request budget (McpPlatform:RateLimits:PerCaller).{retry}", null, null);
                }

                var outcome = await body(record, sequence).ConfigureAwait(false);
                if (journalKey is not null)
                {
                    // A snippet is never replayed whole: the retry runs it again and its own calls are replayed one by one
                    // (one cut short by the question did not finish; one that did must still record its calls for rollback).
                    var snippet = tool is not null && runner._index.TryGet(tool, out var called) && called.Tool is Snippets.SnippetMcpTool;
                    replay?.Record(sequence, journalKey, snippet ? null : outcome);
                }

                return outcome;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                record.Outcome = AuditOutcomes.Failed;
                record.Error = "canceled";
                return new InnerCallOutcome($"{what} was canceled.", null, null);
            }
            catch (Exception failure)
            {
                record.Outcome = AuditOutcomes.Failed;
                record.Error = failure.GetType().Name;
                return new InnerCallOutcome($"{what} failed: {failure.Message}", null, null);
            }
            finally
            {
                record.DurationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (runner._audit is not null)
                {
                    await runner._audit.WriteAsync(record, durable: false, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }

        // A call replayed from the journal ran in an earlier round, whose rollback record was not kept (the round ended
        // with the question): it is recorded into this round's execution as if it had run now.
        private static void RecordReplayed(CodeModeTool tool, string argumentsJson, InnerCallOutcome outcome)
        {
            if (outcome.Error is not null || Rollback.ExecutionScope.Current is null || !TryParseArguments(argumentsJson, out var arguments))
            {
                return;
            }

            var result = new CallToolResult
            {
                Content = [new TextContentBlock { Text = outcome.Text ?? outcome.Json ?? string.Empty }],
                StructuredContent = outcome.Json is { } json ? JsonDocument.Parse(json).RootElement.Clone() : null,
            };
            Rollback.ExecutionScope.Record(tool.Descriptor, arguments, result);
        }

        private RequestContext<CallToolRequestParams> InnerRequest(CodeModeTool tool, IDictionary<string, JsonElement>? arguments) =>
            new(request.Server, request.JsonRpcRequest, new CallToolRequestParams { Name = tool.RealName, Arguments = arguments })
            {
                Services = request.Services,
                User = request.User,
            };

        private static bool TryParseArguments(string json, out IDictionary<string, JsonElement>? arguments)
        {
            arguments = null;
            try
            {
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return false;
                }

                // One copy of the whole object, whose properties share it (cloning each value made a document per argument).
                var root = document.RootElement.Clone();
                arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in root.EnumerateObject())
                {
                    arguments.Add(property.Name, property.Value); // a repeated name fails as ToDictionary did
                }
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        // structuredContent goes to the script as an object; text-only results as a string, or as
        // the number or boolean it spells when the tool declares its text a JSON literal.
        private static InnerCallOutcome ToOutcome(CallToolResult result, bool textIsJson)
        {
            var text = string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text));
            if (result.IsError == true)
            {
                return new InnerCallOutcome(text.Length == 0 ? "The tool reported an error." : text, null, null);
            }

            if (result.StructuredContent is { } structured)
            {
                return new InnerCallOutcome(null, structured.GetRawText(), null);
            }

            if (result.Content.Any(block => block is not TextContentBlock))
            {
                return new InnerCallOutcome(null, JsonSerializer.Serialize(result.Content, ModelContextProtocol.McpJsonUtilities.DefaultOptions), null);
            }

            if (result.Content.Count == 0)
            {
                return new InnerCallOutcome(null, null, null);
            }

            return textIsJson && ScalarText.TryAsJson(text) is { } json
                ? new InnerCallOutcome(null, json, null)
                : new InnerCallOutcome(null, null, text);
        }
    }
}
