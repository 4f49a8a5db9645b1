using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Manifest;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using McpPlatform.Hosting.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.Manifest;

/// <summary>
/// Start-up pinning: a real server on 127.0.0.1 starts in Production only when the manifest compiled into it is
/// the one in mcp-manifest.approved.json; Development and the explicit opt-out warn and serve.
/// </summary>
public sealed class ManifestPinningTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-pinning-").FullName;
    private TestOidcIssuer? _issuer;

    private string ApprovedPath => Path.Combine(_folder, "mcp-manifest.approved.json");

    private string LogFile => Path.Combine(_folder, "server.log");

    public async Task InitializeAsync() => _issuer = await TestOidcIssuer.StartAsync();

    public async Task DisposeAsync()
    {
        await _issuer!.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Matching_approval_starts_in_production_and_serves_tools()
    {
        CompiledManifest.WriteApproved(ApprovedPath);

        await using (var server = await StartAsync(Environments.Production))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("pinned", (await client.CallAsync("echo", """{"text":"pinned"}""")).SingleText());
        }

        Assert.Contains($"Tool surface matches the approved manifest {CompiledManifest.Document.Hash} (approved by reviewer@example.com", await ReadLogAsync());
    }

    [Fact]
    public async Task Changed_tool_surface_is_refused_in_production_naming_the_differences()
    {
        CompiledManifest.WriteApprovedEarlierVersion(ApprovedPath, manifest =>
        {
            manifest["tools"]!.AsArray().Remove(CompiledManifest.Tool(manifest, "echo"));
            CompiledManifest.Tool(manifest, "add_numbers")["description"] = "Adds two numbers (old wording).";
            manifest["server"]!["version"] = "0.9.0";

            // A tool that was approved once and has since been deleted (names sort last, as the format requires).
            var retired = CompiledManifest.Tool(manifest, "add_numbers").DeepClone().AsObject();
            retired["name"] = "zz_retired";
            retired["codeMode"]!["name"] = "zz_retired";
            manifest["tools"]!.AsArray().Add(retired);
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains("McpPlatform:Manifest: this server's tool surface is not approved, so it does not start in the 'Production' environment", error.Message);
        Assert.Contains($"The compiled manifest ({CompiledManifest.Document.Hash}) differs from the approved one", error.Message);
        Assert.Contains("approved by reviewer@example.com at 2026-11-25T18:00:00Z", error.Message);
        Assert.Contains("[medium] tool 'echo': new read tool", error.Message);
        Assert.Contains("[high] tool 'add_numbers': description changed (the model reads it; check for tool poisoning): \"Adds two numbers (old wording).\" → \"Adds two integers.\"", error.Message);
        Assert.Contains("[info] server: server version \"0.9.0\" → \"", error.Message);
        Assert.Contains("[low] tool 'zz_retired': read tool removed", error.Message);
        Assert.DoesNotContain("tool 'triage_ticket'", error.Message);
        Assert.Contains("mcp-platform manifest approve", error.Message);
    }

    [Fact]
    public async Task Changed_access_class_and_schema_are_named_with_their_risk()
    {
        CompiledManifest.WriteApprovedEarlierVersion(ApprovedPath, manifest =>
        {
            var echo = CompiledManifest.Tool(manifest, "echo");
            echo["access"] = "write";
            echo["inputSchema"]!["properties"]!["text"]!["type"] = "number";
            echo["inputSchemaHash"] = CanonicalJson.Sha256(JsonSerializer.SerializeToElement(echo["inputSchema"]));
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains("[medium] tool 'echo': input schema changed: \"text\" type number → string", error.Message);
        Assert.Contains("[low] tool 'echo': access write → read", error.Message);
    }

    [Fact]
    public async Task Resources_and_prompts_gone_since_approval_are_named_as_such()
    {
        CompiledManifest.WriteApprovedEarlierVersion(ApprovedPath, manifest =>
        {
            manifest["resources"] = new JsonArray(new JsonObject
            {
                ["name"] = "handbook",
                ["uri"] = "docs://handbook",
                ["description"] = "The handbook.",
                ["access"] = "read",
                ["grantedBy"] = new JsonArray("default-read"),
            });
            manifest["prompts"] = new JsonArray(new JsonObject
            {
                ["name"] = "review_change",
                ["description"] = "Asks for a review.",
                ["arguments"] = new JsonArray(new JsonObject { ["name"] = "change", ["required"] = true }),
                ["access"] = "read",
                ["grantedBy"] = new JsonArray("default-read"),
            });
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains("[low] resource 'handbook': resource uri \"docs://handbook\" removed", error.Message);
        Assert.Contains("[low] prompt 'review_change': prompt removed", error.Message);
        Assert.DoesNotContain("tool 'handbook'", error.Message);
    }

    [Fact]
    public async Task Missing_approval_is_refused_in_production()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains($"No approved manifest: '{ApprovedPath}' does not exist (McpPlatform:Manifest:ApprovedPath)", error.Message);
        Assert.Contains("mcp-platform manifest approve", error.Message);
    }

    [Fact]
    public async Task Manifest_edited_after_approval_is_refused_as_tampered()
    {
        CompiledManifest.WriteApproved(ApprovedPath);
        await EditApprovedFileAsync("Returns the text it was given.", "Returns whatever text.");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains($"The approved manifest '{ApprovedPath}' was modified after approval and is rejected", error.Message);
    }

    [Fact]
    public async Task An_approval_of_the_earlier_hash_form_is_refused_naming_the_form_and_how_to_approve_again()
    {
        // Written before RFC 8785 by the code of that time (tests/Shared/EarlierForms/README.md).
        File.Copy(Path.Combine(RepositoryLayout.Root, "tests", "Shared", "EarlierForms", "earlier-form.approved.json"), ApprovedPath);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains($"The approved manifest '{ApprovedPath}' is of the earlier canonical form and must be approved again", error.Message);
        Assert.Contains("is a hash of the earlier canonical form (before RFC 8785 (JCS), numbers hashed as written)", error.Message);
        Assert.Contains("mcp-platform manifest approve --reviewer you@example.com", error.Message);
        Assert.DoesNotContain("modified after approval", error.Message);
    }

    [Fact]
    public async Task Approval_hash_edited_to_another_manifest_is_refused_as_tampered()
    {
        CompiledManifest.WriteApproved(ApprovedPath);
        await EditApprovedFileAsync(CompiledManifest.Document.Hash, "sha256:" + new string('0', 64));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Production));

        Assert.Contains($"The approved manifest '{ApprovedPath}' was modified after approval and is rejected", error.Message);
    }

    [Fact]
    public async Task Development_warns_about_a_missing_approval_and_serves()
    {
        await using (var server = await StartAsync(Environments.Development))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("dev", (await client.CallAsync("echo", """{"text":"dev"}""")).SingleText());
        }

        var log = await ReadLogAsync();
        Assert.Contains("WRN McpPlatform.Governance.Manifest.ManifestPinning The tool surface is not approved; starting anyway", log);
        Assert.Contains($"No approved manifest: '{ApprovedPath}' does not exist", log);
        Assert.Contains("mcp-platform manifest approve", log);
    }

    [Fact]
    public async Task Development_warns_about_a_changed_tool_surface_naming_the_tool()
    {
        CompiledManifest.WriteApprovedEarlierVersion(ApprovedPath, manifest => manifest["tools"]!.AsArray().Remove(CompiledManifest.Tool(manifest, "echo")));

        await using (var server = await StartAsync(Environments.Development))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("dev", (await client.CallAsync("echo", """{"text":"dev"}""")).SingleText());
        }

        Assert.Contains("[medium] tool 'echo': new read tool", await ReadLogAsync());
    }

    [Fact]
    public async Task Opting_out_in_production_serves_with_warnings()
    {
        CompiledManifest.WriteApprovedEarlierVersion(ApprovedPath, manifest => manifest["tools"]!.AsArray().Remove(CompiledManifest.Tool(manifest, "echo")));

        await using (var server = await StartAsync(Environments.Production, requireApproval: "false"))
        {
            await using var client = await server.ConnectClientAsync();
            Assert.Equal("unpinned", (await client.CallAsync("echo", """{"text":"unpinned"}""")).SingleText());
        }

        var log = await ReadLogAsync();
        Assert.Contains("WRN McpPlatform.Governance.Manifest.ManifestPinning McpPlatform:Manifest:RequireApproval=false: the 'Production' server starts", log);
        Assert.Contains("[medium] tool 'echo': new read tool", log);
    }

    [Fact]
    public async Task Requiring_approval_in_development_refuses_like_production()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Environments.Development, requireApproval: "true"));

        Assert.Contains("does not start in the 'Development' environment", error.Message);
    }

    [Fact]
    public async Task Catalog_without_a_manifest_hash_is_refused_in_production()
    {
        // A catalog assembled by hand from the generated tools: same tools, no compiled manifest hash.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production, ContentRootPath = _folder });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["McpPlatform:Authentication:Authority"] = _issuer!.Issuer,
            ["McpPlatform:Authentication:RequireHttpsMetadata"] = "false",
            ["McpPlatform:Authentication:Resource"] = "http://127.0.0.1/mcp",
            ["McpPlatform:Secrets:AllowLocalStoreOutsideDevelopment"] = "true",
            ["McpPlatform:Secrets:LocalStoreDirectory"] = Path.Combine(_folder, "secrets"),
            ["McpPlatform:Audit:Directory"] = Path.Combine(_folder, "audit"),
        });
        builder.Services.AddSingleton<Samples.ToolInvocations>();
        builder.AddMcpPlatform(new McpToolCatalog(McpPlatform.Generated.GeneratedMcpToolCatalog.Instance.Tools));
        await using var app = builder.Build();
        app.MapMcpPlatform();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains("The tool catalog carries no compiled manifest hash", error.Message);
    }

    [Fact]
    public async Task Audit_records_carry_the_compiled_manifest_hash()
    {
        CompiledManifest.WriteApproved(ApprovedPath);
        using var audit = new AuditFolder();

        await using (var server = await StartAsync(Environments.Production, auditDirectory: audit.Path))
        {
            Assert.Equal(CompiledManifest.Document.Hash, server.Services.GetRequiredService<McpToolCatalog>().ManifestHash);
            await using var client = await server.ConnectClientAsync();
            await client.CallAsync("echo", """{"text":"audited"}""");
        }

        var records = audit.Read().Lines;
        Assert.NotEmpty(records);
        Assert.All(records, line => Assert.Equal(CompiledManifest.Document.Hash, line.String(AuditFields.ManifestHash)));
    }

    /// <summary>
    /// Starts the sample server with <see cref="_folder"/> as its content root, holding the build-time appsettings.json the
    /// generator pinned (so the effective governance is the approved one unless an override says otherwise), plus
    /// <paramref name="environmentFile"/> as appsettings.{Environment}.json and <paramref name="args"/> as the command line.
    /// </summary>
    private Task<RunningServer> StartAsync(
        string environment, string? requireApproval = null, string? auditDirectory = null, string? environmentFile = null, string[]? args = null)
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Manifest", "appsettings.json"), Path.Combine(_folder, "appsettings.json"), overwrite: true);
        var environmentPath = Path.Combine(_folder, $"appsettings.{environment}.json");
        if (environmentFile is not null)
        {
            File.WriteAllText(environmentPath, environmentFile);
        }
        else
        {
            File.Delete(environmentPath);
        }

        return RunningServer.StartAsync(new ServerSetup
        {
            Environment = environment,
            Issuer = environment == Environments.Production ? _issuer : null,
            AuditDirectory = auditDirectory,
            ContentRootPath = _folder,
            Args = args ?? [],

            // The policy is the pinned one from appsettings.json, not the test rule granting everything.
            GrantTestCallerEverything = false,
            Settings = new Dictionary<string, string?>
            {
                // null: the environment's default (RunningServer opts every other test out).
                ["McpPlatform:Manifest:RequireApproval"] = requireApproval,
                ["McpPlatform:Manifest:ApprovedPath"] = ApprovedPath,
                ["Serilog:WriteTo:0:Name"] = "File",
                ["Serilog:WriteTo:0:Args:path"] = LogFile,
                ["Serilog:WriteTo:0:Args:outputTemplate"] = "{Level:u3} {SourceContext} {Message:lj}{NewLine}{Exception}",
            },
        });
    }

    private async Task<string> ReadLogAsync() => File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : "";

    /// <summary>Replaces the first occurrence of <paramref name="original"/> in the approved file, as a hand edit would.</summary>
    private async Task EditApprovedFileAsync(string original, string replacement)
    {
        var text = await File.ReadAllTextAsync(ApprovedPath);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{original}' is not in the approved file:{Environment.NewLine}{text}");
        await File.WriteAllTextAsync(ApprovedPath, text[..at] + replacement + text[(at + original.Length)..]);
    }
}
