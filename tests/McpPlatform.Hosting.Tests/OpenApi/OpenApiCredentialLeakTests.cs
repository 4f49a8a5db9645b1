using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// The API's credential reaches the API and nothing else: not the caller's results or errors (even when the API echoes
/// it), not the application log, not the audit records, which do name the API the call went to.
/// </summary>
public sealed class OpenApiCredentialLeakTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-openapi-leak-").FullName;

    [Fact]
    public async Task The_credential_reaches_the_api_but_never_results_errors_logs_or_audit_records()
    {
        var logFile = Path.Combine(_folder, "server.log");
        var auditFolder = Path.Combine(_folder, "audit");
        var texts = new List<string>();
        await using var api = await LoopbackApi.StartAsync();
        await using (var server = await OpenApiServer.StartAsync(
                         api,
                         new Dictionary<string, string?>
                         {
                             ["Serilog:MinimumLevel:Default"] = "Verbose",
                             ["Serilog:WriteTo:0:Name"] = "File",
                             ["Serilog:WriteTo:0:Args:path"] = logFile,
                         },
                         auditDirectory: auditFolder))
        {
            await using var client = await server.ConnectClientAsync();
            var echoed = await client.CallAsync("inv_whoami");
            api.WhoamiStatus = 401;
            var rejected = await client.CallAsync("inv_whoami", """{"X-API-Key":"caller-key"}""");

            Assert.NotEqual(true, echoed.IsError);
            Assert.Contains("Bearer [credential]", echoed.SingleText());
            Assert.True(rejected.IsError);
            Assert.Contains("HTTP 401 Unauthorized", rejected.SingleText());
            texts.AddRange([echoed.SingleText(), rejected.SingleText(), echoed.StructuredContent?.GetRawText() ?? ""]);
        }

        Assert.All(api.CredentialsSeen, seen => Assert.Contains("Bearer " + OpenApiServer.Secret, seen));
        Assert.Equal(2, api.CredentialsSeen.Count);
        texts.Add(await File.ReadAllTextAsync(logFile));
        texts.AddRange(Directory.EnumerateFiles(auditFolder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.All(texts, text => Assert.DoesNotContain(OpenApiServer.Secret, text));

        var calls = AuditTrail.Read(auditFolder).Requests.Where(r => r.Tool == "inv_whoami").ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, call => Assert.Equal("inv", call.Fields.GetProperty("Upstream").GetString()));
        Assert.Contains(calls, call => call.Fields.TryGetProperty("Error", out var error) && error.GetString() == "openapi: HTTP 401");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
