namespace McpPlatform.Portal.Credentials;

/// <summary>
/// The caller's token for the duration of one upstream call, for <see cref="UpstreamCredentialHandler"/> to exchange
/// (RFC 8693). An <see cref="AsyncLocal{T}"/> rather than a request option because the SDK builds the HTTP request
/// itself: the POST carrying the call is sent on the caller's own async flow, so the value reaches the handler for
/// that request and for no other (the notification stream and other callers' requests run on their own flows).
/// </summary>
internal static class UpstreamCallContext
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The token of the caller on whose behalf the current request is sent; null outside a call.</summary>
    public static string? CallerToken => Current.Value;

    /// <summary>Sets the caller's token until the returned scope is disposed.</summary>
    public static Scope Enter(string? callerToken)
    {
        var previous = Current.Value;
        Current.Value = callerToken;
        return new Scope(previous);
    }

    /// <summary>Restores the previous value.</summary>
    public readonly struct Scope(string? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose() => Current.Value = previous;
    }
}
