using System.CommandLine;
using McpPlatform.Cli.Manifest;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// PROJECT, --manifest and --approved, as the commands that read both the current and the approved
/// manifest of a project take them, and the file paths they resolve to.
/// </summary>
internal sealed class ManifestPaths
{
    private readonly Argument<string?> _project = ManifestCommand.ProjectArgument();
    private readonly Option<string?> _manifest = ManifestCommand.ManifestOption();
    private readonly Option<string?> _approved = ManifestCommand.ApprovedOption();

    /// <summary>Adds the argument and the two options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(_project);
        command.Options.Add(_manifest);
        command.Options.Add(_approved);
    }

    /// <summary>The current and the approved manifest's paths: the options when given, else the files in PROJECT.</summary>
    public (string Manifest, string Approved) Resolve(ParseResult parseResult)
    {
        var project = parseResult.GetValue(_project);
        return (
            ManifestInputs.Resolve(parseResult.GetValue(_manifest) ?? project, ManifestFiles.ManifestFileName),
            ManifestInputs.Resolve(parseResult.GetValue(_approved) ?? project, ManifestFiles.ApprovedFileName));
    }
}
