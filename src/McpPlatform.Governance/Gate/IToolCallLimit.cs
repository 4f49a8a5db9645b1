using System.Threading.RateLimiting;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Gate;

/// <summary>
/// A rate limit the gate takes a permit from for every admitted call, besides the caller's own limits: for what the
/// caller's limits cannot see, such as a portal's budget of calls to one upstream shared by every caller. Unlike an
/// <see cref="IToolAdmissionRule"/> it consumes something, so it runs for calls only, never for listings.
/// </summary>
public interface IToolCallLimit
{
    /// <summary>
    /// Null when this limit does not apply to <paramref name="tool"/>; otherwise the lease taken (the gate refuses the
    /// call as rate limited when it is not acquired, and disposes it) and what the limit is, as the caller reads it
    /// (<c>too many calls to upstream 'jira'</c>).
    /// </summary>
    (RateLimitLease Lease, string What)? Acquire(CallerIdentity caller, McpToolDescriptor tool);

    /// <summary>
    /// <see cref="Acquire"/> for a limit kept outside this process (a fleet's shared store): <paramref name="isRead"/> says
    /// whether the call is a read, which decides what a store that cannot be reached does (writes are refused).
    /// </summary>
    ValueTask<(RateLimitLease Lease, string What)?> AcquireAsync(CallerIdentity caller, McpToolDescriptor tool, bool isRead, CancellationToken cancellationToken) =>
        new(Acquire(caller, tool));
}
