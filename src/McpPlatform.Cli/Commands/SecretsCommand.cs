using System.CommandLine;
using System.CommandLine.Parsing;
using McpPlatform.Governance.Secrets;
using McpPlatform.Secrets.LocalStore;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform secrets set|list|remove</c>: manages the per-user encrypted local secret store that
/// servers read in the Development environment. Values go in on stdin only and never come out.
/// </summary>
internal sealed partial class SecretsCommand : Command
{
    private readonly Option<string?> _store = new("--store")
    {
        Description = $"The local secret store folder. Default: ${LocalSecretStore.DirectoryEnvironmentVariable}, "
            + "or mcp-platform/secrets in your application data folder (~/.config on Linux).",
        HelpName = "dir",
        Recursive = true,
    };

    /// <summary>Creates the command with its subcommands.</summary>
    public SecretsCommand()
        : base("secrets", "Manages the local encrypted secret store for Development runs. Values are read from stdin and never printed.")
    {
        Options.Add(_store);
        Subcommands.Add(new SetCommand(this));
        Subcommands.Add(new ListCommand(this));
        Subcommands.Add(new RemoveCommand(this));
    }

    private LocalSecretStore OpenStore(ParseResult parseResult) => LocalSecretStore.Open(parseResult.GetValue(_store));

    private static Argument<string> NameArgument(string description)
    {
        var argument = new Argument<string>("name") { Description = description };
        argument.Validators.Add(ValidateName);
        return argument;
    }

    private static void ValidateName(ArgumentResult result)
    {
        var name = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (!LocalSecretStore.IsValidName(name))
        {
            result.AddError($"NAME: '{name}' is not a valid secret name; use {LocalSecretStore.NameRules}.");
        }
    }

    /// <summary>Runs <paramref name="work"/>, turning store failures into an error line and <see cref="ExitCodes.Failure"/>.</summary>
    private static async Task<int> RunAgainstStoreAsync(ParseResult parseResult, Func<TextWriter, TextWriter, Task<int>> work)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await work(output, error);
        }
        catch (SecretProviderException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (ArgumentException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Usage;
        }
    }
}
