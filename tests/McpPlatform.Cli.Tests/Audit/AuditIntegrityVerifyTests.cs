using System.Text.Json;
using McpPlatform.Cli.Audit;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;

namespace McpPlatform.Cli.Tests.Audit;

/// <summary>
/// What the keyed chain and the signed checkpoints let <c>audit verify</c> see that the chain alone cannot: a
/// tail cut off the last file, a whole file deleted, a chain rewritten without the key or downgraded to the
/// unkeyed form; and how it treats files of the earlier, unkeyed form and a missing key.
/// </summary>
public sealed class AuditIntegrityVerifyTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Checkpoints => Directory.CreateDirectory(_folder.Combine("checkpoints")).FullName;

    [Fact]
    public async Task A_tail_cut_after_the_last_checkpoint_is_reported_as_a_truncated_tail()
    {
        var chain = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var lines = chain.NextLines(6);
        WriteCheckpoint(chain.Checkpoint("audit-20261125.clef"));
        var file = AuditClef.Write(_folder.Combine("audit-20261125.clef"), lines.Take(4)); // the last two records cut off

        var problem = await VerifyExpectingProblemAsync(file);
        var human = await AuditCli.VerifyAsync(file);

        AssertProblem(problem, file, line: 4, chain.ChainId, seq: 4, AuditProblemKinds.TruncatedTail);
        Assert.Contains("says seq 6 was written, in audit-20261125.clef: 2 records were cut off the end", problem.GetProperty("message").GetString());
        Assert.StartsWith($"TAMPERED: {file}:4 chain 3f2a9c0d… seq 4: the chain ends at seq 4", human.Stdout);
    }

    [Fact]
    public async Task A_deleted_last_file_named_by_a_checkpoint_is_reported_as_a_deleted_file()
    {
        var chain = new AuditChainWriter();
        var day1 = AuditClef.Write(_folder.Combine("audit-20261125.clef"), chain.NextLines(3));
        chain.NextLines(3); // audit-20261126.clef, deleted
        WriteCheckpoint(chain.Checkpoint("audit-20261126.clef"));

        var problem = await VerifyExpectingProblemAsync(day1);

        Assert.Equal(AuditProblemKinds.DeletedFile, problem.GetProperty("kind").GetString());
        Assert.Contains("in audit-20261126.clef, which is not among the files given", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_deleted_file_holding_a_whole_earlier_chain_is_named_by_the_next_chains_first_record()
    {
        var earlier = new AuditChainWriter();
        earlier.NextLines(4); // its file was deleted (and its checkpoint with it)
        var next = new AuditChainWriter();
        var (seq, hash) = earlier.Head;
        var opening = next.Next(f =>
        {
            f[AuditFields.Kind] = AuditRecord.ChainStartKind;
            f[AuditFields.Outcome] = "server-start";
            f[AuditFields.Arguments] = JsonSerializer.Serialize(new { previousChainId = earlier.ChainId, previousSeq = seq, previousHash = hash, previousFile = "audit-20261125.clef" });
        });
        var file = AuditClef.Write(_folder.Combine("audit-20261126.clef"), [AuditClef.Line(opening), .. next.NextLines(2)]);

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 1, next.ChainId, seq: 1, AuditProblemKinds.DeletedFile);
        Assert.Contains($"starts after chain {earlier.ChainId} (seq 4, in audit-20261125.clef), which is in none of the files given", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_chain_rewritten_and_rehashed_without_the_key_is_reported_as_rewritten()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(3);

        // An insider with write access but not the key changes record 2 and recomputes the chain from there as SHA-256.
        var forger = new AuditChainWriter(chain.ChainId, key: null, unkeyed: true);
        var rewritten = new List<string> { lines[0] };
        var previous = JsonDocument.Parse(lines[0]).RootElement.GetProperty(AuditFields.Hash).GetString()!;
        foreach (var line in lines.Skip(1))
        {
            var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line)!
                .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Number ? (object?)p.Value.GetInt64() : p.Value.GetString());
            fields[AuditFields.Outcome] = "denied";
            fields[AuditFields.PrevHash] = previous;
            fields[AuditFields.Hash] = previous = AuditChain.ComputeHash(fields);
            rewritten.Add(AuditClef.Line(fields));
        }

        var file = AuditClef.Write(_folder.Combine("audit.clef"), rewritten);

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 2, chain.ChainId, seq: 2, AuditProblemKinds.Rewritten);
        Assert.Contains("plain SHA-256 recomputed without the audit chain key", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_record_that_differs_from_the_head_its_checkpoint_signed_is_reported_as_rewritten()
    {
        var chain = new AuditChainWriter();
        chain.NextLines(3);
        WriteCheckpoint(chain.Checkpoint("audit.clef"));

        // Someone with the key rebuilt the whole chain with other contents: every hash verifies, the checkpoint does not match.
        var rebuilt = new AuditChainWriter(chain.ChainId);
        var file = AuditClef.Write(_folder.Combine("audit.clef"), Enumerable.Range(0, 3).Select(_ => AuditClef.Line(rebuilt.Next(f => f[AuditFields.Outcome] = "denied"))));

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 3, chain.ChainId, seq: 3, AuditProblemKinds.Rewritten);
        Assert.Contains("not the one its signed checkpoint", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_checkpointed_chain_downgraded_to_the_unkeyed_form_is_reported_as_rewritten()
    {
        var chain = new AuditChainWriter();
        chain.NextLines(3);
        WriteCheckpoint(chain.Checkpoint("audit.clef"));
        var file = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter(chain.ChainId, unkeyed: true).NextLines(3));

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 1, chain.ChainId, seq: 1, AuditProblemKinds.Rewritten);
        Assert.Contains("earlier, unkeyed form", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_forged_checkpoint_is_reported_as_invalid()
    {
        var chain = new AuditChainWriter();
        var file = AuditClef.Write(_folder.Combine("audit.clef"), chain.NextLines(3));
        var forged = chain.Checkpoint("audit.clef") with { Seq = 2 };
        WriteCheckpoint(forged);

        var problem = await VerifyExpectingProblemAsync(file);

        Assert.Equal(AuditProblemKinds.CheckpointInvalid, problem.GetProperty("kind").GetString());
        Assert.Contains("signature does not verify", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Intact_files_with_their_checkpoints_verify_ok_and_say_how_many_checkpoints_vouched()
    {
        var chain = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var file = AuditClef.Write(_folder.Combine("audit.clef"), chain.NextLines(3));
        WriteCheckpoint(chain.Checkpoint("audit.clef"));

        var run = (await AuditCli.VerifyAsync(file)).EnsureSuccess();

        Assert.StartsWith("OK: 1 file, 3 records, 1 chain, 1 signed checkpoint\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Files_of_the_earlier_unkeyed_form_are_named_as_such_and_fail_unless_allowed()
    {
        var file = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter(unkeyed: true).NextLines(3));

        var strict = await CliRun.RunAsync("audit", "verify", file);
        var allowed = (await CliRun.RunAsync("audit", "verify", "--allow-unkeyed", file)).EnsureSuccess();

        Assert.Equal(1, strict.ExitCode);
        Assert.StartsWith("UNKEYED: 3 records of the earlier, unkeyed form (mcp-platform.audit/1)", strict.Stdout);
        Assert.Contains("integrity is not provable against an insider", strict.Stdout);
        Assert.Contains("\nNOT PROVABLE (--allow-unkeyed accepts it): 1 file, 3 records", strict.Stdout.ReplaceLineEndings("\n"));
        Assert.StartsWith("UNKEYED: 3 records", allowed.Stdout);
        Assert.Contains("\nOK: 1 file, 3 records", allowed.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Keyed_files_without_a_key_are_a_usage_error_saying_where_to_give_it()
    {
        var file = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter().NextLines(2));

        var run = await CliRun.RunAsync("audit", "verify", "--store", _folder.Combine("empty-store"), file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the records are keyed (mcp-platform.audit/3) and no audit chain key was given", run.Stderr);
        Assert.Contains("--key-file", run.Stderr);
    }

    [Fact]
    public async Task A_vault_uri_is_answered_with_the_az_command_that_passes_the_key_since_the_tool_carries_no_azure_sdk()
    {
        var file = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter().NextLines(2));

        var run = await CliRun.RunAsync("audit", "verify", "--vault-uri", "https://contoso-audit.vault.azure.net/", file);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no longer reads Azure Key Vault itself", run.Stderr);
        Assert.Contains("MCP_PLATFORM_AUDIT_KEY=\"$(az keyvault secret show --id https://contoso-audit.vault.azure.net/secrets/audit-chain-key --query value -o tsv)\"", run.Stderr);
    }

    [Fact]
    public async Task The_wrong_key_fails_at_the_first_record_and_says_the_key_may_be_wrong_without_printing_either_key()
    {
        var file = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter().NextLines(2));
        var other = _folder.Combine("other.key");
        const string OtherSecret = "another-audit-chain-key-0123456789abcdefgh";
        await File.WriteAllTextAsync(other, OtherSecret);

        var run = await CliRun.RunAsync("audit", "verify", "--key-file", other, file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the key is not the one the server used", run.Stdout);
        Assert.DoesNotContain(OtherSecret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditTestKey.Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    private void WriteCheckpoint(AuditCheckpoint checkpoint) =>
        File.WriteAllText(Path.Combine(Checkpoints, AuditCheckpoint.FileNameOf(checkpoint.ChainId)), checkpoint.ToJson());

    private static async Task<JsonElement> VerifyExpectingProblemAsync(params string[] files)
    {
        var run = await AuditCli.VerifyAsync(["--json", .. files]);
        Assert.True(run.ExitCode == 1, $"expected exit 1, got {run.ExitCode}\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
        using var document = JsonDocument.Parse(run.Stdout);
        return document.RootElement.GetProperty("firstProblem").Clone();
    }

    private static void AssertProblem(JsonElement problem, string file, long line, string chainId, long seq, string kind) =>
        Assert.Equal(
            (file, line, chainId, seq, kind),
            (problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt64(), problem.GetProperty("chainId").GetString(),
                problem.GetProperty("seq").GetInt64(), problem.GetProperty("kind").GetString()));
}
