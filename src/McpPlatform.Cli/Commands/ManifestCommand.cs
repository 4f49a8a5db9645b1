using System.CommandLine;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform manifest</c>: the governance manifest workflow. A build writes <c>mcp-manifest.json</c>; a reviewer
/// looks at it (<see cref="ManifestReviewCommand"/>, <see cref="ManifestDiffCommand"/>) and approves it into
/// <c>mcp-manifest.approved.json</c> (<see cref="ManifestApproveCommand"/>); CI refuses anything else
/// (<see cref="ManifestVerifyCommand"/>).
/// </summary>
internal sealed class ManifestCommand : Command
{
    /// <summary>Creates the command with its subcommands.</summary>
    public ManifestCommand()
        : base("manifest", "Reviews, approves and verifies a server's governance manifest (mcp-manifest.json).")
    {
        Subcommands.Add(new ManifestDiffCommand());
        Subcommands.Add(new ManifestApproveCommand());
        Subcommands.Add(new ManifestVerifyCommand());
        Subcommands.Add(new ManifestReviewCommand());
    }

    /// <summary>The PROJECT argument: the directory whose manifest files are used when no path option is given.</summary>
    internal static Argument<string?> ProjectArgument() => new("PROJECT")
    {
        Description = "The project directory holding the manifest files. Default: the current directory.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>--manifest: the current manifest file or a directory holding mcp-manifest.json.</summary>
    internal static Option<string?> ManifestOption() => new("--manifest")
    {
        Description = "The current manifest: a file, or a directory holding mcp-manifest.json. Default: mcp-manifest.json in PROJECT.",
        HelpName = "path",
    };

    /// <summary>--approved: the approved manifest file or a directory holding mcp-manifest.approved.json.</summary>
    internal static Option<string?> ApprovedOption() => new("--approved")
    {
        Description = "The approved manifest: a file, or a directory holding mcp-manifest.approved.json. Default: mcp-manifest.approved.json in PROJECT.",
        HelpName = "path",
    };
}
