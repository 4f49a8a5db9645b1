using System.CommandLine;
using McpPlatform.Governance.Secrets;

namespace McpPlatform.Cli.Commands;

internal sealed partial class SecretsCommand
{
    /// <summary><c>secrets set NAME</c>: stores the value read from stdin as a new version.</summary>
    private sealed class SetCommand : Command
    {
        private readonly SecretsCommand _parent;
        private readonly Argument<string> _name = NameArgument("The secret's name, e.g. jira-token.");

        // Catches a value mistakenly given as an argument, so it is refused without being echoed in a parse error.
        private readonly Argument<string[]> _stray = new("value") { Arity = ArgumentArity.ZeroOrMore, Hidden = true };

        public SetCommand(SecretsCommand parent)
            : base("set", "Stores a secret as a new version. The value is read from stdin: typed without echo at a terminal, "
                + "or piped, e.g. printf '%s' \"$TOKEN\" | mcp-platform secrets set jira-token. It is never taken as an argument.")
        {
            _parent = parent;
            Arguments.Add(_name);
            Arguments.Add(_stray);
            SetAction((parseResult, cancellationToken) => RunAgainstStoreAsync(parseResult, async (output, error) =>
            {
                var name = parseResult.GetRequiredValue(_name);
                if (parseResult.GetValue(_stray) is { Length: > 0 })
                {
                    await error.WriteLineAsync(
                        "error: 'secrets set' takes the value on stdin, never as an argument; the extra argument was ignored and not stored. "
                        + $"Pipe the value instead: printf '%s' \"$VALUE\" | {CliApp.CommandName} secrets set {name}");
                    return ExitCodes.Usage;
                }

                var value = SecretInput.Read(name, error);
                if (string.IsNullOrEmpty(value))
                {
                    await error.WriteLineAsync($"error: no value for '{name}' was read from stdin; nothing was stored.");
                    return ExitCodes.Usage;
                }

                var store = _parent.OpenStore(parseResult);
                var version = await store.SetAsync(name, value, cancellationToken);
                await error.WriteLineAsync($"Stored secret '{name}' version {version} in {store.Directory}.");
                return ExitCodes.Success;
            }));
        }
    }
}
