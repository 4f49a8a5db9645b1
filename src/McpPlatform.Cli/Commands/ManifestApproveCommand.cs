using System.CommandLine;
using McpPlatform.Cli.Manifest;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest approve [PROJECT] [--manifest ...] [--out ...] --reviewer NAME [--note TEXT]</c>: records a
/// reviewer's approval of the current manifest in <c>mcp-manifest.approved.json</c>, printing the diff it approves.
/// Exit codes: 0 approved (or already approved); 2 bad input (no reviewer, a missing, malformed or tampered file).
/// </summary>
internal sealed class ManifestApproveCommand : Command
{
    /// <summary>The environment variable that supplies the reviewer when --reviewer is not given.</summary>
    public const string ReviewerVariable = "MCP_PLATFORM_REVIEWER";

    private readonly Argument<string?> _project = ManifestCommand.ProjectArgument();
    private readonly Option<string?> _manifest = ManifestCommand.ManifestOption();

    private readonly Option<string?> _out = new("--out")
    {
        Description = "The approved file to write: a file, or a directory for mcp-manifest.approved.json. Default: mcp-manifest.approved.json in PROJECT.",
        HelpName = "path",
    };

    private readonly Option<string?> _reviewer = new("--reviewer")
    {
        Description = $"Who approves, e.g. an e-mail address. Required, here or in the {ReviewerVariable} environment variable.",
        HelpName = "name",
    };

    private readonly Option<string?> _note = new("--note")
    {
        Description = "A note recorded with the approval (why, ticket number).",
        HelpName = "text",
    };

    /// <summary>Creates the command with its argument, options and action.</summary>
    public ManifestApproveCommand()
        : base("approve", "Approves the current manifest: writes mcp-manifest.approved.json with the reviewer, the time and the manifest's hash,\n"
            + "after printing what changed since the last approval. Commit the file; 'manifest verify' then passes.\n"
            + "Exit codes: 0 approved (or already approved), 2 bad input (no reviewer; a missing, malformed or tampered file).")
    {
        Arguments.Add(_project);
        Options.Add(_manifest);
        Options.Add(_out);
        Options.Add(_reviewer);
        Options.Add(_note);
        SetAction((parseResult, _) => Task.FromResult(Run(parseResult)));
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        return CommandOutput.Guard(output, error, json: false, () =>
        {
            var reviewer = parseResult.GetValue(_reviewer) ?? Environment.GetEnvironmentVariable(ReviewerVariable);
            if (string.IsNullOrWhiteSpace(reviewer))
            {
                error.WriteLine($"error: say who approves: --reviewer you@example.com (or set {ReviewerVariable}).");
                return ExitCodes.Usage;
            }

            var project = parseResult.GetValue(_project);
            var manifestPath = ManifestInputs.Resolve(parseResult.GetValue(_manifest) ?? project, ManifestFiles.ManifestFileName);
            var approvedPath = ManifestInputs.Resolve(parseResult.GetValue(_out) ?? project, ManifestFiles.ApprovedFileName);
            var current = ManifestInputs.LoadManifest(manifestPath);
            var previous = LoadPrevious(output, approvedPath);

            if (previous is not null && previous.Approval.Hash == current.Hash)
            {
                output.WriteLine($"Already approved: {current.Hash} by {DiffReport.SafeName(previous.Approval.Reviewer)} "
                    + $"at {previous.Approval.ApprovedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}; {approvedPath} left unchanged.");
                return ExitCodes.Success;
            }

            WhatIsApproved(output, current, previous);
            var approval = ApprovedManifest.Create(current, reviewer, DateTimeOffset.UtcNow, parseResult.GetValue(_note));
            WriteAtomically(approvedPath, approval);
            output.WriteLine($"Approved {current.Hash} ({DiffReport.Counts(current)}) "
                + $"as {DiffReport.SafeName(approval.Approval.Reviewer)}: wrote {approvedPath}. Commit it.");
            return ExitCodes.Success;
        });
    }

    /// <summary>
    /// The approval being replaced. One of the earlier canonical form (before RFC 8785) is what the approval
    /// replaces, not a reason to refuse: the reviewer sees every entry as new and the file is rewritten in the current form.
    /// </summary>
    private static ApprovedManifest? LoadPrevious(TextWriter output, string approvedPath)
    {
        try
        {
            return ManifestInputs.LoadApproved(approvedPath, optional: true);
        }
        catch (ManifestEarlierFormException)
        {
            output.WriteLine($"{approvedPath} is of the earlier canonical form (hashed before RFC 8785); it is replaced by an approval in the current form.");
            return null;
        }
    }

    private static void WhatIsApproved(TextWriter output, ManifestDocument current, ApprovedManifest? previous)
    {
        output.WriteLine(previous is null
            ? $"First approval of {DiffReport.SafeName(current.Server.Name)} {DiffReport.SafeName(current.Server.Version)}; every {Everything(current)} is new:"
            : $"Changes since the approval by {DiffReport.SafeName(previous.Approval.Reviewer)} ({previous.Approval.Hash}):");
        var diff = previous is null ? ManifestDiff.FirstApproval(current) : ManifestDiff.Compare(previous.Manifest, current);
        DiffReport.Write(output, diff);
    }

    private static string Everything(ManifestDocument manifest) => (manifest.Resources.Count, manifest.Prompts.Count) switch
    {
        (0, 0) => "tool",
        (_, 0) => "tool and resource",
        (0, _) => "tool and prompt",
        _ => "tool, resource and prompt",
    };

    // Write beside the target and rename, so an interrupted approval never leaves half a file for CI to read.
    private static void WriteAtomically(string path, ApprovedManifest approval)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            approval.Write(temporary);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new ManifestInputException($"cannot write '{path}': {e.Message}");
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The write already failed; that error is the one to report.
        }
    }
}
