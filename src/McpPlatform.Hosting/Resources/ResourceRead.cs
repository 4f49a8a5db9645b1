using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Authentication;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Resources;

/// <summary>One resources/read as generated code sees it: the URI, its template variables and the request's services.</summary>
public sealed class ResourceRead
{
    private readonly IReadOnlyDictionary<string, string> _variables;
    private CallerIdentity? _caller;

    /// <summary>Wraps the SDK's request context for a read of <paramref name="resource"/>.</summary>
    public ResourceRead(RequestContext<ReadResourceRequestParams> request, McpResourceDescriptor resource, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(variables);
        Request = request;
        Resource = resource;
        _variables = variables;
    }

    /// <summary>The SDK's request context.</summary>
    public RequestContext<ReadResourceRequestParams> Request { get; }

    /// <summary>The resource being read.</summary>
    public McpResourceDescriptor Resource { get; }

    /// <summary>The URI the client asked for.</summary>
    public string Uri => Request.Params?.Uri ?? Resource.Uri;

    /// <summary>The MCP server session that received the read.</summary>
    public McpServer Server => Request.Server;

    /// <summary>The request's service provider.</summary>
    public IServiceProvider Services => HandlerRequests.Services(Request);

    /// <summary>Who is reading, from the validated access token (anonymous when authentication is off).</summary>
    public CallerIdentity Caller => _caller ??= HandlerRequests.Caller(Request);

    /// <summary>The value of a template variable, unescaped.</summary>
    public string Variable(string name) =>
        _variables.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"Resource '{Resource.Name}' has no template variable '{name}'.");
}
