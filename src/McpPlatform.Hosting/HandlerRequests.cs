using McpPlatform.Governance.Authentication;
using McpPlatform.Hosting.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting;

/// <summary>
/// What generated tools, resources and prompts read from the SDK's request context (services,
/// caller, logger), and which of their failures they turn into errors, kept in one place so
/// the three kinds behave alike.
/// </summary>
internal static class HandlerRequests
{
    /// <summary>The request's service provider (scoped per request by the SDK).</summary>
    public static IServiceProvider Services<TParams>(RequestContext<TParams> request) =>
        request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");

    /// <summary>Who is asking, from the validated access token (anonymous when authentication is off).</summary>
    public static CallerIdentity Caller<TParams>(RequestContext<TParams> request) =>
        Services(request).GetService(typeof(CallerIdentityResolver)) is CallerIdentityResolver resolver
            ? resolver.Resolve(request.User)
            : CallerIdentity.Anonymous;

    /// <summary>The logger of <typeparamref name="TCategory"/>, or a null logger when the server has no services.</summary>
    public static ILogger Logger<TCategory, TParams>(RequestContext<TParams> request) =>
        (request.Services ?? request.Server.Services)?.GetService<ILogger<TCategory>>()
        ?? (ILogger)NullLogger.Instance;

    /// <summary>
    /// True for a failure the handler reports as its own error: not a cancellation the caller asked
    /// for, and not a protocol error the method raised on purpose (that one reaches the client as is).
    /// </summary>
    public static bool IsHandlerFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is not McpProtocolException
        && !(exception is OperationCanceledException && cancellationToken.IsCancellationRequested);
}
