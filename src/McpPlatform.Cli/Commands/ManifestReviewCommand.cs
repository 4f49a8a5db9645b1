using System.CommandLine;
using System.Text;
using McpPlatform.Cli.Manifest;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest review [PROJECT] [--manifest ...] [--approved ...] --out review.html</c>: writes a
/// self-contained HTML page for a reviewer: the server, the changes since the last approval, every tool with
/// its access class, scopes, grants, secrets, data rules and Code Mode name, and the resources and prompts. Exit codes: 0 written; 2 bad input.
/// </summary>
internal sealed class ManifestReviewCommand : Command
{
    private readonly ManifestPaths _paths = new();

    private readonly Option<string> _out = new("--out")
    {
        Description = "The HTML file to write, e.g. review.html. One file, no scripts or external assets: open it in any browser.",
        HelpName = "file",
        Required = true,
    };

    /// <summary>Creates the command with its argument, options and action.</summary>
    public ManifestReviewCommand()
        : base("review", "Writes an HTML review page of the manifest: the server, the changes since the last approval (highlighted),\n"
            + "every tool with its read/write/destructive class, scopes, grants, secrets, data rules and Code Mode name,\n"
            + "and every resource (URI, MIME type, grants) and prompt (arguments, grants).\n"
            + "Without an approved file every tool is shown as new. Exit codes: 0 written, 2 bad input (a missing, malformed or tampered file).")
    {
        _paths.AddTo(this);
        Options.Add(_out);
        SetAction((parseResult, _) => Task.FromResult(Run(parseResult)));
    }

    private int Run(ParseResult parseResult)
    {
        return CommandOutput.Guard(parseResult, json: false, output =>
        {
            var (manifestPath, approvedPath) = _paths.Resolve(parseResult);
            var current = ManifestInputs.LoadManifest(manifestPath);
            var approved = ManifestInputs.LoadApproved(approvedPath, optional: true);
            var diff = approved is null ? ManifestDiff.FirstApproval(current) : ManifestDiff.Compare(approved.Manifest, current);

            var outPath = parseResult.GetRequiredValue(_out);
            try
            {
                File.WriteAllText(outPath, ReviewPage.Render(current, approved, diff), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ManifestInputException($"cannot write '{outPath}': {e.Message}");
            }

            output.WriteLine($"Wrote {outPath}: {DiffReport.Counts(current)}; {DiffReport.Summary(diff)}");
            return ExitCodes.Success;
        });
    }
}
