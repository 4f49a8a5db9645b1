using System.Text.Json;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Prompts;
using McpPlatform.Hosting.Authentication;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Prompts;

/// <summary>One prompts/get as generated code sees it: the arguments and the request's services.</summary>
public sealed class PromptInvocation
{
    private CallerIdentity? _caller;

    /// <summary>Wraps the SDK's request context for a get of <paramref name="prompt"/>.</summary>
    public PromptInvocation(RequestContext<GetPromptRequestParams> request, McpPromptDescriptor prompt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(prompt);
        Request = request;
        Prompt = prompt;
    }

    /// <summary>The SDK's request context.</summary>
    public RequestContext<GetPromptRequestParams> Request { get; }

    /// <summary>The prompt being got.</summary>
    public McpPromptDescriptor Prompt { get; }

    /// <summary>The MCP server session that received the request.</summary>
    public McpServer Server => Request.Server;

    /// <summary>The request's service provider.</summary>
    public IServiceProvider Services => HandlerRequests.Services(Request);

    /// <summary>Who is asking, from the validated access token (anonymous when authentication is off).</summary>
    public CallerIdentity Caller => _caller ??= HandlerRequests.Caller(Request);

    /// <summary>A required argument; a missing one is an invalid-params error that names it.</summary>
    public string Required(string name) =>
        Optional(name) ?? throw new McpProtocolException($"Prompt '{Prompt.Name}' needs argument '{name}'.", McpErrorCode.InvalidParams);

    /// <summary>An optional argument, or null when absent.</summary>
    public string? Optional(string name)
    {
        if (Request.Params?.Arguments is not { } arguments || !arguments.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }
}
