using System.CommandLine;
using McpPlatform.Cli.Manifest;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest diff APPROVED CURRENT [--json]</c>: lists what changed between two manifests, each change
/// with its risk. APPROVED may be an approved file or a plain manifest. Exit codes: 0 no re-approval needed
/// (no changes, or only informational ones such as the server version); 1 re-approval needed; 2 bad input.
/// </summary>
internal sealed class ManifestDiffCommand : Command
{
    private readonly Argument<string> _approved = new("APPROVED")
    {
        Description = "The approved manifest (mcp-manifest.approved.json or a plain mcp-manifest.json), or a directory holding mcp-manifest.approved.json.",
    };

    private readonly Argument<string> _current = new("CURRENT")
    {
        Description = "The current manifest, or a directory holding mcp-manifest.json.",
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print {approvedHash, currentHash, identical, requiresApproval, highestRisk, changes: [{kind, subject, name, tool, risk, message}]} as JSON.",
    };

    /// <summary>Creates the command with its arguments, options and action.</summary>
    public ManifestDiffCommand()
        : base("diff", "Lists what changed between an approved manifest and the current one, with the risk of each change.\n"
            + "Covers tools, resources and prompts. Risks: high (new write tool, access widened, fewer scopes, new grant or secret,\n"
            + "weakened or removed data rule, changed description or title: poisoning), medium, low, info (server version: no re-approval needed).\n"
            + "Exit codes: 0 no re-approval needed, 1 re-approval needed, 2 bad input (missing, malformed or tampered file).")
    {
        Arguments.Add(_approved);
        Arguments.Add(_current);
        Options.Add(_json);
        SetAction((parseResult, _) => Task.FromResult(Run(parseResult)));
    }

    private int Run(ParseResult parseResult)
    {
        var json = parseResult.GetValue(_json);
        return CommandOutput.Guard(parseResult, json, output =>
        {
            var (approved, _) = ManifestInputs.LoadEither(ManifestInputs.Resolve(parseResult.GetRequiredValue(_approved), ManifestFiles.ApprovedFileName));
            var (current, _) = ManifestInputs.LoadEither(ManifestInputs.Resolve(parseResult.GetRequiredValue(_current), ManifestFiles.ManifestFileName));
            var diff = ManifestDiff.Compare(approved, current);
            if (json)
            {
                CommandOutput.WriteJson(output, DiffReport.ToJson(diff));
            }
            else
            {
                DiffReport.Write(output, diff);
            }

            return diff.RequiresApproval ? ExitCodes.Failure : ExitCodes.Success;
        });
    }
}
