using System.CommandLine;
using System.Text;
using McpPlatform.Cli.Manifest;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest review [PROJECT] [--manifest ...] [--approved ...] --out review.html</c>: writes a
/// self-contained HTML page for a reviewer: the server, the changes since the last approval, every tool with
/// its access class, scopes, grants, secrets, data rules and Code Mode name, and the resources and prompts. Exit codes: 0 written; 2 bad input.
/// </summary>
internal sealed class ManifestReviewCommand : Command
{
    private readonly Argument<string?> _project = ManifestCommand.ProjectArgument();
    private readonly Option<string?> _manifest = ManifestCommand.ManifestOption();
    private readonly Option<string?> _approved = ManifestCommand.ApprovedOption();

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
        Arguments.Add(_project);
        Options.Add(_manifest);
        Options.Add(_approved);
        Options.Add(_out);
        SetAction((parseResult, _) => Task.FromResult(Run(parseResult)));
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        return CommandOutput.Guard(output, parseResult.InvocationConfiguration.Error, json: false, () =>
        {
            var project = parseResult.GetValue(_project);
            var manifestPath = ManifestInputs.Resolve(parseResult.GetValue(_manifest) ?? project, ManifestFiles.ManifestFileName);
            var approvedPath = ManifestInputs.Resolve(parseResult.GetValue(_approved) ?? project, ManifestFiles.ApprovedFileName);
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
