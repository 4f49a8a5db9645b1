using System.Text.Json;
using McpPlatform.Cli.Audit;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;

namespace McpPlatform.Cli.Tests.Audit;

public sealed class AuditVerifyCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Intact_chains_across_two_files_verify_ok()
    {
        var first = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var second = new AuditChainWriter("b7e1c2d3e4f5a6b7c8d9e0f1a2b3c4d5"); // the server restarted: a new chain
        var day1 = AuditClef.Write(_folder.Combine("audit-20261125.clef"), first.NextLines(3));
        var day2 = AuditClef.Write(_folder.Combine("audit-20261125_001.clef"), [.. first.NextLines(2), .. second.NextLines(4)]);

        var run = (await AuditCli.VerifyAsync(day1, day2)).EnsureSuccess();

        Assert.Equal(
            "OK: 2 files, 9 records, 2 chains (no checkpoint folder: a cut tail or a deleted last file cannot be detected)\n"
            + "  chain 3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b: seq 1..5\n"
            + "  chain b7e1c2d3e4f5a6b7c8d9e0f1a2b3c4d5: seq 1..4\n",
            run.Stdout.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, run.Stderr);
    }

    [Fact]
    public async Task Blank_lines_are_skipped_and_still_counted_in_line_numbers()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(4);
        lines.Insert(2, string.Empty);
        lines.Insert(0, "   ");
        lines[4] = AuditClef.Edit(lines[4], AuditFields.Outcome, "error"); // the third record, on line 5

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(5, problem.GetProperty("line").GetInt64());
        Assert.Equal(3, problem.GetProperty("seq").GetInt64());
    }

    [Fact]
    public async Task Changed_outcome_is_reported_as_edited_at_its_line()
    {
        var chain = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var lines = chain.NextLines(60);
        lines[56] = AuditClef.Edit(lines[56], AuditFields.Outcome, "denied");
        var file = AuditClef.Write(_folder.Combine("audit-20261125.clef"), lines);

        var run = await AuditCli.VerifyAsync(file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"TAMPERED: {file}:57 chain 3f2a9c0d… seq 57: record was edited (hash mismatch)\n", run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Changed_arguments_are_reported_as_edited_without_printing_them()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(5);
        lines[1] = AuditClef.Edit(lines[1], AuditFields.Arguments, """{"query":"hunter2-secret"}""");
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);
        var human = await AuditCli.VerifyAsync(file);

        AssertProblem(problem, file, line: 2, chain.ChainId, seq: 2, AuditProblemKinds.Edited);
        Assert.DoesNotContain("hunter2", human.Stdout + human.Stderr);
        Assert.DoesNotContain("release blockers", human.Stdout + human.Stderr);
    }

    [Fact]
    public async Task Changed_number_is_reported_as_edited()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(3);
        lines[2] = AuditClef.Edit(lines[2], AuditFields.ResultBytes, 1L);

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Edited, problem.GetProperty("kind").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Edited_record_with_a_recomputed_hash_breaks_the_chain_at_the_next_record()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(5);
        var forged = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(lines[2])!
            .ToDictionary(p => p.Key, p => p.Value.ValueKind == JsonValueKind.Number ? (object?)p.Value.GetInt64() : p.Value.GetString());
        forged[AuditFields.Decision] = "deny";
        forged[AuditFields.Hash] = AuditChain.ComputeHash(forged, AuditTestKey.Key); // an insider with the key
        lines[2] = AuditClef.Line(forged);
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 4, chain.ChainId, seq: 4, AuditProblemKinds.Edited);
        Assert.Contains("PrevHash does not match the hash of seq 3", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Deleted_record_is_reported_at_the_gap()
    {
        var chain = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var lines = chain.NextLines(8);
        lines.RemoveAt(4); // seq 5
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);
        var human = await AuditCli.VerifyAsync(file);

        AssertProblem(problem, file, line: 5, chain.ChainId, seq: 6, AuditProblemKinds.Deleted);
        Assert.Contains("expected seq 5, got 6", problem.GetProperty("message").GetString());
        Assert.StartsWith($"TAMPERED: {file}:5 chain 3f2a9c0d… seq 6: 1 record is missing before it", human.Stdout);
    }

    [Fact]
    public async Task Several_deleted_records_are_one_gap()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(8);
        lines.RemoveRange(2, 3); // seq 3..5

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Deleted, problem.GetProperty("kind").GetString());
        Assert.Contains("3 records are missing before it (seq 3..5", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Deleted_last_record_of_a_file_is_caught_in_the_next_file()
    {
        var chain = new AuditChainWriter();
        var day1Lines = chain.NextLines(4);
        day1Lines.RemoveAt(3);
        var day1 = AuditClef.Write(_folder.Combine("audit-20261125.clef"), day1Lines);
        var day2 = AuditClef.Write(_folder.Combine("audit-20261126.clef"), chain.NextLines(2));

        var problem = await VerifyExpectingProblemAsync(day1, day2);

        // A gap between two files: a file between them was deleted, or records cut at the boundary.
        AssertProblem(problem, day2, line: 1, chain.ChainId, seq: 5, AuditProblemKinds.DeletedFile);
    }

    [Fact]
    public async Task Swapped_records_are_reported_as_reordered()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(6);
        (lines[2], lines[3]) = (lines[3], lines[2]);
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 3, chain.ChainId, seq: 4, AuditProblemKinds.Reordered);
        Assert.Contains("seq 4 comes before seq 3", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Record_moved_to_the_end_is_reported_as_reordered()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(6);
        var moved = lines[1];
        lines.RemoveAt(1);
        lines.Add(moved);

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Reordered, problem.GetProperty("kind").GetString());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Replayed_record_is_reported_as_reordered()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(4);
        lines.Add(lines[1]);

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Reordered, problem.GetProperty("kind").GetString());
        Assert.Equal(5, problem.GetProperty("line").GetInt64());
        Assert.Contains("seq 2 appears after seq 4", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Deleted_first_record_is_reported_as_truncated_chain_start()
    {
        var intact = new AuditChainWriter();
        var truncated = new AuditChainWriter();
        var lines = intact.NextLines(2);
        lines.AddRange(truncated.NextLines(3).Skip(1));
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);

        AssertProblem(problem, file, line: 3, truncated.ChainId, seq: 2, AuditProblemKinds.TruncatedChainStart);
    }

    [Fact]
    public async Task Truncated_chain_start_is_accepted_when_allowed()
    {
        var chain = new AuditChainWriter("3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b");
        var file = AuditClef.Write(_folder.Combine("audit.clef"), chain.NextLines(10).Skip(6)); // older files removed by retention

        var run = (await AuditCli.VerifyAsync("--allow-truncated-start", file)).EnsureSuccess();

        Assert.Equal(
            "OK: 1 file, 4 records, 1 chain (no checkpoint folder: a cut tail or a deleted last file cannot be detected)\n  chain 3f2a9c0d11b24e5f8a6b7c8d9e0f1a2b: seq 7..10 (its start is not in these files)\n",
            run.Stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Files_given_newest_first_are_reported_with_a_hint()
    {
        var chain = new AuditChainWriter();
        var day1 = AuditClef.Write(_folder.Combine("audit-20261125.clef"), chain.NextLines(3));
        var day2 = AuditClef.Write(_folder.Combine("audit-20261125_001.clef"), chain.NextLines(3));

        var problem = await VerifyExpectingProblemAsync(day2, day1);

        AssertProblem(problem, day2, line: 1, chain.ChainId, seq: 4, AuditProblemKinds.Reordered);
        Assert.Contains("oldest first", problem.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("this is not json", "not valid JSON")]
    [InlineData("[1, 2, 3]", "not a JSON object")]
    [InlineData("""{"@t":"2026-11-25T10:00:00Z","@mt":"Hello"}""", "not an audit record")]
    public async Task Garbage_line_is_reported_as_malformed_with_its_line_number(string garbage, string expected)
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(3);
        lines.Insert(2, garbage);
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var problem = await VerifyExpectingProblemAsync(file);
        var human = await AuditCli.VerifyAsync(file);

        Assert.Equal(AuditProblemKinds.Malformed, problem.GetProperty("kind").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Contains(expected, problem.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, problem.GetProperty("chainId").ValueKind);
        Assert.StartsWith($"MALFORMED: {file}:3: ", human.Stdout);
        Assert.Equal(1, human.ExitCode);
    }

    [Theory]
    [InlineData(AuditFields.Seq, "0")]
    [InlineData(AuditFields.Seq, "\"3\"")]
    [InlineData(AuditFields.PrevHash, "\"not-a-hash\"")]
    [InlineData(AuditFields.Hash, "null")]
    [InlineData(AuditFields.DurationMs, "1.5")]
    [InlineData(AuditFields.Outcome, "true")]
    public async Task Garbled_chain_field_is_reported_as_malformed(string field, string json)
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(3);
        lines[1] = AuditClef.Edit(lines[1], field, JsonDocument.Parse(json).RootElement);

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Malformed, problem.GetProperty("kind").GetString());
        Assert.Equal(2, problem.GetProperty("line").GetInt64());
        Assert.Contains(field, problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Incomplete_last_line_is_malformed_with_a_hint()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(3);
        var file = _folder.Combine("audit.clef");
        File.WriteAllText(file, string.Join("\n", lines)[..^40]); // the server stopped mid-write

        var problem = await VerifyExpectingProblemAsync(file);

        Assert.Equal(AuditProblemKinds.Malformed, problem.GetProperty("kind").GetString());
        Assert.Equal(3, problem.GetProperty("line").GetInt64());
        Assert.Contains("it is the last line", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Repeated_audit_field_is_reported_as_malformed()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(2);
        lines[1] = lines[1][..^1] + ""","Outcome":"denied"}""";

        var problem = await VerifyExpectingProblemAsync(AuditClef.Write(_folder.Combine("audit.clef"), lines));

        Assert.Equal(AuditProblemKinds.Malformed, problem.GetProperty("kind").GetString());
        Assert.Contains("Outcome appears more than once", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Json_output_has_the_summary_and_no_problem_when_intact()
    {
        var chain = new AuditChainWriter();
        var file = AuditClef.Write(_folder.Combine("audit.clef"), chain.NextLines(3));

        var run = (await AuditCli.VerifyAsync("--json", file)).EnsureSuccess();

        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal(["ok", "files", "records", "chains", "firstProblem", "unkeyedRecords", "earlierKeyedRecords", "checkpoints"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(1, root.GetProperty("files").GetInt32());
        Assert.Equal(3, root.GetProperty("records").GetInt64());
        var only = Assert.Single(root.GetProperty("chains").EnumerateArray());
        Assert.Equal(["chainId", "firstSeq", "lastSeq", "records"], only.EnumerateObject().Select(p => p.Name));
        Assert.Equal(chain.ChainId, only.GetProperty("chainId").GetString());
        Assert.Equal(1, only.GetProperty("firstSeq").GetInt64());
        Assert.Equal(3, only.GetProperty("lastSeq").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstProblem").ValueKind);
    }

    [Fact]
    public async Task Json_output_names_the_first_problem()
    {
        var chain = new AuditChainWriter();
        var lines = chain.NextLines(4);
        lines[3] = AuditClef.Edit(lines[3], AuditFields.Outcome, "denied");
        var file = AuditClef.Write(_folder.Combine("audit.clef"), lines);

        var run = await AuditCli.VerifyAsync("--json", file);

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.False(root.GetProperty("ok").GetBoolean());
        Assert.Equal(3, root.GetProperty("records").GetInt64()); // verified intact before the problem
        var problem = root.GetProperty("firstProblem");
        Assert.Equal(["file", "line", "chainId", "seq", "kind", "message"], problem.EnumerateObject().Select(p => p.Name));
        AssertProblem(problem, file, line: 4, chain.ChainId, seq: 4, AuditProblemKinds.Edited);
        Assert.Equal("record was edited (hash mismatch)", problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Missing_file_is_a_usage_error_naming_it()
    {
        var present = AuditClef.Write(_folder.Combine("audit.clef"), new AuditChainWriter().NextLines(1));
        var missing = _folder.Combine("audit-20261126.clef");

        var run = await AuditCli.VerifyAsync(present, missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the audit file '{missing}' does not exist", run.Stderr);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task No_file_is_a_usage_error()
    {
        var run = await CliRun.RunAsync("audit", "verify");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("mcp-platform audit verify --help", run.Stderr);
    }

    private static async Task<JsonElement> VerifyExpectingProblemAsync(params string[] files)
    {
        var run = await AuditCli.VerifyAsync(["--json", .. files]);
        Assert.True(run.ExitCode == 1, $"expected exit 1, got {run.ExitCode}\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.False(document.RootElement.GetProperty("ok").GetBoolean());
        return document.RootElement.GetProperty("firstProblem").Clone();
    }

    private static void AssertProblem(JsonElement problem, string file, long line, string chainId, long seq, string kind)
    {
        Assert.Equal(
            (file, line, chainId, seq, kind),
            (problem.GetProperty("file").GetString(), problem.GetProperty("line").GetInt64(), problem.GetProperty("chainId").GetString(),
                problem.GetProperty("seq").GetInt64(), problem.GetProperty("kind").GetString()));
    }
}
