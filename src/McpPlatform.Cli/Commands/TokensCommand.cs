using System.CommandLine;
using System.CommandLine.Parsing;
using McpPlatform.Cli.Tokens;
using Spectre.Console;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform tokens</c>: how many tokens a server's tool definitions cost a model, natively (every tool in
/// tools/list) and in Code Mode (<c>search</c> and <c>execute</c> only), counted with the o200k_base and
/// cl100k_base tiktoken encodings. Input: a built server assembly, a manifest, a project directory, or
/// <c>--url</c> of a running server. Exit codes: 0 measured; 1 the server did not switch to Code Mode;
/// 2 usage (a missing file, an assembly without a manifest, an unreachable server).
/// </summary>
internal sealed class TokensCommand : Command
{
    private readonly Argument<string?> _input = new("INPUT")
    {
        Description = "A built server assembly (bin/Debug/net10.0/MyServer.dll: reads the manifest the generator embeds, without loading it), "
            + "an mcp-manifest.json (or mcp-manifest.approved.json), or a project directory holding mcp-manifest.json.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<Uri?> _url = new("--url")
    {
        Description = "Measure a running server instead: its MCP URL, e.g. http://127.0.0.1:5080/mcp. Lists tools once plainly "
            + "(?codemode=false) and once as Code Mode (?codemode=search_and_execute).",
        HelpName = "mcp-url",
        CustomParser = McpUrlArgument.Parse,
    };

    private readonly Option<string?> _token = new("--token")
    {
        Description = $"The bearer token for --url (default: ${TokenEnvironmentVariable}); e.g. --token \"$(mcp-platform dev-token --audience URL)\". Never printed.",
        HelpName = "token",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print {source, server, tools, codeModeTools, bytes, encodings: [{encoding, nativeTokens, codeModeTokens, reductionPercent}], notes} as JSON.",
    };

    /// <summary>The environment variable <c>--token</c> defaults to, so the token stays out of shell history.</summary>
    public const string TokenEnvironmentVariable = "MCP_PLATFORM_TOKEN";

    /// <summary>Creates the command with its argument, options and action.</summary>
    public TokensCommand()
        : base("tokens", "Counts the tokens of a server's tool definitions, natively and in Code Mode (search + execute), "
            + "with the o200k_base and cl100k_base encodings. Exit codes: 0 measured, 1 the server did not switch to Code Mode, 2 usage.")
    {
        Arguments.Add(_input);
        Options.Add(_url);
        Options.Add(_token);
        Options.Add(_json);
        Validators.Add(ValidateInput);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        TokenMeasurement measurement;
        try
        {
            var surfaces = parseResult.GetValue(_url) is { } url
                ? await LiveServerSurfaces.LoadAsync(url, Token(parseResult), cancellationToken)
                : OfflineSurfaces.Load(parseResult.GetValue(_input)!);
            measurement = TokenMeasurement.Of(surfaces);
        }
        catch (TokenInputException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (CodeModeNotOfferedException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (parseResult.GetValue(_json))
        {
            TokenReport.WriteJson(output, measurement);
            return ExitCodes.Success;
        }

        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            TokenReport.WriteTable(AnsiConsole.Console, measurement);
        }
        else
        {
            TokenReport.WritePlain(output, measurement);
        }

        TokenReport.WriteNotes(error, measurement);
        return ExitCodes.Success;
    }

    private string? Token(ParseResult parseResult)
    {
        var token = parseResult.GetValue(_token);
        return string.IsNullOrEmpty(token) ? Environment.GetEnvironmentVariable(TokenEnvironmentVariable) : token;
    }

    private void ValidateInput(CommandResult result)
    {
        var hasInput = !string.IsNullOrEmpty(result.GetValue(_input));
        var hasUrl = result.GetResult(_url) is not null;
        if (hasInput == hasUrl)
        {
            result.AddError(hasInput
                ? "give either INPUT or --url, not both."
                : "give INPUT (a server assembly, mcp-manifest.json or project directory) or --url of a running server.");
        }
        else if (!hasUrl && result.GetResult(_token) is not null)
        {
            result.AddError("--token is only used with --url.");
        }
    }
}
