using System.Net;
using McpPlatform.Governance.CodeMode;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// Lists a running server's tools over Streamable HTTP with the official MCP client, twice: plainly
/// (<c>?codemode=false</c>) and as Code Mode (<c>?codemode=search_and_execute</c>).
/// </summary>
internal static class LiveServerSurfaces
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Lists both surfaces of the server at <paramref name="mcpUrl"/>, sending <paramref name="token"/> as a bearer token when given.</summary>
    /// <exception cref="TokenInputException">The server cannot be reached, or refuses the request (e.g. no or a bad token).</exception>
    /// <exception cref="CodeModeNotOfferedException">The server does not switch to Code Mode.</exception>
    public static async Task<ToolSurfaces> LoadAsync(Uri mcpUrl, string? token, CancellationToken cancellationToken)
    {
        var (native, server) = await ListAsync(WithCodeMode(mcpUrl, "false"), token, cancellationToken).ConfigureAwait(false);
        var (codeMode, _) = await ListAsync(WithCodeMode(mcpUrl, CodeModeQuery.SearchAndExecute), token, cancellationToken).ConfigureAwait(false);
        // rollback rides beside search and execute on servers whose tools declare inverses (docs/rollback.md).
        var names = codeMode.Select(t => t.Name).Where(n => n != "rollback").Order(StringComparer.Ordinal).ToList();
        if (names is not [CodeModeSurface.ExecuteToolName, CodeModeSurface.SearchToolName])
        {
            throw new CodeModeNotOfferedException(
                $"the server did not switch to Code Mode: tools/list with ?{CodeModeQuery.Parameter}={CodeModeQuery.SearchAndExecute} returned {Count(codeMode.Count)} "
                + $"instead of {CodeModeSurface.SearchToolName} and {CodeModeSurface.ExecuteToolName}. Is Code Mode enabled (McpPlatform:CodeMode:Enabled)?");
        }

        var notes = new List<string> { "Listed by a live server for this caller: tools the caller's policy does not allow are not in the list." };
        return new ToolSurfaces(mcpUrl.GetLeftPart(UriPartial.Path), server, native, codeMode, notes);
    }

    /// <summary><paramref name="url"/> with <c>codemode=<paramref name="value"/></c>, replacing any codemode the user gave.</summary>
    public static Uri WithCodeMode(Uri url, string value)
    {
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.Split('=', 2)[0].Equals(CodeModeQuery.Parameter, StringComparison.OrdinalIgnoreCase));
        var builder = new UriBuilder(url) { Query = string.Join('&', kept.Append($"{CodeModeQuery.Parameter}={value}")) };
        return builder.Uri;
    }

    private static async Task<(IReadOnlyList<Tool> Tools, string? Server)> ListAsync(Uri url, string? token, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var display = url.GetLeftPart(UriPartial.Path);
        var headers = new Dictionary<string, string>();
        if (!string.IsNullOrEmpty(token))
        {
            headers["Authorization"] = "Bearer " + token;
        }

        try
        {
            var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = url,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
                Name = CliApp.CommandName,
            });
            var options = new McpClientOptions { ClientInfo = new Implementation { Name = CliApp.CommandName, Version = typeof(LiveServerSurfaces).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" } };
            await using var client = await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token).ConfigureAwait(false);
            var tools = await client.ListToolsAsync(cancellationToken: timeout.Token).ConfigureAwait(false);
            var server = client.ServerInfo is { } info ? $"{info.Name} {info.Version}" : null;
            return (tools.Select(t => t.ProtocolTool).ToList(), server);
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Unauthorized)
        {
            var hint = string.IsNullOrEmpty(token)
                ? "pass --token (for a Development server: --token \"$(mcp-platform dev-token --audience " + display + ")\")"
                : "the token was rejected: check its audience (it must be " + display + "), issuer and expiry";
            throw new TokenInputException($"{display} answered 401 Unauthorized; {hint}.", e);
        }
        catch (HttpRequestException e) when (e.StatusCode is { } status)
        {
            throw new TokenInputException($"{display} answered {(int)status} {status}; is it an MCP endpoint, and may this token list tools?", e);
        }
        catch (HttpRequestException e)
        {
            throw new TokenInputException($"cannot reach {display}: {e.Message.TrimEnd('.')}. Is the server running?", e);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TokenInputException($"{display} did not answer within {Timeout.TotalSeconds:0} s.", e);
        }
        catch (McpException e)
        {
            throw new TokenInputException($"{display} refused to list tools: {e.Message}", e);
        }
    }

    private static string Count(int count) => count == 1 ? "1 tool" : $"{count} tools";
}
