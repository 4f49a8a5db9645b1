using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.Cli.Commands;

internal sealed partial class SecretsCommand
{
    /// <summary><c>secrets list</c>: names, versions and update times; never values.</summary>
    private sealed class ListCommand : Command
    {
        private readonly SecretsCommand _parent;

        private readonly Option<bool> _json = new("--json")
        {
            Description = "Print [{\"name\", \"version\", \"updated\"}] as JSON instead of a table.",
        };

        public ListCommand(SecretsCommand parent)
            : base("list", "Lists the stored secrets' names, versions and when they were last set. Never prints values.")
        {
            _parent = parent;
            Options.Add(_json);
            SetAction((parseResult, _) => RunAgainstStoreAsync(parseResult, async (output, error) =>
            {
                var store = _parent.OpenStore(parseResult);
                var secrets = store.List();
                if (parseResult.GetValue(_json))
                {
                    var array = new JsonArray(secrets.Select(s => (JsonNode)new JsonObject
                    {
                        ["name"] = s.Name,
                        ["version"] = s.Version,
                        ["updated"] = Timestamp(s.Updated),
                    }).ToArray());
                    await output.WriteLineAsync(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    return ExitCodes.Success;
                }

                if (secrets.Count == 0)
                {
                    await error.WriteLineAsync($"No secrets in {store.Directory}.");
                    return ExitCodes.Success;
                }

                var nameWidth = Math.Max("NAME".Length, secrets.Max(s => s.Name.Length));
                var versionWidth = Math.Max("VERSION".Length, secrets.Max(s => s.Version.Length));
                await output.WriteLineAsync($"{"NAME".PadRight(nameWidth)}  {"VERSION".PadRight(versionWidth)}  UPDATED");
                foreach (var (name, version, updated) in secrets)
                {
                    await output.WriteLineAsync($"{name.PadRight(nameWidth)}  {version.PadRight(versionWidth)}  {Timestamp(updated)}");
                }

                return ExitCodes.Success;
            }));
        }

        private static string Timestamp(DateTimeOffset value) =>
            value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }
}
