using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Cli.Audit;

namespace McpPlatform.Cli.Commands;

/// <summary><c>mcp-platform audit</c>: commands over a server's audit files. Its one subcommand is <see cref="AuditVerifyCommand"/>.</summary>
internal sealed class AuditCommand : Command
{
    /// <summary>Creates the command with its subcommands.</summary>
    public AuditCommand()
        : base("audit", "Works with a server's audit records (CLEF files, one record per MCP request).")
    {
        Subcommands.Add(new AuditVerifyCommand());
    }
}

/// <summary>
/// <c>mcp-platform audit verify FILE...</c>: checks the hash chains in audit files and reports the first
/// record that was edited, deleted or reordered. Exit codes: 0 every record is intact; 1 tampered or
/// malformed (or a file could not be read); 2 usage, e.g. a file that does not exist.
/// </summary>
/// <remarks>
/// Files are read in the order given, so a rolling set must be passed oldest first:
/// <c>mcp-platform audit verify audit/*.clef</c> relies on Serilog's rolling names
/// (<c>audit-20261125.clef</c>, <c>audit-20261125_001.clef</c>, ...) sorting chronologically, which they do
/// byte by byte (<c>LC_ALL=C</c>). Output names files, lines, chain ids and sequence numbers only, never
/// record contents.
/// </remarks>
internal sealed class AuditVerifyCommand : Command
{
    private const int ShortChainIdLength = 8;

    private readonly Argument<string[]> _files = new("FILE")
    {
        Description = "The audit files, oldest first. A shell glob such as audit/*.clef sorts Serilog's rolling names "
            + "(audit-20261125.clef, audit-20261125_001.clef, ...) chronologically when run with LC_ALL=C.",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print {\"ok\", \"files\", \"records\", \"chains\", \"firstProblem\"} as JSON instead of a summary line.",
    };

    private readonly Option<bool> _allowTruncatedStart = new("--allow-truncated-start")
    {
        Description = "Accept chains whose first records are missing (older files removed by retention) and verify them from "
            + "the first record present, instead of reporting truncated-chain-start.",
    };

    /// <summary>Creates the command with its arguments, options and action.</summary>
    public AuditVerifyCommand()
        : base("verify", "Checks the hash chains in audit files and reports the first record that was edited, deleted or reordered. "
            + "Exit codes: 0 intact, 1 tampered or malformed, 2 usage (e.g. a missing file).")
    {
        Arguments.Add(_files);
        Options.Add(_json);
        Options.Add(_allowTruncatedStart);
        SetAction((parseResult, cancellationToken) => Task.FromResult(Run(parseResult, cancellationToken)));
    }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var files = parseResult.GetRequiredValue(_files);

        var usageErrors = files.Select(CheckFile).OfType<string>().ToList();
        if (usageErrors.Count > 0)
        {
            foreach (var message in usageErrors)
            {
                error.WriteLine($"error: {message}");
            }

            return ExitCodes.Usage;
        }

        AuditVerification result;
        try
        {
            result = AuditVerifier.Verify(files, parseResult.GetValue(_allowTruncatedStart), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the audit files: {e.Message}");
            return ExitCodes.Failure;
        }

        if (parseResult.GetValue(_json))
        {
            output.WriteLine(ToJson(result).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            WriteSummary(output, result);
        }

        return result.Ok ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string? CheckFile(string path)
    {
        if (Directory.Exists(path))
        {
            return $"'{path}' is a directory; pass the audit files in it, e.g. {Path.Combine(path, "*.clef")}.";
        }

        if (!File.Exists(path))
        {
            var glob = path.IndexOfAny(['*', '?', '[']) >= 0 ? " (a pattern that matched no files?)" : string.Empty;
            return $"the audit file '{path}' does not exist{glob}.";
        }

        return null;
    }

    private static void WriteSummary(TextWriter output, AuditVerification result)
    {
        if (result.FirstProblem is { } problem)
        {
            var verdict = problem.Kind == AuditProblemKinds.Malformed ? "MALFORMED" : "TAMPERED";
            var where = problem.ChainId is null ? string.Empty : $" chain {ShortId(problem.ChainId)}";
            where += problem.Seq is null ? string.Empty : $" seq {problem.Seq}";
            output.WriteLine($"{verdict}: {problem.File}:{problem.Line}{where}: {problem.Message}");
            return;
        }

        output.WriteLine($"OK: {Count(result.Files, "file")}, {Count(result.Records, "record")}, {Count(result.Chains.Count, "chain")}");
        foreach (var chain in result.Chains)
        {
            var start = chain.FirstSeq == 1 ? string.Empty : " (its start is not in these files)";
            output.WriteLine($"  chain {chain.ChainId}: seq {chain.FirstSeq}..{chain.LastSeq}{start}");
        }
    }

    private static JsonObject ToJson(AuditVerification result)
    {
        var chains = new JsonArray();
        foreach (var chain in result.Chains)
        {
            chains.Add(new JsonObject
            {
                ["chainId"] = chain.ChainId,
                ["firstSeq"] = chain.FirstSeq,
                ["lastSeq"] = chain.LastSeq,
                ["records"] = chain.Records,
            });
        }

        var problem = result.FirstProblem is not { } p ? null : new JsonObject
        {
            ["file"] = p.File,
            ["line"] = p.Line,
            ["chainId"] = p.ChainId,
            ["seq"] = p.Seq,
            ["kind"] = p.Kind,
            ["message"] = p.Message,
        };

        return new JsonObject
        {
            ["ok"] = result.Ok,
            ["files"] = result.Files,
            ["records"] = result.Records,
            ["chains"] = chains,
            ["firstProblem"] = problem,
        };
    }

    private static string ShortId(string chainId) =>
        chainId.Length <= ShortChainIdLength + 4 ? chainId : chainId[..ShortChainIdLength] + "…";

    private static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
