using System.CommandLine;

namespace McpPlatform.Cli.Commands;

internal sealed partial class SecretsCommand
{
    /// <summary><c>secrets remove NAME</c>: deletes a secret; exit 1 when it did not exist.</summary>
    private sealed class RemoveCommand : Command
    {
        private readonly SecretsCommand _parent;
        private readonly Argument<string> _name = NameArgument("The secret to delete.");

        public RemoveCommand(SecretsCommand parent)
            : base("remove", "Deletes a secret and all its versions. Exits with 1 when there was no such secret.")
        {
            _parent = parent;
            Arguments.Add(_name);
            SetAction((parseResult, _) => RunAgainstStoreAsync(parseResult, async (output, error) =>
            {
                var name = parseResult.GetRequiredValue(_name);
                var store = _parent.OpenStore(parseResult);
                if (!store.Remove(name))
                {
                    await error.WriteLineAsync($"error: there is no secret '{name}' in {store.Directory}.");
                    return ExitCodes.Failure;
                }

                await error.WriteLineAsync($"Removed secret '{name}' from {store.Directory}.");
                return ExitCodes.Success;
            }));
        }
    }
}
