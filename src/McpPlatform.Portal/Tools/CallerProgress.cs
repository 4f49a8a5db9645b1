using McpPlatform.Portal.Relay;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tools;

/// <summary>
/// The upstream's progress, sent to the caller in the order the upstream reported it, under the caller's own token.
/// <see cref="DrainAsync"/> lets the tool wait for every notice before it returns its result: the caller's response
/// stream ends with the result, so a notice sent after it would be lost (the conformance suite's
/// tools-call-with-progress counted 2 of 3 through the portal before this).
/// </summary>
internal sealed class CallerProgress(McpServer caller, ProgressToken token) : IProgress<ProgressNotificationValue>
{
    private readonly OrderedSends _sends = new();

    public void Report(ProgressNotificationValue value) => _sends.Post(() => caller.NotifyProgressAsync(token, value));

    /// <summary>Completes once every notice reported so far was sent (or dropped).</summary>
    public Task DrainAsync() => _sends.DrainAsync();
}
