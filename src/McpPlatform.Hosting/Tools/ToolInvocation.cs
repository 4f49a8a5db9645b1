using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Authentication;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// One tools/call as generated invocation code sees it: the arguments, the request's
/// services, and the MCP server for logging, progress, sampling and elicitation.
/// </summary>
public sealed class ToolInvocation
{
    private IProgress<ProgressNotificationValue>? _progress;
    private CallerIdentity? _caller;

    /// <summary>Wraps the SDK's request context for a call of <paramref name="tool"/>.</summary>
    public ToolInvocation(RequestContext<CallToolRequestParams> request, McpToolDescriptor tool)
    {
        Request = request;
        Tool = tool;
        Arguments = new ToolArguments(request.Params?.Arguments);
    }

    /// <summary>The tool being called.</summary>
    public McpToolDescriptor Tool { get; }

    /// <summary>The SDK's request context.</summary>
    public RequestContext<CallToolRequestParams> Request { get; }

    /// <summary>The caller's arguments.</summary>
    public ToolArguments Arguments { get; }

    /// <summary>The MCP server session that received the call.</summary>
    public McpServer Server => Request.Server;

    /// <summary>The request's service provider (scoped per request by the SDK).</summary>
    public IServiceProvider Services => HandlerRequests.Services(Request);

    /// <summary>
    /// Who is calling, from the validated access token (<see cref="CallerIdentity.Anonymous"/>
    /// when authentication is off). Carries claims, never the token.
    /// </summary>
    public CallerIdentity Caller => _caller ??= HandlerRequests.Caller(Request);

    /// <summary>
    /// The value of a secret this tool declared with <c>[Secret]</c>; generated code calls this
    /// for each secret parameter. Reading an undeclared secret, or one the store cannot return,
    /// throws <see cref="ToolSecretException"/> with a message that never holds a value.
    /// </summary>
    public ValueTask<string> GetSecretAsync(string name, CancellationToken cancellationToken) =>
        Services.GetService(typeof(SecretAccess)) is SecretAccess secrets
            ? secrets.GetAsync(Tool, name, cancellationToken)
            : throw new ToolSecretException($"Tool '{Tool.Name}' needs secret '{name}', but this server has no secret store configured (McpPlatform:Secrets).");

    /// <summary>Reports progress to the client when it asked for it (a progress token); otherwise does nothing.</summary>
    public IProgress<ProgressNotificationValue> Progress => _progress ??= CreateProgress();

    private IProgress<ProgressNotificationValue> CreateProgress() =>
        Request.Params?.ProgressToken is { } token ? new ClientProgress(Server, token) : NoProgress.Instance;

    private sealed class ClientProgress(McpServer server, ProgressToken token) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value) =>
            _ = server.NotifyProgressAsync(token, value, cancellationToken: CancellationToken.None);
    }

    private sealed class NoProgress : IProgress<ProgressNotificationValue>
    {
        public static readonly NoProgress Instance = new();

        public void Report(ProgressNotificationValue value)
        {
        }
    }
}
