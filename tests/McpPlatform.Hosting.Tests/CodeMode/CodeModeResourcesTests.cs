using McpPlatform.Governance.Audit;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// <c>codemode.resources.list()</c> and <c>codemode.resources.read(uri)</c> over real HTTP, under the
/// governance a direct resources/read gets: the list shows only what policy lets the caller read, a
/// denied read throws with the rule, data-loss rules redact the contents, every read has its own
/// audit record under the execution, and reads count against the execution's inner-call budget.
/// </summary>
public sealed class CodeModeResourcesTests : IDisposable
{
    private readonly AuditFolder _audit = new();

    public void Dispose() => _audit.Dispose();

    [Fact]
    public async Task List_shows_the_resources_and_templates_a_reader_may_read()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("async () => codemode.resources.list()");

        var entries = result.Result().EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.Equal(["logo", "page", "welcome"], entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(CodeModeResourcesCatalog.WelcomeUri, entries["welcome"].GetProperty("uri").GetString());
        Assert.Equal("text/markdown", entries["welcome"].GetProperty("mimeType").GetString());
        Assert.Equal("The welcome page.", entries["welcome"].GetProperty("description").GetString());
        Assert.Equal(CodeModeResourcesCatalog.PageTemplate, entries["page"].GetProperty("uriTemplate").GetString());
        Assert.False(entries["page"].TryGetProperty("uri", out _));
        Assert.False(entries["page"].TryGetProperty("mimeType", out _));
    }

    [Fact]
    public async Task List_leaves_out_what_policy_does_not_let_the_caller_read()
    {
        await using var server = await StartAsync(new Dictionary<string, string?>
        {
            ["McpPlatform:Policy:Rules:3:Name"] = "auditors-logo",
            ["McpPlatform:Policy:Rules:3:Groups:0"] = GovernedPolicy.AuditorsGroup,
            ["McpPlatform:Policy:Rules:3:Tools:0"] = "resource:logo",
            ["McpPlatform:Policy:Rules:3:Access:0"] = "Read",
        });
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Auditor);

        var listed = await client.ExecuteAsync("async () => codemode.resources.list().map(r => r.name)");
        var searched = await client.SearchAsync("async () => codemode.resources.list().map(r => r.name)");

        Assert.Equal(["logo"], listed.Result().EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["logo"], searched.Result().EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Read_returns_text_and_base64_blob_contents_of_fixed_and_templated_resources()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("""
            async () => {
              const [logo, page] = await Promise.all([codemode.resources.read("docs://logo"), codemode.resources.read("docs://pages/on%20call")]);
              return { logo, page };
            }
            """);

        var value = result.Result();
        var logo = Assert.Single(value.GetProperty("logo").EnumerateArray().ToArray());
        Assert.Equal(CodeModeResourcesCatalog.LogoUri, logo.GetProperty("uri").GetString());
        Assert.Equal("image/png", logo.GetProperty("mimeType").GetString());
        Assert.Equal(Convert.ToBase64String(CodeModeResourcesCatalog.LogoBytes), logo.GetProperty("blob").GetString());
        Assert.False(logo.TryGetProperty("text", out _));
        var page = Assert.Single(value.GetProperty("page").EnumerateArray().ToArray());
        Assert.Equal("docs://pages/on%20call", page.GetProperty("uri").GetString());
        Assert.Equal("page on call", page.GetProperty("text").GetString());
        Assert.Equal("text/plain", page.GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task Data_loss_rules_redact_contents_read_in_code()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("async () => (await codemode.resources.read('docs://welcome'))[0].text");

        var text = result.Result().GetString();
        Assert.Equal("# Welcome\nQuestions to [REDACTED:email].", text);
        Assert.DoesNotContain(CodeModeResourcesCatalog.Email, CodeModeClients.Text(result));
    }

    [Fact]
    public async Task Contents_too_large_to_scan_are_withheld_from_the_script_not_served_unredacted()
    {
        await using var server = await StartAsync(new Dictionary<string, string?> { ["McpPlatform:Dlp:MaxScannedChars"] = "10" });
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("""
            async () => {
              try { return await codemode.resources.read("docs://welcome"); }
              catch (e) { return e.message; }
            }
            """);

        Assert.Contains("was withheld", result.Result().GetString());
        Assert.DoesNotContain(CodeModeResourcesCatalog.Email, CodeModeClients.Text(result));
    }

    [Fact]
    public async Task Denied_read_throws_an_error_naming_the_rule()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Auditor);

        var result = await client.ExecuteAsync("""
            async () => {
              try { await codemode.resources.read("docs://welcome"); return "read"; }
              catch (e) { return [e instanceof Error, e.message]; }
            }
            """);

