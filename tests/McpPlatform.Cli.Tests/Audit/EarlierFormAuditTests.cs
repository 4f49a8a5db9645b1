using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;

namespace McpPlatform.Cli.Tests.Audit;

/// <summary>
/// Audit files written before RFC 8785 (tests/Shared/EarlierForms, written with the code before that change, with
/// characters the earlier form escaped and RFC 8785 does not) still verify, and verify says which form they are.
/// </summary>
public sealed class EarlierFormAuditTests
{
    private static readonly string EarlierForms = Path.Combine(RepositoryLayout.Root, "tests", "Shared", "EarlierForms");

    [Fact]
    public async Task Keyed_records_of_the_earlier_form_verify_and_are_reported_as_that_form()
    {
        var run = (await AuditCli.VerifyAsync(Path.Combine(EarlierForms, "audit-v2.clef"))).EnsureSuccess();

        Assert.Contains("EARLIER FORM: 3 records of the earlier keyed form (mcp-platform.audit/2, hashed before RFC 8785), verified by that form's rules; "
            + "new records are written as mcp-platform.audit/3", run.Stdout);
        Assert.Contains("OK: 1 file, 3 records, 1 chain", run.Stdout);
    }

    [Fact]
    public async Task Unkeyed_records_of_the_earliest_form_still_verify_as_unkeyed()
    {
        var run = (await AuditCli.VerifyAsync("--allow-unkeyed", Path.Combine(EarlierForms, "audit-v1.clef"))).EnsureSuccess();

        Assert.Contains("UNKEYED: 3 records of the earlier, unkeyed form (mcp-platform.audit/1)", run.Stdout);
        Assert.DoesNotContain("EARLIER FORM", run.Stdout);
    }

    [Fact]
    public async Task An_earlier_form_record_whose_schema_is_relabelled_as_current_fails()
    {
        // Same bytes, but claiming the RFC 8785 form: the hash no longer matches, as for any edit.
        var folder = Directory.CreateTempSubdirectory("mcpplatform-earlier-audit-").FullName;
        try
        {
            var text = File.ReadAllText(Path.Combine(EarlierForms, "audit-v2.clef"))
                .Replace(AuditFields.EarlierKeyedSchemaVersion, AuditFields.SchemaVersion, StringComparison.Ordinal);
            var file = AuditClef.Write(Path.Combine(folder, "audit.clef"), text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

            var run = await AuditCli.VerifyAsync(file);

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("record was edited (hash mismatch)", run.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task New_records_are_written_in_the_current_form_and_verify_without_an_earlier_form_note()
    {
        var folder = Directory.CreateTempSubdirectory("mcpplatform-current-audit-").FullName;
        try
        {
            var chain = new AuditChainWriter();
            var file = AuditClef.Write(Path.Combine(folder, "audit.clef"), [AuditClef.Line(chain.Next(f => f[AuditFields.Arguments] = "{\"q\":\"a < b & 'c' 🚀\"}"))]);

            var run = (await AuditCli.VerifyAsync(file)).EnsureSuccess();

            Assert.Contains("\"AuditSchema\":\"mcp-platform.audit/3\"", File.ReadAllText(file));
            Assert.DoesNotContain("EARLIER FORM", run.Stdout);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
