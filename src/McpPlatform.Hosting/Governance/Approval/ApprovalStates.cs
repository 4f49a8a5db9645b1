using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace McpPlatform.Hosting.Governance.Approval;

/// <summary>
/// The <c>requestState</c> of an approval question sent back as a protocol 2026-07-28 input-required result: the
/// caller, tool, hash of the arguments shown and a deadline, protected with ASP.NET Core Data Protection so a client
/// can neither forge nor alter it. A state is accepted once (a replayed answer is refused) and only for the same
/// caller, tool and arguments; after its deadline the answer counts as a timeout.
/// </summary>
/// <remarks>
/// Used states are remembered by <see cref="IUsedRequestStates"/> until their deadline: in this process by default, in
/// Redis when <c>McpPlatform:Redis</c> is configured, which also keeps the Data Protection key ring in Redis, so replicas
/// behind a load balancer read each other's states.
/// </remarks>
internal sealed class ApprovalStates(IDataProtectionProvider protection, TimeProvider time, IUsedRequestStates used)
{
    private readonly IDataProtector _protector = protection.CreateProtector("McpPlatform.Approval.RequestState.v1");

    /// <summary>
    /// A new state for the question; <paramref name="journal"/> names a Code Mode execution's journal of the calls before it,
    /// <paramref name="outer"/> the approval the request's own call (a snippet or <c>execute</c> an approval rule covers)
    /// already got, so the retry need not ask for it again.
    /// </summary>
    public string Issue(string subject, string tool, string argumentsSha256, TimeSpan timeout, string? journal = null, OuterApproval? outer = null)
    {
        var state = new State(
            subject, tool, argumentsSha256, time.GetUtcNow().Add(timeout).ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), journal,
            outer?.Tool, outer?.ArgumentsSha256, outer?.ApprovedBy);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, ApprovalStateJson.Default.State);
        return "mcpapproval." + Base64Url(_protector.Protect(bytes));
    }

    /// <summary>
    /// What a state says, if this server issued it (protection checked; caller, tool, deadline and first use are not):
    /// how an <c>execute</c> retry finds its journal before the script runs. Null for no state; throws nothing.
    /// </summary>
    public State? Read(string? requestState, out bool forged)
    {
        forged = false;
        if (requestState is null || !requestState.StartsWith("mcpapproval.", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(FromBase64Url(requestState["mcpapproval.".Length..]));
            var state = JsonSerializer.Deserialize(bytes, ApprovalStateJson.Default.State);
            forged = state is null;
            return state;
        }
        catch (Exception failure) when (failure is CryptographicException or FormatException or JsonException)
        {
            forged = true;
            return null;
        }
    }

    /// <summary>Whether <paramref name="state"/> is past its deadline.</summary>
    public bool IsExpired(State state) => time.GetUtcNow().ToUnixTimeSeconds() > state.Deadline;

    /// <summary>The state's deadline.</summary>
    public static DateTimeOffset DeadlineOf(State state) => DateTimeOffset.FromUnixTimeSeconds(state.Deadline);

    /// <summary>
    /// What a state returned by a client says about the current call. <see cref="StateCheck.OuterApproved"/>: the state is
    /// an inner call's question, issued while this very call (same caller, tool and arguments) ran with the approval
    /// <paramref name="outerApprovedBy"/> gave; the state is not used up here (the inner call it answers uses it).
    /// </summary>
    public StateCheck Check(string? requestState, string subject, string tool, string argumentsSha256, out string? outerApprovedBy)
    {
        outerApprovedBy = null;
        if (requestState is null || !requestState.StartsWith("mcpapproval.", StringComparison.Ordinal))
        {
            return StateCheck.Absent;
        }

        State? state;
        try
        {
            var bytes = _protector.Unprotect(FromBase64Url(requestState["mcpapproval.".Length..]));
            state = JsonSerializer.Deserialize(bytes, ApprovalStateJson.Default.State);
        }
        catch (Exception failure) when (failure is CryptographicException or FormatException or JsonException)
        {
            return StateCheck.Invalid;
        }

        if (state is not null && state.Subject == subject && state.Journal is not null && state.OuterApprovedBy is not null
            && state.OuterTool == tool && state.OuterArgumentsSha256 == argumentsSha256)
        {
            outerApprovedBy = state.OuterApprovedBy;
            return IsExpired(state) ? StateCheck.Expired : StateCheck.OuterApproved;
        }

        if (state is null || state.Subject != subject || state.Tool != tool || state.ArgumentsSha256 != argumentsSha256)
        {
            return StateCheck.Invalid;
        }

        if (IsExpired(state))
        {
            return StateCheck.Expired;
        }

        return used.TryUse(state.Nonce, DateTimeOffset.FromUnixTimeSeconds(state.Deadline)) ? StateCheck.Valid : StateCheck.Replayed;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    /// <summary>
    /// A decoded state; <paramref name="Journal"/> is set for a Code Mode inner call's question, the Outer fields when
    /// the request's own call had been approved before that question.
    /// </summary>
    internal sealed record State(
        string Subject, string Tool, string ArgumentsSha256, long Deadline, string Nonce, string? Journal = null,
        string? OuterTool = null, string? OuterArgumentsSha256 = null, string? OuterApprovedBy = null);
}

/// <summary>The approval the request's own call got (tool, hash of the arguments shown, who approved).</summary>
internal sealed record OuterApproval(string Tool, string ArgumentsSha256, string ApprovedBy);

/// <summary>What <see cref="ApprovalStates.Check"/> found.</summary>
internal enum StateCheck
{
    /// <summary>No approval state: the question has not been asked yet.</summary>
    Absent,

    /// <summary>Issued here for this caller, tool and arguments, in time, first use.</summary>
    Valid,

    /// <summary>Forged, altered, or issued for another caller, tool or arguments.</summary>
    Invalid,

    /// <summary>Past its deadline: the answer came too late.</summary>
    Expired,

    /// <summary>Already used once.</summary>
    Replayed,

    /// <summary>An inner call's question, asked while this call ran approved: the call stays approved for the retry.</summary>
    OuterApproved,
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ApprovalStates.State))]
internal sealed partial class ApprovalStateJson : System.Text.Json.Serialization.JsonSerializerContext;
