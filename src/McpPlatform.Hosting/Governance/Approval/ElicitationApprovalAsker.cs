using McpPlatform.Governance.Approval;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance.Approval;

/// <summary>
/// Asks the user to confirm a call through MCP elicitation (form mode, an empty form: accept or decline), the way the
/// caller's connection allows:
/// <list type="bullet">
/// <item>protocol 2026-07-28 (stateless): the call ends with an input-required result carrying the question and a
/// protected <c>requestState</c> (<see cref="ApprovalStates"/>); the client's retry brings the answer;</item>
/// <item>a stateful session on an earlier protocol: an <c>elicitation/create</c> request, waited for up to the timeout;</item>
/// <item>anything else (a client without the elicitation capability, stateless HTTP on an earlier protocol): the
/// question cannot be asked and the call is refused as <see cref="ApprovalVerdict.Unavailable"/>.</item>
/// </list>
/// </summary>
/// <param name="server">The request's server (its client's capabilities and protocol).</param>
/// <param name="parameters">The request's parameters: on a retry, the answer and the state.</param>
/// <param name="states">Issues and checks the request state.</param>
/// <param name="innerCall">True for a call made inside another request (Code Mode, rollback), which can end that request for a
/// 2026-07-28 round trip only when its calls so far are journaled (<paramref name="journal"/>).</param>
/// <param name="journal">For a Code Mode inner call on 2026-07-28: the id of the execution's journal (<c>CodeMode/ExecutionJournal</c>)
/// the request state names, so the retry replays the calls before this one instead of running them again. The parameters
/// are the retry's only for the call the journal awaits an answer for.</param>
/// <param name="outer">For such an inner call: the approval the request's own call got, carried in the question's state so
/// the retry of a snippet or <c>execute</c> that needed approval itself is not asked again.</param>
internal sealed class ElicitationApprovalAsker(
    McpServer server, RequestParams? parameters, ApprovalStates states, bool innerCall, string? journal = null, OuterApproval? outer = null) : IApprovalAsker
{
    /// <summary>The key of the question in an input-required result's <c>inputRequests</c>.</summary>
    public const string InputKey = "mcpplatform_approval";

    private const string July2026 = "2026-07-28";

    /// <inheritdoc />
    public async ValueTask<ApprovalAnswer> AskAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stateless2026 = string.CompareOrdinal(server.NegotiatedProtocolVersion ?? string.Empty, July2026) >= 0;
        var roundTrip = !innerCall || journal is not null;
        if (stateless2026 && roundTrip && FromRetry(request) is { } answer)
        {
            return answer;
        }

        if (server.ClientCapabilities is null)
        {
            return ApprovalAnswer.Unavailable(
                $"this stateless connection (protocol {server.NegotiatedProtocolVersion ?? "unknown"}) cannot carry a question to the user. Use protocol {July2026} or a stateful session with a client that supports elicitation.");
        }

        if (server.ClientCapabilities.Elicitation is null)
        {
            return ApprovalAnswer.Unavailable("the client did not declare the elicitation capability, so the user could not be asked.");
        }

        if (stateless2026 && roundTrip)
        {
            throw Question(request);
        }

        if (stateless2026)
        {
            return ApprovalAnswer.Unavailable(
                $"a call inside another request cannot wait for an answer on protocol {July2026} (the request would have to end for the round trip). Call the tool directly, or use a stateful session.");
        }

        return await ElicitAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ApprovalAnswer> ElicitAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout);
        try
        {
            var result = await server.ElicitAsync(Form(request), timeout.Token).ConfigureAwait(false);
            return Verdict(result, request);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ApprovalAnswer(ApprovalVerdict.Cancelled);
        }
        catch (OperationCanceledException)
        {
            return new ApprovalAnswer(ApprovalVerdict.TimedOut);
        }
        catch (McpException failure)
        {
            return ApprovalAnswer.Unavailable($"the client answered the question with an error ({failure.Message}).");
        }
        catch (InvalidOperationException failure)
        {
            return ApprovalAnswer.Unavailable(failure.Message);
        }
    }

    // A retry of a call that asked: the answer, if it is for this caller, tool and these arguments and came in time.
    private ApprovalAnswer? FromRetry(ApprovalRequest request)
    {
        StateCheck check;
        string? outerApprovedBy;
        try
        {
            check = states.Check(parameters?.RequestState, request.Caller.Subject, request.Tool, request.ArgumentsSha256, out outerApprovedBy);
        }
        catch (McpPlatform.Governance.RateLimiting.SharedStateUnavailableException)
        {
            // Fail closed: whether this answer was used before cannot be known, so it admits nothing.
            return ApprovalAnswer.Unavailable(
                "the shared store of used approval states (McpPlatform:Redis) is unavailable, so this answer could not be checked. Nothing ran; retry the call when it is back.");
        }

        switch (check)
        {
            case StateCheck.Absent:
                return null;
            case StateCheck.Expired:
                return new ApprovalAnswer(ApprovalVerdict.TimedOut);
            // A forged, altered or replayed state is a bad request (as the protocol's conformance scenarios expect), not an answer.
            case StateCheck.Invalid:
                throw new McpProtocolException("The approval requestState was not issued for this caller, tool and arguments.", McpErrorCode.InvalidParams);
            case StateCheck.Replayed:
                throw new McpProtocolException("The approval requestState was already used: each approval admits one call.", McpErrorCode.InvalidParams);
            case StateCheck.OuterApproved:
                // The answer is for an inner call; this call was approved in the round that asked it (the journal the
                // state names is taken once, so a replayed state still runs nothing).
                return ApprovalAnswer.Approve(outerApprovedBy!);
        }

        if (parameters?.InputResponses is not { } responses || !responses.TryGetValue(InputKey, out var response))
        {
            return ApprovalAnswer.Unavailable($"the retry carried no answer under '{InputKey}'.");
        }

        ElicitResult? result;
        try
        {
            result = response.Deserialize(InputResponse.ElicitResultJsonTypeInfo);
        }
        catch (System.Text.Json.JsonException)
        {
            result = null;
        }

        return result is null ? ApprovalAnswer.Unavailable("the answer is not an elicitation result.") : Verdict(result, request);
    }

    private InputRequiredException Question(ApprovalRequest request)
    {
        var state = states.Issue(request.Caller.Subject, request.Tool, request.ArgumentsSha256, request.Timeout, journal, outer);
        return new InputRequiredException(
            new Dictionary<string, InputRequest> { [InputKey] = InputRequest.ForElicitation(Form(request)) },
            state);
    }

    private static ApprovalAnswer Verdict(ElicitResult result, ApprovalRequest request) => result.Action switch
    {
        "accept" => ApprovalAnswer.Approve(request.Caller.Subject),
        "decline" => new ApprovalAnswer(ApprovalVerdict.Declined),
        _ => new ApprovalAnswer(ApprovalVerdict.Cancelled),
    };

    private static ElicitRequestParams Form(ApprovalRequest request) => new()
    {
        Message = request.Message,
        RequestedSchema = new ElicitRequestParams.RequestSchema(), // nothing to fill in: accept approves, decline refuses
    };
}
