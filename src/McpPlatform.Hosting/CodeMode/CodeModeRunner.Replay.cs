using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Governance.Approval;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The 2026-07-28 approval round trip of an <c>execute</c> (docs/approvals.md#code-mode): the first round stops at the
/// inner call that needs approval and answers input-required, its journal kept server-side; the retry brings the answer
/// and the state that names the journal, and the script runs again with the journal replayed.
/// </summary>
public sealed partial class CodeModeRunner
{
    private const string July2026 = "2026-07-28";

    /// <summary>
    /// The journal this execution replays and records, on protocol 2026-07-28; null on other protocols. A retry's state is
    /// checked here, before anything runs: forged, replayed or another caller's or script's is -32602; past its deadline
    /// is a refusal that names the timeout (the journal is gone, and the calls it held are not run again).
    /// </summary>
    private async ValueTask<(ExecutionReplay? Replay, string? Refusal)?> ReplayAsync(
        RequestContext<CallToolRequestParams> request, CallerIdentity caller, string code, AuditRecord? outer, CancellationToken cancellationToken)
    {
        if (_journals is null || string.CompareOrdinal(request.Server.NegotiatedProtocolVersion ?? string.Empty, July2026) < 0)
        {
            return null;
        }

        var codeSha256 = AuditFieldLimits.Sha256Hex(code);
        var states = (request.Services ?? request.Server.Services)!.GetRequiredService<ApprovalStates>();
        var state = states.Read(request.Params?.RequestState, out var forged);
        if (forged)
        {
            throw new McpProtocolException("The approval requestState was not issued by this server.", McpErrorCode.InvalidParams);
        }

        // No state, or the state of this call's own approval question (a rule covers the snippet or execute itself): the
        // gate has checked and used that one before the call got here, so the execution starts with an empty journal.
        if (state is null || (state.Journal is null && state.Subject == caller.Subject && state.Tool == request.Params?.Name && outer?.ApprovedBy is not null))
        {
            return (new ExecutionReplay(null, caller.Subject, codeSha256), null);
        }

        if (state.Journal is null || state.Subject != caller.Subject)
        {
            throw new McpProtocolException("The approval requestState was not issued for this caller's execute or snippet call.", McpErrorCode.InvalidParams);
        }

        if (states.IsExpired(state))
        {
            await _journals.TakeAsync(state.Journal, cancellationToken).ConfigureAwait(false);
            if (outer is not null)
            {
                outer.Approval = "timeout";
                outer.Decision = AuditDecisions.Denied;
            }

            return (null, $"Approval timed out: the answer about '{state.Tool}' came after its deadline. Nothing ran in this round, and the calls of the " +
                "round before are not repeated; run the execution again without requestState to start over.");
        }

        ExecutionJournal? journal;
        try
        {
            journal = await _journals.TakeAsync(state.Journal, cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            // Fail closed: without its journal the retry cannot tell which calls already ran, so nothing runs.
            if (outer is not null)
            {
                outer.Approval = "unavailable";
                outer.Decision = AuditDecisions.Denied;
            }

            return (null, $"Approval for '{state.Tool}' cannot be checked now: the shared store of executions waiting for an answer " +
                "(McpPlatform:Redis) is unavailable. Nothing ran in this round; retry the same call with the same requestState when it is back.");
        }

        if (journal is null)
        {
            throw new McpProtocolException("The approval requestState was already used (or its execution is unknown to this server): each answer admits one retry.", McpErrorCode.InvalidParams);
        }

        if (journal.Subject != caller.Subject || journal.CodeSha256 != codeSha256)
        {
            throw new McpProtocolException("The approval requestState was issued for another script: retry the execute call with the same code (a snippet call with the same arguments).", McpErrorCode.InvalidParams);
        }

        return (new ExecutionReplay(journal, caller.Subject, codeSha256), null);
    }

    /// <summary>
    /// The execution stopped for an approval: keeps its journal until the question's deadline and answers input-required
    /// (the exception the SDK turns into the result). A journal over its bound ends the execution with an error instead.
    /// </summary>
    private async Task<CallToolResult> AskAsync(
        RequestContext<CallToolRequestParams> request, ExecutionReplay replay, InputRequiredException question, AuditRecord? outer, CancellationToken cancellationToken)
    {
        var journal = replay.Journal();
        var states = (request.Services ?? request.Server.Services)!.GetRequiredService<ApprovalStates>();
        var state = states.Read(question.Result.RequestState, out _);
        if (journal.Bytes > ExecutionJournal.MaxBytes)
        {
            return ToolResults.Error(
                $"Approval required for '{state?.Tool}', and this execution cannot wait for it on protocol {July2026}: its {journal.Entries.Count} calls before it " +
                $"returned about {journal.Bytes} bytes, more than the {ExecutionJournal.MaxBytes} an execution's journal keeps for the round trip. Nothing more ran. " +
                "Call the tool directly, return less from the calls before it, or use a stateful session.");
        }

        var deadline = state is null ? DateTimeOffset.UtcNow.AddMinutes(2) : ApprovalStates.DeadlineOf(state);
        bool saved;
        try
        {
            saved = await _journals!.SaveAsync(replay.JournalId, journal, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (SharedStateUnavailableException)
        {
            if (outer is not null)
            {
                outer.Approval = "unavailable";
            }

            return ToolResults.Error($"Approval required for '{state?.Tool}', and the shared store that keeps executions waiting for an answer " +
                "(McpPlatform:Redis) is unavailable, so this execution cannot wait for it. Nothing more ran; retry when it is back.");
        }

        if (!saved)
        {
            return ToolResults.Error($"Approval required for '{state?.Tool}', and this server holds too many executions waiting for an answer. Nothing more ran; retry later.");
        }

        if (outer is not null)
        {
            outer.Approval = "requested";
            outer.Outcome = AuditOutcomes.ApprovalRequested;
        }

        throw question;
    }
}
