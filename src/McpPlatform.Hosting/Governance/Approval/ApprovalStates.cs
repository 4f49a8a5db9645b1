using System.Collections.Concurrent;
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
/// Used states are remembered in this process until their deadline. Replicas behind a load balancer need a shared
/// Data Protection key ring to read each other's states (the host's Data Protection setup).
/// </remarks>
internal sealed class ApprovalStates(IDataProtectionProvider protection, TimeProvider time)
{
    private const int MaxRemembered = 100_000;

    private readonly IDataProtector _protector = protection.CreateProtector("McpPlatform.Approval.RequestState.v1");
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);

    /// <summary>A new state for the question.</summary>
    public string Issue(string subject, string tool, string argumentsSha256, TimeSpan timeout)
    {
        var state = new State(subject, tool, argumentsSha256, time.GetUtcNow().Add(timeout).ToUnixTimeSeconds(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, ApprovalStateJson.Default.State);
        return "mcpapproval." + Base64Url(_protector.Protect(bytes));
    }

    /// <summary>What a state returned by a client says about the current call.</summary>
    public StateCheck Check(string? requestState, string subject, string tool, string argumentsSha256)
    {
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

        if (state is null || state.Subject != subject || state.Tool != tool || state.ArgumentsSha256 != argumentsSha256)
        {
            return StateCheck.Invalid;
        }

        var now = time.GetUtcNow();
        if (now.ToUnixTimeSeconds() > state.Deadline)
        {
            return StateCheck.Expired;
        }

        Forget(now);
        return _used.TryAdd(state.Nonce, DateTimeOffset.FromUnixTimeSeconds(state.Deadline)) ? StateCheck.Valid : StateCheck.Replayed;
    }

    private void Forget(DateTimeOffset now)
    {
        if (_used.Count < MaxRemembered / 2)
        {
            return;
        }

        foreach (var (nonce, deadline) in _used)
        {
            if (deadline < now)
            {
                _used.TryRemove(nonce, out _);
            }
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }

    internal sealed record State(string Subject, string Tool, string ArgumentsSha256, long Deadline, string Nonce);
}

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
}

[System.Text.Json.Serialization.JsonSerializable(typeof(ApprovalStates.State))]
internal sealed partial class ApprovalStateJson : System.Text.Json.Serialization.JsonSerializerContext;
