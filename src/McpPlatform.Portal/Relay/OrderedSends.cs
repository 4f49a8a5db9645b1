namespace McpPlatform.Portal.Relay;

/// <summary>
/// Notices for one caller, sent one after the other in the order posted. <see cref="DrainAsync"/> lets a tool wait for
/// every notice before it returns its result: the caller's response stream ends with the result, so a notice sent after
/// it would be lost.
/// </summary>
internal sealed class OrderedSends
{
    private readonly Lock _order = new();
    private Task _sent = Task.CompletedTask;

    /// <summary>Queues <paramref name="send"/> after every send posted before; a failing send is dropped (the caller went away).</summary>
    public void Post(Func<Task> send)
    {
        lock (_order)
        {
            _sent = _sent.ContinueWith(_ => SendAsync(send), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Completes once every notice posted so far was sent (or dropped).</summary>
    public Task DrainAsync()
    {
        lock (_order)
        {
            return _sent;
        }
    }

    private static async Task SendAsync(Func<Task> send)
    {
        try
        {
            await send().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A caller that went away must not fail the upstream call: a notice it cannot take is dropped.
        }
    }
}
