using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using McpPlatform.Cli.Manifest;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest verify [PROJECT] [--manifest ...] [--approved ...] [--json]</c>: the CI gate. Exit codes:
/// 0 the current manifest's hash equals the approved hash and both files are intact; 1 they differ (the diff and
/// how to approve are printed); 2 a file is missing, malformed or tampered.
/// </summary>
internal sealed class ManifestVerifyCommand : Command
{
    private readonly ManifestPaths _paths = new();
    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print {ok, manifest: {path, hash}, approved: {path, hash, reviewer, approvedAt, note}, diff} as JSON.",
    };

    /// <summary>Creates the command with its argument, options and action.</summary>
    public ManifestVerifyCommand()
        : base("verify", "CI gate: checks that the current manifest is exactly the approved one and that both files are intact.\n"
            + "Exit codes: 0 approved, 1 not approved (the diff and how to approve are printed), 2 a file is missing, malformed or tampered.")
    {
        _paths.AddTo(this);
        Options.Add(_json);
        SetAction((parseResult, _) => Task.FromResult(Run(parseResult)));
    }

    private int Run(ParseResult parseResult)
    {
        var json = parseResult.GetValue(_json);
        return CommandOutput.Guard(parseResult, json, output =>
        {
            var (manifestPath, approvedPath) = _paths.Resolve(parseResult);
            var approved = ManifestInputs.LoadApproved(approvedPath, optional: false)!;
            var current = ManifestInputs.LoadManifest(manifestPath);
            var diff = ManifestDiff.Compare(approved.Manifest, current);
            var ok = diff.Identical;

            if (json)
            {
                CommandOutput.WriteJson(output, new JsonObject
                {
                    ["ok"] = ok,
                    ["manifest"] = new JsonObject { ["path"] = manifestPath, ["hash"] = current.Hash },
                    ["approved"] = new JsonObject
                    {
                        ["path"] = approvedPath,
                        ["hash"] = approved.Approval.Hash,
                        ["reviewer"] = approved.Approval.Reviewer,
                        ["approvedAt"] = Time(approved.Approval.ApprovedAt),
                        ["note"] = approved.Approval.Note,
                    },
                    ["diff"] = DiffReport.ToJson(diff),
                });
            }
            else if (ok)
            {
                output.WriteLine($"OK: {manifestPath} is approved ({current.Hash}, {DiffReport.Counts(current)}, "
                    + $"approved by {DiffReport.SafeName(approved.Approval.Reviewer)} at {Time(approved.Approval.ApprovedAt)}).");
            }
            else
            {
                output.WriteLine($"NOT APPROVED: {manifestPath} ({current.Hash}) differs from {approvedPath} ({approved.Approval.Hash}).");
                DiffReport.Write(output, diff);

                output.WriteLine("To approve: review the changes (mcp-platform manifest review --out review.html), then run "
                    + $"'{ManifestInputs.ApproveHint}' and commit {ManifestFiles.ApprovedFileName}.");
            }

            return ok ? ExitCodes.Success : ExitCodes.Failure;
        });
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