        var value = result.Result().EnumerateArray().ToArray();
        Assert.True(value[0].GetBoolean());
        Assert.StartsWith("denied by policy: profile:" + GovernedPolicy.AuditorsProfile + ".", value[1].GetString());
        Assert.DoesNotContain("Questions", CodeModeClients.Text(result));
    }

    [Fact]
    public async Task Unknown_uri_and_a_uri_that_is_not_a_string_throw_clear_errors()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("""
            async () => {
              const messages = [];
              for (const uri of ["docs://nowhere", 42]) {
                try { await codemode.resources.read(uri); messages.push("read"); } catch (e) { messages.push(e.name + ": " + e.message); }
              }
              return messages;
            }
            """);

        var messages = result.Result().EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.StartsWith("Error: Unknown resource 'docs://nowhere'", messages[0]);
        Assert.Contains("codemode.resources.list()", messages[0]);
        Assert.StartsWith("TypeError: codemode.resources.read(uri) takes the URI as a string", messages[1]);
    }

    [Fact]
    public async Task Search_lists_resources_but_cannot_read_them()
    {
        await using var server = await StartAsync();
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.SearchAsync("""
            async () => {
              try { await codemode.resources.read("docs://welcome"); return "read"; } catch (e) { return e.message; }
            }
            """);

        Assert.StartsWith("Resources can only be read from execute", result.Result().GetString());
    }

    [Fact]
    public async Task Reads_count_against_the_inner_call_limit()
    {
        await using var server = await StartAsync(new Dictionary<string, string?> { ["McpPlatform:CodeMode:MaxInnerCalls"] = "2" });
        await using var client = await server.ConnectCodeModeAsync(caller: GovernedPolicy.Reader);

        var result = await client.ExecuteAsync("""
            async () => {
              await codemode.get_ticket({ key: "T-1" });
              await codemode.resources.read("docs://logo");
              await codemode.resources.read("docs://logo");
              return "not reached";
            }
            """);

        Assert.Contains("more than 2 tool calls and resource reads (McpPlatform:CodeMode:MaxInnerCalls)", result.Error());
    }

    [Fact]
    public async Task Each_read_has_its_own_audit_record_whose_parent_is_the_execution()
    {
        await using (var server = await StartAsync())
        {
            using var reader = await RawMcpSession.OpenAsync(server.CodeModeUri(), server.MintToken(GovernedPolicy.Reader), initializeId: 1);
            var read = await reader.CallToolAsync(7, "execute", """
                {"code":"await codemode.resources.read('docs://welcome');\nawait codemode.resources.read('docs://pages/intro');\ntry { await codemode.resources.read('docs://nowhere'); } catch (e) { }\nreturn 'done';"}
                """);
            Assert.NotEqual(true, (bool?)read["result"]!["isError"]);

            using var auditor = await RawMcpSession.OpenAsync(server.CodeModeUri(), server.MintToken(GovernedPolicy.Auditor), initializeId: 1);
            var denied = await auditor.CallToolAsync(8, "execute", """
                {"code":"try { await codemode.resources.read('docs://welcome'); } catch (e) { return e.message; }"}
                """);
            Assert.NotEqual(true, (bool?)denied["result"]!["isError"]);
        }

        var trail = _audit.Read();
        var execution = trail.Request(7);
        var reads = trail.Requests.Where(r => r.String(AuditFields.ParentId) == "7").ToArray();
        Assert.Equal(("execute", "ok"), (execution.Tool, execution.Outcome));
        Assert.Equal(
            [("resource:welcome", "ok", "allowed"), ("resource:page", "ok", "allowed"), (null, "failed", null)],
            reads.Select(r => (r.Tool, r.Outcome, r.String(AuditFields.Decision))));
        Assert.All(reads, r =>
        {
            Assert.Equal("resources/read", r.Method);
            Assert.Equal(GovernedPolicy.Reader.Subject, r.String(AuditFields.Subject));
            Assert.StartsWith("7/", r.RequestId);
            Assert.True(r.Seq < execution.Seq, "Inner records are written before the execution's own record ends it.");
        });
        Assert.Contains("\"slug\"", reads[1].String(AuditFields.Arguments));
        Assert.Equal("resource not found", reads[2].String(AuditFields.Error));
        Assert.DoesNotContain(CodeModeResourcesCatalog.Email, trail.ToString());

        var refused = Assert.Single(trail.Requests, r => r.String(AuditFields.ParentId) == "8");
        Assert.Equal(("resource:welcome", "denied", "denied"), (refused.Tool, refused.Outcome, refused.String(AuditFields.Decision)));
        Assert.Equal("profile:" + GovernedPolicy.AuditorsProfile, refused.String(AuditFields.Rule));
    }

    [Fact]
    public void The_execute_description_tells_models_how_to_list_and_read_resources()
    {
        var execute = Assert.Single(CodeModeSurface.Tools, t => t.Name == CodeModeSurface.ExecuteToolName);

        Assert.Contains("codemode.resources.list()", execute.Description);
        Assert.Contains("codemode.resources.read(uri) resolves to [{uri, mimeType, text or base64 blob}]", execute.Description);
    }

    private Task<RunningServer> StartAsync(IReadOnlyDictionary<string, string?>? extra = null) =>
        RunningServer.StartAsync(new ServerSetup
        {
            GrantTestCallerEverything = false,
            AuditDirectory = _audit.Path,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings.Concat(extra ?? new Dictionary<string, string?>()))
            {
                ["McpPlatform:SessionMode"] = "Stateless",
            },
            Services = CodeModeResourcesCatalog.Register,
        });
}
