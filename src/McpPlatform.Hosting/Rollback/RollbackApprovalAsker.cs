using McpPlatform.Governance.Approval;
using McpPlatform.Hosting.Governance.Approval;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Rollback;

/// <summary>
/// Asks about the inverse calls of one rollback run. On protocol 2026-07-28 an inverse that needs approval ends the
/// rollback with an input-required result (what was undone before it is saved as undone first, so the retry does not run
/// it twice); the retry runs the rollback again over what is left, whose first inverse is the one that asked. So only the
/// first inverse that asks in a run may read the retry's answer; any later one asks afresh.
/// </summary>
internal sealed class RollbackApprovalAsker(McpServer server, RequestParams? parameters, ApprovalStates states) : IApprovalAsker
{
    private int _asked;

    /// <inheritdoc />
    public ValueTask<ApprovalAnswer> AskAsync(ApprovalRequest request, CancellationToken cancellationToken)
    {
        var answer = Interlocked.Exchange(ref _asked, 1) == 0 ? parameters : null;
        return new ElicitationApprovalAsker(server, answer, states, innerCall: false).AskAsync(request, cancellationToken);
    }
}
