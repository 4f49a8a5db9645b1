using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Cli.Audit;
using McpPlatform.Governance.Audit;
using McpPlatform.Secrets.LocalStore;

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
/// <c>mcp-platform audit verify FILE...</c>: checks the keyed hash chains in audit files against the signed
/// checkpoints and reports the first record that was edited, deleted, reordered or rewritten, a cut tail or a
/// deleted file. Exit codes: 0 every record is intact; 1 tampered, malformed or unkeyed (or a file could not be
/// read); 2 usage, e.g. a file that does not exist or no key for keyed records.
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
            + "(audit-20261125.clef, audit-20261125_001.clef, ...) chronologically when run with LC_ALL=C. "
            + "Or one FOLDER of a fleet: every replica's sub-folder (and files directly in it) is verified as its own set of chains, with its own checkpoints.",
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

    private readonly Option<string?> _keyFile = new("--key-file")
    {
        Description = $"A file holding the audit chain key (the secret's text). Otherwise ${AuditKeySource.EnvironmentVariable}, "
            + "then the local secret store.",
        HelpName = "file",
    };

    private readonly Option<string?> _vaultUri = new("--vault-uri")
    {
        Description = $"No longer read directly (the tool carries no Azure SDK): prints the az command that passes the key through ${AuditKeySource.EnvironmentVariable}.",
        HelpName = "uri",
    };

    private readonly Option<string?> _store = new("--store")
    {
        Description = $"Read the key from this local secret store folder. Default: ${LocalSecretStoreDirectory} or the per-user store, when it holds the key.",
        HelpName = "dir",
    };

    private readonly Option<string> _keySecret = new("--key-secret")
    {
        Description = "The name of the key's secret (McpPlatform:Audit:KeySecretName).",
        DefaultValueFactory = _ => AuditChainKey.DefaultSecretName,
        HelpName = "name",
    };

    private readonly Option<string?> _checkpoints = new("--checkpoints")
    {
        Description = "The folder of signed checkpoints (McpPlatform:Audit:CheckpointDirectory). Default: the 'checkpoints' folder beside the first file, if there is one. "
            + "Without checkpoints a cut tail or a deleted last file cannot be detected.",
        HelpName = "dir",
    };

    private readonly Option<bool> _allowUnkeyed = new("--allow-unkeyed")
    {
        Description = $"Exit 0 for intact records of the earlier, unkeyed form ({AuditFields.UnkeyedSchemaVersion}); they are still reported as not provable against an insider.",
    };

    private const string LocalSecretStoreDirectory = McpPlatform.Secrets.LocalStore.LocalSecretStore.DirectoryEnvironmentVariable;

    /// <summary>Creates the command with its arguments, options and action.</summary>
    public AuditVerifyCommand()
        : base("verify", "Checks the hash chains in audit files and reports the first record that was edited, deleted or reordered. "
            + "Exit codes: 0 intact, 1 tampered or malformed, 2 usage (e.g. a missing file).")
    {
        Arguments.Add(_files);
        Options.Add(_json);
        Options.Add(_allowTruncatedStart);
        Options.Add(_keyFile);
        Options.Add(_vaultUri);
        Options.Add(_store);
        Options.Add(_keySecret);
        Options.Add(_checkpoints);
        Options.Add(_allowUnkeyed);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var files = parseResult.GetRequiredValue(_files);
        if (files is [var only] && Directory.Exists(only))
        {
            return await VerifyFleetAsync(parseResult, only, cancellationToken);
        }

        var usageErrors = files.Select(CheckFile).OfType<string>().ToList();
        if (usageErrors.Count > 0)
        {
            foreach (var message in usageErrors)
            {
                error.WriteLine($"error: {message}");
            }

            return ExitCodes.Usage;
        }

        var checkpoints = parseResult.GetValue(_checkpoints);
        if (checkpoints is not null && !Directory.Exists(checkpoints))
        {
            error.WriteLine($"error: the checkpoint folder '{checkpoints}' does not exist.");
            return ExitCodes.Usage;
        }

        checkpoints ??= Path.Combine(Path.GetDirectoryName(Path.GetFullPath(files[0]))!, "checkpoints") is var beside && Directory.Exists(beside) ? beside : null;

        var (keyFound, key) = await ResolveKeyAsync(parseResult, error, cancellationToken);
        if (!keyFound)
        {
            return ExitCodes.Usage;
        }

        AuditVerification result;
        try
        {
            result = AuditVerifier.Verify(files, new AuditVerifyOptions(key, checkpoints, parseResult.GetValue(_allowTruncatedStart)), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot read the audit files: {e.Message}");
            return ExitCodes.Failure;
        }

        if (result.FirstProblem?.Kind == AuditProblemKinds.KeyRequired)
        {
            error.WriteLine($"error: {result.FirstProblem.File}: {result.FirstProblem.Message}; give it with --key-file FILE, "
                + $"${AuditKeySource.EnvironmentVariable} or --store DIR (secret '{parseResult.GetRequiredValue(_keySecret)}').");
            return ExitCodes.Usage;
        }

        var unkeyedAccepted = result.UnkeyedRecords == 0 || parseResult.GetValue(_allowUnkeyed);
        if (parseResult.GetValue(_json))
        {
            output.WriteLine(ToJson(result, unkeyedAccepted).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            WriteSummary(output, result, checkpoints, unkeyedAccepted);
        }

        return result.Ok && unkeyedAccepted ? ExitCodes.Success : ExitCodes.Failure;
    }

    // The chain key from --key-file, --vault-uri, --store or the environment; false (the reason written) when none resolves.
    private async Task<(bool Found, AuditChainKey? Key)> ResolveKeyAsync(ParseResult parseResult, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var (key, _) = await AuditKeySource.ResolveAsync(
                parseResult.GetValue(_keyFile), parseResult.GetValue(_vaultUri), parseResult.GetValue(_store), parseResult.GetRequiredValue(_keySecret), cancellationToken);
            return (true, key);
        }
        catch (AuditKeyException e)
        {
            error.WriteLine($"error: {e.Message}");
            return (false, null);
        }
    }

    // One folder of a fleet: each replica's files are their own set (own chains, own checkpoints); every set must be intact.
    private async Task<int> VerifyFleetAsync(ParseResult parseResult, string folder, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var replicas = AuditFleetFolder.Find(folder);
        if (replicas.Count == 0)
        {
            error.WriteLine($"error: '{folder}' holds no audit files (*.clef), directly or in a replica's sub-folder.");
            return ExitCodes.Usage;
        }

        var (keyFound, key) = await ResolveKeyAsync(parseResult, error, cancellationToken);
        if (!keyFound)
        {
            return ExitCodes.Usage;
        }

        var results = new List<(ReplicaFiles Replica, AuditVerification Result)>();
        foreach (var replica in replicas)
        {
            try
            {
                results.Add((replica, AuditVerifier.Verify(replica.Files, new AuditVerifyOptions(key, replica.Checkpoints, parseResult.GetValue(_allowTruncatedStart)), cancellationToken)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: cannot read the audit files of replica {replica.Replica}: {e.Message}");
                return ExitCodes.Failure;
            }
        }

        if (results.FirstOrDefault(r => r.Result.FirstProblem?.Kind == AuditProblemKinds.KeyRequired) is { Result.FirstProblem: { } keyProblem })
        {
            error.WriteLine($"error: {keyProblem.File}: {keyProblem.Message}; give it with --key-file FILE, "
                + $"${AuditKeySource.EnvironmentVariable} or --store DIR (secret '{parseResult.GetRequiredValue(_keySecret)}').");
            return ExitCodes.Usage;
        }

        var allowUnkeyed = parseResult.GetValue(_allowUnkeyed);
        bool Passed(AuditVerification result) => result.Ok && (result.UnkeyedRecords == 0 || allowUnkeyed);
        if (parseResult.GetValue(_json))
        {
            var replicasJson = new JsonArray();
            foreach (var (replica, result) in results)
            {
                var entry = ToJson(result, result.UnkeyedRecords == 0 || allowUnkeyed);
                entry["replica"] = replica.Replica;
                replicasJson.Add(entry);
            }

            output.WriteLine(new JsonObject
            {
                ["ok"] = results.All(r => Passed(r.Result)),
                ["replicas"] = replicasJson,
            }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var (replica, result) in results)
            {
                output.Write($"replica {replica.Replica}: ");
                WriteSummary(output, result, replica.Checkpoints, result.UnkeyedRecords == 0 || allowUnkeyed);
            }

            var failed = results.Count(r => !Passed(r.Result));
            output.WriteLine(failed == 0
                ? $"OK: {Count(results.Count, "replica")}, {Count(results.Sum(r => r.Result.Records), "record")}, every chain intact"
                : $"FAILED: {failed} of {Count(results.Count, "replica")} not intact ({string.Join(", ", results.Where(r => !Passed(r.Result)).Select(r => r.Replica.Replica))})");
        }

        return results.All(r => Passed(r.Result)) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string? CheckFile(string path)
    {
        if (Directory.Exists(path))
        {
            return $"'{path}' is a directory; pass the audit files in it, e.g. {Path.Combine(path, "*.clef")}, or the folder alone to verify every replica in it.";
        }

        if (!File.Exists(path))
        {
            var glob = path.IndexOfAny(['*', '?', '[']) >= 0 ? " (a pattern that matched no files?)" : string.Empty;
            return $"the audit file '{path}' does not exist{glob}.";
        }

        return null;
    }

    private static void WriteSummary(TextWriter output, AuditVerification result, string? checkpoints, bool unkeyedAccepted)
    {
        if (result.FirstProblem is { } problem)
        {
            var verdict = problem.Kind == AuditProblemKinds.Malformed ? "MALFORMED" : "TAMPERED";
            var where = problem.ChainId is null ? string.Empty : $" chain {ShortId(problem.ChainId)}";
            where += problem.Seq is null ? string.Empty : $" seq {problem.Seq}";
            output.WriteLine($"{verdict}: {problem.File}:{problem.Line}{where}: {problem.Message}");
            return;
        }

        if (result.UnkeyedRecords > 0)
        {
            output.WriteLine($"UNKEYED: {Count(result.UnkeyedRecords, "record")} of the earlier, unkeyed form ({AuditFields.UnkeyedSchemaVersion}): "
                + "their chain is intact, but anyone who could write the files could have rewritten it, so their integrity is not provable against an insider.");
        }

        if (result.EarlierKeyedRecords > 0)
        {
            output.WriteLine($"EARLIER FORM: {Count(result.EarlierKeyedRecords, "record")} of the earlier keyed form ({AuditFields.EarlierKeyedSchemaVersion}, hashed before RFC 8785), "
                + $"verified by that form's rules; new records are written as {AuditFields.SchemaVersion} (RFC 8785, docs/canonical-json.md). Nothing to do.");
        }

        var signed = checkpoints is null
            ? " (no checkpoint folder: a cut tail or a deleted last file cannot be detected)"
            : $", {Count(result.Checkpoints, "signed checkpoint")}";
        var outcome = unkeyedAccepted ? "OK" : "NOT PROVABLE (--allow-unkeyed accepts it)";
        output.WriteLine($"{outcome}: {Count(result.Files, "file")}, {Count(result.Records, "record")}, {Count(result.Chains.Count, "chain")}{signed}");
        foreach (var chain in result.Chains)
        {
            var start = chain.FirstSeq == 1 ? string.Empty : " (its start is not in these files)";
            output.WriteLine($"  chain {chain.ChainId}: seq {chain.FirstSeq}..{chain.LastSeq}{start}");
        }
    }

    private static JsonObject ToJson(AuditVerification result, bool unkeyedAccepted)
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
            ["ok"] = result.Ok && unkeyedAccepted,
            ["files"] = result.Files,
            ["records"] = result.Records,
            ["chains"] = chains,
            ["firstProblem"] = problem,
            ["unkeyedRecords"] = result.UnkeyedRecords,
            ["earlierKeyedRecords"] = result.EarlierKeyedRecords,
            ["checkpoints"] = result.Checkpoints,
        };
    }

    private static string ShortId(string chainId) =>
        chainId.Length <= ShortChainIdLength + 4 ? chainId : chainId[..ShortChainIdLength] + "…";

    private static string Count(long count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
