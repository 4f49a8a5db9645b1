using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Resources;

/// <summary>
/// Which resource answers a URI that several templates match, over real HTTP: the most specific
/// template, and the one policy authorised is the one that serves. A template match that times out
/// refuses the read instead of letting a broader template serve it; completion values pass the
/// data-loss rules and are audited.
/// </summary>
public sealed class ResourceResolutionTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task Reader_is_denied_a_uri_of_the_restricted_template_although_a_broader_open_template_matches_it()
    {
        await using var server = await StartAsync();
        await using var reader = await server.ConnectClientAsync(GovernedPolicy.Reader);

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => reader.ReadResourceAsync(FileShelf.SecretPlanUri).AsTask());
        var other = await reader.ReadResourceAsync("files://ops/plan");

        Assert.Contains("Denied by policy", error.Message);
        Assert.Contains("resource:secret_file", error.Message);
        Assert.Equal("any file ops/plan", Text(other));
    }

    [Fact]
    public async Task The_resource_policy_authorised_is_the_one_that_serves_and_the_audit_names_it()
    {
        await using (var server = await StartAsync())
        {
            await using var support = await server.ConnectClientAsync(GovernedPolicy.SupportWriter);

            var read = await support.ReadResourceAsync(FileShelf.SecretPlanUri);

            Assert.Equal("secret file plan", Text(read));
        }

        var record = Assert.Single(_audit.Read().Requests, r => r.Method == "resources/read");
        Assert.Equal("resource:secret_file", record.Tool);
        Assert.Equal("allowed", record.String("Decision"));
        Assert.Equal(FileShelf.SecretRule, record.String("Rule"));
    }

    [Fact]
    public async Task Template_match_that_times_out_refuses_the_read_instead_of_falling_through_to_a_broader_template()
    {
        await using (var server = await StartAsync())
        {
            await using var reader = await server.ConnectClientAsync(GovernedPolicy.Reader);

            var error = await Assert.ThrowsAsync<McpProtocolException>(() => reader.ReadResourceAsync(FileShelf.SlowDocUri).AsTask());

            Assert.Contains("could not be matched", error.Message);
            Assert.Contains("time limit", error.Message);
            Assert.DoesNotContain(new string('a', 300), error.Message);
        }

        var record = Assert.Single(_audit.Read().Requests, r => r.Method == "resources/read");
        Assert.Equal("denied", record.String("Decision"));
        Assert.Equal("uri-template-timeout", record.String("Rule"));
        Assert.Null(record.Tool);
    }

    [Fact]
    public async Task Code_mode_read_whose_template_match_times_out_fails_instead_of_reading_a_broader_template()
    {
        await using (var server = await StartAsync())
        {
            await using var reader = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

            var result = await reader.ExecuteAsync($$"""
                async () => {
                  try { return await codemode.resources.read("{{FileShelf.SlowDocUri}}"); }
                  catch (e) { return e.message; }
                }
                """);

            Assert.Contains("timed out", result.Result().GetString());
            Assert.DoesNotContain("doc 4000", CodeModeClients.Text(result));
        }

        var read = Assert.Single(_audit.Read().Lines, r => r.Method == "resources/read");
        Assert.Equal("failed", read.Outcome);
        Assert.Null(read.Tool);
    }

    [Fact]
    public async Task Completion_values_are_redacted_by_the_data_loss_rules_and_audited()
    {
        await using (var server = await StartAsync())
        {
            await using var reader = await server.ConnectClientAsync(GovernedPolicy.Reader);

            var owners = await reader.CompleteAsync(new ResourceTemplateReference { Uri = "files://{owner}/{name}" }, "owner", "");

            Assert.Equal(["[REDACTED:email]", "ops"], owners.Completion.Values);
        }

        var record = Assert.Single(_audit.Read().Requests, r => r.Method == "completion/complete");
        Assert.Equal("resource:any_file", record.Tool);
        Assert.Equal("allowed", record.String("Decision"));
        Assert.Equal("ok", record.Outcome);
        Assert.NotNull(record.Number("ResultBytes"));
    }

    [Fact]
    public async Task Completion_for_a_template_the_caller_may_not_read_is_empty_and_audited_as_denied()
    {
        await using (var server = await StartAsync())
        {
            await using var reader = await server.ConnectClientAsync(GovernedPolicy.Reader);

            var names = await reader.CompleteAsync(new ResourceTemplateReference { Uri = "files://secret/{name}" }, "name", "p");

            Assert.Empty(names.Completion.Values);
        }

        var record = Assert.Single(_audit.Read().Requests, r => r.Method == "completion/complete");
        Assert.Equal("resource:secret_file", record.Tool);
        Assert.Equal("denied", record.String("Decision"));
    }

    private static string Text(ReadResourceResult read) => Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;

    private Task<RunningServer> StartAsync() =>
        RunningServer.StartAsync(new ServerSetup
        {
            GrantTestCallerEverything = false,
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>(FileShelf.Policy) { ["McpPlatform:SessionMode"] = "Stateless" },
            Services = FileShelf.Register,
        });
}
