using System.Diagnostics;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Relay;
using McpPlatform.Portal.Upstreams;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Portal.Tools;

/// <summary>
/// An upstream MCP server's tool as the portal offers it: the approved manifest's entry (its name <c>{namespace}_{tool}</c>,
/// description, access class and schemas) as the descriptor the gate checks, exactly like a generated tool's, and a call
/// that goes to the upstream under its own name with the portal's credentials for it (the caller's token is only handed
/// over for RFC 8693 token exchange, never forwarded). It runs only after the gate admitted the call (the governance filter
/// or Code Mode's inner call), so quarantine, audiences, policy, data rules and limits have all been applied.
/// </summary>
internal sealed partial class UpstreamMcpTool : GovernedMcpTool
{
    public UpstreamMcpTool(ApprovedUpstreamTool approved)
        : base(Describe(approved))
    {
        Namespace = approved.Namespace;
        UpstreamName = approved.UpstreamName;
    }

    /// <summary>The upstream's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The upstream's own name for the tool.</summary>
    public string UpstreamName { get; }

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
        var record = AuditScope.Current;
        if (record is not null)
        {
            record.Upstream = Namespace;
        }

        if (!services.GetRequiredService<UpstreamRegistry>().TryGet(Namespace, out var upstream))
        {
            return ToolResults.Error($"The upstream '{Namespace}' of tool '{Descriptor.Name}' is not configured on this portal.");
        }

        var started = Stopwatch.GetTimestamp();
        // A client span: the upstream's HTTP request (and its W3C traceparent header) is its child.
        using var span = McpPlatform.Governance.Telemetry.PlatformTelemetry.Start("upstream", ActivityKind.Client);
        span?.SetTag("mcpplatform.upstream", Namespace);
        span?.SetTag("mcp.tool.name", UpstreamName);
        try
        {
            var arguments = request.Params?.Arguments is { } given ? new Dictionary<string, System.Text.Json.JsonElement>(given, StringComparer.Ordinal) : null;

            // In flight for the relay: the upstream's log messages and elicitation requests reach this caller.
            await using var relayed = services.GetService<RelayCalls>()?.Begin(Namespace, request);

            // Progress goes through CallerProgress rather than the relay's: it is drained before the result (see there).
            var progress = Progress(request);
            var result = await upstream.CallToolAsync(UpstreamName, arguments, CallerToken(services, upstream.Options), progress, cancellationToken).ConfigureAwait(false);
            // Every notice before the result that ends the caller's stream: the connection queued each one (progress,
            // relayed log messages) before it saw the response, so draining here sends them all first.
            if (progress is not null)
            {
                await progress.DrainAsync().ConfigureAwait(false);
            }

            if (relayed is not null)
            {
                await relayed.DrainAsync().ConfigureAwait(false);
            }

            return result;
        }
        catch (UpstreamException failure)
        {
            // The connection's message names the upstream and what went wrong, never a credential.
            if (record is not null)
            {
                record.Error = "upstream: " + failure.Message;
            }

            return ToolResults.Error($"The upstream '{Namespace}' could not run '{Descriptor.Name}': {failure.Message}");
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Whatever an upstream does, the caller gets an error naming it and the portal stays up.
            LogUpstreamFailure(services.GetRequiredService<ILogger<UpstreamMcpTool>>(), failure, Descriptor.Name, Namespace);
            if (record is not null)
            {
                record.Error = "upstream: " + failure.GetType().Name;
            }

            return ToolResults.Error($"The upstream '{Namespace}' could not run '{Descriptor.Name}': {failure.GetType().Name}.");
        }
        finally
        {
            if (record is not null)
            {
                record.UpstreamMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
    }

    private static McpToolDescriptor Describe(ApprovedUpstreamTool approved)
    {
        var tool = approved.Tool;
        return new McpToolDescriptor
        {
            Name = tool.Name,
            Title = tool.Title,
            Description = tool.Description,
            Access = tool.Access,
            ToolSet = approved.Namespace,
            InputSchema = tool.InputSchema.GetRawText(),
            OutputSchema = tool.OutputSchema?.GetRawText(),
            Idempotent = tool.Annotations?.Idempotent,
            OpenWorld = tool.Annotations?.OpenWorld,
            Origin = ToolOrigin.Upstream,
            CodeModeName = tool.CodeMode.Name,

            // The upstream validates its own arguments; data rules and policy still see every one of them.
            ArgumentNames = null,
        };
    }

    /// <summary>The caller's bearer token, only for an upstream that exchanges it (RFC 8693); for every other kind nothing of the caller's leaves the portal.</summary>
    private static string? CallerToken(IServiceProvider services, UpstreamOptions options)
    {
        if (!string.Equals(options.Credentials.Kind, UpstreamCredentialKinds.TokenExchange, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var header = services.GetService<IHttpContextAccessor>()?.HttpContext?.Request.Headers.Authorization.ToString();
        return header is { Length: > 7 } && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    /// <summary>Relays the upstream's progress to the caller when the caller asked for progress.</summary>
    private static CallerProgress? Progress(RequestContext<CallToolRequestParams> request) =>
        request.Params?.ProgressToken is { } token ? new CallerProgress(request.Server, token) : null;

    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning, Message = "Tool {Tool}: the upstream {Upstream} failed")]
    private static partial void LogUpstreamFailure(ILogger logger, Exception failure, string tool, string upstream);
}
