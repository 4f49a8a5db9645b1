using System.CommandLine;
using System.CommandLine.Invocation;
using McpPlatform.Cli.Commands;

namespace McpPlatform.Cli;

/// <summary>
/// The <c>mcp-platform</c> command line: builds the root command from one class per command and
/// runs it against the given output streams (the console in <see cref="Program"/>, string writers in tests).
/// </summary>
internal static class CliApp
{
    /// <summary>The tool's command name, as installed by <c>dotnet tool install</c>.</summary>
    public const string CommandName = "mcp-platform";

    /// <summary>The root command with every subcommand. Add new commands here.</summary>
    public static Command BuildRootCommand()
    {
        // A plain Command rather than RootCommand, so help reads "mcp-platform" whatever process hosts it.
        var root = new Command(CommandName, "Developer commands for McpPlatform servers.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            new DevTokenCommand(),
            new AuditCommand(),
            new ShadowScanCommand(),
            new SecretsCommand(),
            new TokensCommand(),
            new ManifestCommand(),
            new RollbackCommand(),
        };
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. Results go to <paramref name="stdout"/>, diagnostics and
    /// errors to <paramref name="stderr"/>. Returns <see cref="ExitCodes.Usage"/> on a parse or validation
    /// error, without running the command.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync($"Run '{CommandPath(parseResult)} --help' for usage.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }

    private static string CommandPath(ParseResult parseResult)
    {
        var names = new List<string>();
        for (var result = (System.CommandLine.Parsing.SymbolResult?)parseResult.CommandResult; result is not null; result = result.Parent)
        {
            if (result is System.CommandLine.Parsing.CommandResult command)
            {
                names.Insert(0, command.Command.Name);
            }
        }

        return string.Join(' ', names);
    }
}
