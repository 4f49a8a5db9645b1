using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform rollback EXECUTION_ID --url URL [--token TOKEN] [--json]</c>: asks a running server to undo one execution
/// by calling its <c>rollback</c> tool as the token's caller (only that caller's executions can be rolled back), and
/// prints what was and was not undone. Exit codes: 0 every revertible call undone; 1 the rollback stopped at a failure
/// or the server refused it (unknown execution, no rollback offered); 2 usage or the server cannot be reached.
/// </summary>
internal sealed class RollbackCommand : Command
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Argument<string> _executionId = new("EXECUTION_ID")
    {
        Description = "The execution to undo: the _meta mcpplatform/executionId of an execute result or a direct call (exec_...).",
    };

    private readonly Option<Uri?> _url = new("--url")
    {
        Description = "The server's MCP URL, e.g. http://127.0.0.1:5080/mcp.",
        HelpName = "mcp-url",
        Required = true,
        CustomParser = McpUrlArgument.Parse,
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = $"The bearer token of the caller that ran the execution (default: ${TokensCommand.TokenEnvironmentVariable}). Never printed.",
        HelpName = "token",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print the server's report {executionId, completed, steps: [{tool, inverse, state, detail}], notRecorded} as JSON.",
    };

    /// <summary>Creates the command with its argument, options and action.</summary>
    public RollbackCommand()
        : base("rollback", "Undoes one execution on a running server: its Write and Destructive calls, last first, each by its inverse tool "
            + "through the server's governance; stops at the first failure. Exit codes: 0 undone, 1 stopped or refused, 2 usage or unreachable.")
    {
        Arguments.Add(_executionId);
        Options.Add(_url);
        Options.Add(_token);
        Options.Add(_json);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var url = parseResult.GetValue(_url)!;
        var display = url.GetLeftPart(UriPartial.Path);
        var token = parseResult.GetValue(_token) is { Length: > 0 } given ? given : Environment.GetEnvironmentVariable(TokensCommand.TokenEnvironmentVariable);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        CallToolResult result;
        try
        {
            var headers = new Dictionary<string, string>();
            if (!string.IsNullOrEmpty(token))
            {
                headers["Authorization"] = "Bearer " + token;
            }

            var transport = new HttpClientTransport(new HttpClientTransportOptions
            {
                Endpoint = url,
                TransportMode = HttpTransportMode.StreamableHttp,
                AdditionalHeaders = headers,
                Name = CliApp.CommandName,
            });
            var options = new McpClientOptions { ClientInfo = new Implementation { Name = CliApp.CommandName, Version = typeof(RollbackCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0" } };
            await using var client = await McpClient.CreateAsync(transport, options, cancellationToken: timeout.Token).ConfigureAwait(false);
            result = await client.CallToolAsync("rollback", new Dictionary<string, object?> { ["executionId"] = parseResult.GetRequiredValue(_executionId) }, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (e.StatusCode is HttpStatusCode.Unauthorized)
        {
            error.WriteLine($"error: {display} answered 401 Unauthorized; pass --token with the token of the caller that ran the execution.");
            return ExitCodes.Usage;
        }
        catch (HttpRequestException e)
        {
            error.WriteLine($"error: cannot reach {display}: {e.Message.TrimEnd('.')}.");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            error.WriteLine($"error: {display} did not answer within {Timeout.TotalSeconds:0} s.");
            return ExitCodes.Usage;
        }
        catch (McpException e)
        {
            // An unknown tool: the server offers no rollback (no tool declares an inverse) or is not an McpPlatform server.
            error.WriteLine($"error: {display} refused the rollback: {e.Message}");
            return ExitCodes.Failure;
        }

        var text = string.Join('\n', result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        if (parseResult.GetValue(_json) && result.StructuredContent is { } structured)
        {
            output.WriteLine(JsonSerializer.Serialize(structured, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            (result.IsError == true ? error : output).WriteLine(text);
        }

        return result.IsError == true ? ExitCodes.Failure : ExitCodes.Success;
    }
}
