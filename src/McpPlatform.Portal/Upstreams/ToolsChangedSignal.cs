using System.Threading.Channels;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Turns "the tool list may have changed" signals (connect, notifications/tools/list_changed, the refresh timer) into
/// calls of <c>raise</c>, at most one per <c>window</c>: the first signal is passed on at once, any number arriving
/// while it is handled or within the window become one more call after it. An upstream flooding list_changed thus
/// costs the portal one tools/list per window, not one per notification.
/// </summary>
internal sealed class ToolsChangedSignal(Func<Task> raise, TimeSpan window, TimeProvider time)
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Notes that the tool list may have changed.</summary>
    public void Signal() => _pending.Writer.TryWrite(true);

    /// <summary>Passes signals on until <paramref name="stopping"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stopping).ConfigureAwait(false))
            {
                _pending.Reader.TryRead(out _);
                await raise().ConfigureAwait(false);
                await Task.Delay(window, time, stopping).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // stopped with the connection
        }
    }
}
