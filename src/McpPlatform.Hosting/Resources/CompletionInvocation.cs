using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Authentication;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Resources;

/// <summary>One completion/complete as generated code sees it: the partial value and the request's services.</summary>
public sealed class CompletionInvocation(RequestContext<CompleteRequestParams> request, string value)
{
    private CallerIdentity? _caller;

    /// <summary>The SDK's request context.</summary>
    public RequestContext<CompleteRequestParams> Request { get; } = request ?? throw new ArgumentNullException(nameof(request));

    /// <summary>What the user has typed so far (empty when nothing).</summary>
    public string Value { get; } = value ?? "";

    /// <summary>The request's service provider.</summary>
    public IServiceProvider Services =>
        Request.Services ?? Request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");

    /// <summary>Who is asking, from the validated access token (anonymous when authentication is off).</summary>
    public CallerIdentity Caller => _caller ??= Services.GetService(typeof(CallerIdentityResolver)) is CallerIdentityResolver resolver
        ? resolver.Resolve(Request.User)
        : CallerIdentity.Anonymous;
}
