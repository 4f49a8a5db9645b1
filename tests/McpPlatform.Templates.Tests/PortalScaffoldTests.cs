using System.Net;
using System.Text.Json;

namespace McpPlatform.Templates.Tests;

/// <summary>
/// The second template of the pack, <c>dotnet new mcp-portal</c>: one scaffold built with warnings as errors, its own
/// tests run, then started as a process and called over HTTP (no upstream: an empty tool list, and Code Mode's two
/// tools); one given a real stdio upstream, whose tools appear once the portal's proposal is approved; one in front of
/// two mcp-governed scaffolds over HTTP, driven by the official TypeScript client; and a handful of option sets
/// instantiated and checked file by file like mcp-governed's.
/// </summary>
[Collection(ScaffoldCollection.Name)]
public sealed class PortalScaffoldTests(ScaffoldFixture scaffold)
{
    private const string ProjectName = "Acme.Portal";

    [Fact]
    public async Task Portal_scaffold_builds_passes_its_tests_and_serves_no_tools_and_code_modes_two()
    {
        var directory = Path.Combine(scaffold.WorkRoot, "portal", ProjectName);
        await scaffold.InstantiateAsync("mcp-portal", directory, ProjectName, TemplateOptions.Defaults);

        Assert.True(File.Exists(Path.Combine(directory, "Acme.Portal.csproj")));
        Assert.True(File.Exists(Path.Combine(directory, "tests", "Acme.Portal.Tests", "Acme.Portal.Tests.csproj")));
        var program = await File.ReadAllTextAsync(Path.Combine(directory, "Program.cs"));
        Assert.Contains("builder.AddMcpPortal();", program);
        Assert.Contains("app.MapMcpPortal();", program);
        Assert.Contains(
            $"<PackageVersion Include=\"McpPlatform.Portal\" Version=\"{ScaffoldFixture.PlatformVersion}\" />",
            await File.ReadAllTextAsync(Path.Combine(directory, "Directory.Packages.props")));

        var build = await scaffold.DotnetAsync(directory, "build", "-warnaserror", "--nologo");
        Assert.Matches(@"\b0 Warning\(s\)", build.Output);
        var test = await scaffold.DotnetAsync(directory, "test", Path.Combine("tests", "Acme.Portal.Tests"), "--nologo");
        Assert.Matches(@"Passed!\s+-\s+Failed:\s+0, Passed:\s+[1-9]\d*", test.Output);

        using var portal = await ScaffoldServer.StartAsync(directory, scaffold.Environment);
        try
        {
            var anonymous = await portal.CallAsync(null, "tools/list", new { });
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);

            var token = portal.Token(["mcp:read"], []);
            var initialize = await portal.CallAsync(token, "initialize", new
            {
                protocolVersion = "2025-06-18",
                capabilities = new { },
                clientInfo = new { name = "portal-scaffold-test", version = "1.0" },
            });
            Assert.Equal(HttpStatusCode.OK, initialize.Status);
            Assert.Equal("Acme.Portal", initialize.Message!.Value.GetProperty("result").GetProperty("serverInfo").GetProperty("name").GetString());

            Assert.Empty(ToolNames(await portal.CallAsync(token, "tools/list", new { })));
            Assert.Equal(["execute", "search"], ToolNames(await portal.CallAsync(token, "tools/list", new { }, query: "?codemode=search_and_execute")));

            using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
            using var ready = await http.GetAsync(new Uri(portal.BaseUrl, "/healthz/ready"));
            Assert.True(ready.IsSuccessStatusCode, $"The portal with no upstream is not ready: {await ready.Content.ReadAsStringAsync()}");
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nPortal output:\n{portal.OutputTail()}");
        }
    }

    [Fact]
    public async Task Portal_scaffold_offers_a_stdio_upstreams_tools_once_its_proposal_is_approved()
    {
        var directory = Path.Combine(scaffold.WorkRoot, "portal-upstream", ProjectName);
        await scaffold.InstantiateAsync("mcp-portal", directory, ProjectName, TemplateOptions.Defaults);
        await scaffold.DotnetAsync(directory, "build", ProjectName + ".csproj", "--nologo");

        // README.md's "Add an upstream": the published memory server over stdio, from a pinned command line (here the
        // repository's installed copy, since the tests have no network), set the way an operator's environment would.
        var environment = new Dictionary<string, string?>(scaffold.Environment)
        {
            ["McpPlatform__Portal__Upstreams__memory__Command"] = RepositoryLayout.NodeExecutable(),
            ["McpPlatform__Portal__Upstreams__memory__Arguments__0"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "server-memory", "dist", "index.js"),
            ["McpPlatform__Portal__Upstreams__memory__Environment__MEMORY_FILE_PATH"] = Path.Combine(directory, "memory.json"),
            ["McpPlatform__Portal__Upstreams__memory__AllowedTools__0"] = "*",
        };
        var proposal = Path.Combine(directory, "mcp-manifest.json");

        // Not approved yet: nothing is offered, and the portal writes the proposal a reviewer approves.
        using (var unapproved = await ScaffoldServer.StartAsync(directory, environment))
        {
            var token = unapproved.Token(["mcp:read"], []);
            Assert.Empty(ToolNames(await unapproved.CallAsync(token, "tools/list", new { })));
            await WaitUntilAsync(() => File.Exists(proposal), TimeSpan.FromSeconds(60), $"the portal wrote no {proposal}\n{unapproved.OutputTail()}");
        }

        var manifest = McpPlatform.Governance.Manifest.ManifestDocument.Load(proposal);
        McpPlatform.Governance.Manifest.ApprovedManifest.Create(manifest, "reviewer@example.com", DateTimeOffset.UnixEpoch)
            .Write(Path.Combine(directory, "mcp-manifest.approved.json"));

        using var portal = await ScaffoldServer.StartAsync(directory, environment);
        try
        {
            var reader = portal.Token(["mcp:read"], []);
            // Read tools by default; the memory server's write and destructive tools stay denied without a granting rule.
            Assert.Equal(["memory_open_nodes", "memory_read_graph", "memory_search_nodes"], ToolNames(await portal.CallAsync(reader, "tools/list", new { })));
            Assert.Equal(["execute", "search"], ToolNames(await portal.CallAsync(reader, "tools/list", new { }, query: "?codemode=search_and_execute")));

            var call = await portal.CallAsync(reader, "tools/call", new { name = "memory_read_graph", arguments = new { } });
            var result = call.Message!.Value.GetProperty("result");
            Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.ToString());
            Assert.Equal(JsonValueKind.Array, result.GetProperty("structuredContent").GetProperty("entities").ValueKind);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nPortal output:\n{portal.OutputTail()}");
        }
    }

    [Fact]
    public async Task Portal_scaffold_fronts_two_governed_scaffolds_for_the_typescript_client()
    {
        // Two servers from mcp-governed (the fixture's Acme.Jira, and Acme.Wiki) behind one mcp-portal, all three built
        // from the packed templates and run as processes on loopback; each builds only its project (not its tests).
        var wikiDirectory = Path.Combine(scaffold.WorkRoot, "wiki", "Acme.Wiki");
        var directory = Path.Combine(scaffold.WorkRoot, "portal-two-servers", ProjectName);
        await scaffold.InstantiateAsync(wikiDirectory, "Acme.Wiki", TemplateOptions.Defaults);
        await scaffold.InstantiateAsync("mcp-portal", directory, ProjectName, TemplateOptions.Defaults);
        await scaffold.DotnetAsync(scaffold.ProjectDirectory, "build", ScaffoldFixture.ProjectName + ".csproj", "--nologo");
        await scaffold.DotnetAsync(wikiDirectory, "build", "Acme.Wiki.csproj", "--nologo");
        await scaffold.DotnetAsync(directory, "build", ProjectName + ".csproj", "--nologo");

        using var jira = await ScaffoldServer.StartAsync(scaffold.ProjectDirectory, scaffold.Environment);
        using var wiki = await ScaffoldServer.StartAsync(wikiDirectory, scaffold.Environment);

        // docs/portal-upstreams.md: a Streamable HTTP upstream with a Bearer credential named by a secret, here supplied
        // by the MCP_SECRET_<NAME> override. The portal's token for each upstream is minted by that upstream's issuer
        // for that upstream's resource, and may write (group issue-editors), so the upstreams do list create_issue:
        // what keeps it from a reader is the portal's own policy, not the upstream.
        var environment = new Dictionary<string, string?>(scaffold.Environment);
        foreach (var (ns, server) in new[] { ("jira", jira), ("wiki", wiki) })
        {
            var upstream = $"McpPlatform__Portal__Upstreams__{ns}__";
            environment[upstream + "Url"] = server.Resource;
            environment[upstream + "AllowedTools__0"] = "*";
            environment[upstream + "Credentials__Kind"] = "Bearer";
            environment[upstream + "Credentials__Secret"] = ns + "-token";
            environment[$"MCP_SECRET_{ns.ToUpperInvariant()}_TOKEN"] = server.Token(["mcp:read", "mcp:write"], ["issue-editors"]);
        }

        string[] readTools = ["jira_get_issue", "jira_search_issues", "jira_snippet_issue_digest", "wiki_get_issue", "wiki_search_issues", "wiki_snippet_issue_digest"];
        var proposal = Path.Combine(directory, "mcp-manifest.json");
        using (var unapproved = await ScaffoldServer.StartAsync(directory, environment))
        {
            // Proposed once both upstreams answered: every tool of both, the write tools included.
            await WaitUntilAsync(
                () => File.Exists(proposal) && McpPlatform.Governance.Manifest.ManifestDocument.Load(proposal).Tools.Count(t => t.Name.EndsWith("_issue", StringComparison.Ordinal)) == 4,
                TimeSpan.FromSeconds(60),
                $"the portal proposed no manifest with both upstreams' tools in {proposal}\n{unapproved.OutputTail()}");
        }

        var manifest = McpPlatform.Governance.Manifest.ManifestDocument.Load(proposal);
        Assert.Equal(
            ["jira_create_issue", "jira_get_issue", "jira_search_issues", "jira_snippet_issue_digest", "wiki_create_issue", "wiki_get_issue", "wiki_search_issues", "wiki_snippet_issue_digest"],
            manifest.Tools.Select(t => t.Name).Order());
        McpPlatform.Governance.Manifest.ApprovedManifest.Create(manifest, "reviewer@example.com", DateTimeOffset.UnixEpoch)
            .Write(Path.Combine(directory, "mcp-manifest.approved.json"));

        using var portal = await ScaffoldServer.StartAsync(directory, environment);
        try
        {
            var reader = portal.Token(["mcp:read"], []);
            // The upstreams connect in the background after start-up: wait until both namespaces are on offer.
            await WaitUntilAsync(
                async () => readTools.All(ToolNames(await portal.CallAsync(reader, "tools/list", new { })).Contains),
                TimeSpan.FromSeconds(60),
                $"the approved portal did not offer {string.Join(", ", readTools)}\n{portal.OutputTail()}");

            var client = await TypeScriptClientAsync(
                portal.Resource + "?codemode=tools",
                reader,
                new { op = "list" },
                new { op = "call", name = "jira_search_issues", arguments = new { text = "login" } },
                new { op = "call", name = "wiki_get_issue", arguments = new { key = "DEMO-2" } },
                new { op = "call", name = "jira_create_issue", arguments = new { title = "Filed through the portal" } },
                new { op = "call", name = "jira_search_issues", arguments = new { text = "Filed through the portal" } });
            var steps = client.GetProperty("steps");

            // Read tools of both namespaces; the write tools the upstreams list stay denied without a granting rule.
            Assert.Equal(readTools, steps[0].GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order());

            var search = Result(steps[1]);
            Assert.Equal(1, search.GetProperty("structuredContent").GetProperty("total").GetInt32());
            Assert.Equal("High", search.GetProperty("structuredContent").GetProperty("issues")[0].GetProperty("priority").GetString());
            var issue = Result(steps[2]);
            Assert.Equal("DEMO-2", issue.GetProperty("structuredContent").GetProperty("key").GetString());
            Assert.Equal("Export to CSV drops the last row", issue.GetProperty("structuredContent").GetProperty("title").GetString());

            // Refused by the portal's policy before it reaches the upstream, which still has no such issue.
            var write = steps[3].GetProperty("result");
            Assert.True(write.GetProperty("isError").GetBoolean(), write.ToString());
            Assert.Contains("default-deny-writes", write.GetProperty("content")[0].GetProperty("text").GetString());
            Assert.Contains("jira_create_issue", write.GetProperty("content")[0].GetProperty("text").GetString());
            Assert.Equal(0, Result(steps[4]).GetProperty("structuredContent").GetProperty("total").GetInt32());

            var codeMode = await TypeScriptClientAsync(portal.Resource + "?codemode=search_and_execute", reader, new { op = "list" });
            Assert.Equal(["execute", "search"], codeMode.GetProperty("steps")[0].GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order());
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}\nPortal output:\n{portal.OutputTail()}");
        }
    }

    [Fact]
    public async Task Portal_option_sets_give_consistent_settings_pipelines_and_deployment_files()
    {
        // Each identity provider once, crossed with every secret store, Code Mode, CI system and deploy target.
        var optionSets = TemplateOptions.IdentityProviders.Select((identity, i) => new TemplateOptions(
            identity,
            TemplateOptions.SecretStores[i % TemplateOptions.SecretStores.Length],
            TemplateOptions.CodeModes[i / 3 % TemplateOptions.CodeModes.Length],
            TemplateOptions.CiSystems[i % TemplateOptions.CiSystems.Length],
            TemplateOptions.DeployTargets[(i + 1) % TemplateOptions.DeployTargets.Length])).ToList();

        foreach (var options in optionSets)
        {
            var directory = Path.Combine(scaffold.WorkRoot, "portal-options", options.Slug);
            await scaffold.InstantiateAsync("mcp-portal", directory, "Contoso.Portal", options);
            GeneratedScaffold.AssertConsistent(directory, "Contoso.Portal", "contoso-portal", options, ScaffoldFixture.PlatformVersion, template: "mcp-portal");
            Assert.Equal(
                options.CodeMode,
                (await File.ReadAllTextAsync(Path.Combine(directory, "tests", "Contoso.Portal.Tests", "PortalEndpointTests.cs"))).Contains("Code_mode_is_the_default_surface", StringComparison.Ordinal));
        }
    }

    private static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string failure) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string failure)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Runs the official TypeScript SDK client (portal-client.mjs, shared with the portal's end-to-end tests) against
    /// <paramref name="url"/> with the steps given, in one session, and returns its report.
    /// </summary>
    private static async Task<JsonElement> TypeScriptClientAsync(string url, string token, params object[] steps)
    {
        var run = await ChildProcess.RunAsync(
            RepositoryLayout.NodeExecutable(),
            [Path.Combine(AppContext.BaseDirectory, "node", "portal-client.mjs"), url, JsonSerializer.Serialize(steps)],
            AppContext.BaseDirectory,
            new Dictionary<string, string?>
            {
                ["MCP_SDK_DIR"] = Path.Combine(RepositoryLayout.NodeModules, "@modelcontextprotocol", "sdk"),
                ["MCP_TOKEN"] = token,
            },
            TimeSpan.FromMinutes(1));
        run.EnsureSuccess();
        return JsonDocument.Parse(run.Output.Trim().Split('\n')[^1]).RootElement.Clone();
    }

    /// <summary>A client call step's result, which must not be an error.</summary>
    private static JsonElement Result(JsonElement step)
    {
        Assert.True(step.TryGetProperty("result", out var result), step.ToString());
        Assert.False(result.TryGetProperty("isError", out var isError) && isError.GetBoolean(), result.ToString());
        return result;
    }

    private static string[] ToolNames((HttpStatusCode Status, JsonElement? Message, string WwwAuthenticate) answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Message!.Value.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).Order().ToArray();
    }
}
