using System.Security.Cryptography;
using System.Text;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>The audit record of an execute call holds the script (cut past the configured length) and the SHA-256 of all of it.</summary>
public sealed class CodeModeScriptAuditTests : AuditedIssuerTests
{
    [Fact]
    public async Task The_execute_record_holds_the_script_and_its_hash_and_a_long_script_is_cut()
    {
        const string shortCode = "return (await codemode.get_ticket({ key: 'T-5' })).title;";
        var longCode = "// " + new string('x', 300) + "\nreturn 1;";
        await using (var server = await RunningServer.StartAsync(new ServerSetup
        {
            Environment = Environments.Production,
            Issuer = Issuer,
            GrantTestCallerEverything = false,
            AuditDirectory = Audit.Path,
            Settings = new Dictionary<string, string?>(GovernedPolicy.Settings) { ["McpPlatform:CodeMode:MaxAuditedCodeLength"] = "100" },
        }))
        {
            using var session = await RawMcpSession.OpenAsync(server.CodeModeUri(), server.MintToken(GovernedPolicy.SupportWriter), initializeId: 1);
            await session.CallToolAsync(7, "execute", System.Text.Json.JsonSerializer.Serialize(new { code = shortCode }));
            await session.CallToolAsync(8, "execute", System.Text.Json.JsonSerializer.Serialize(new { code = longCode }));
        }

        var trail = Audit.Read();
        var small = trail.Request(7);
        var large = trail.Request(8);
        Assert.Equal(shortCode, small.String(AuditFields.Code));
        Assert.Equal(Sha256(shortCode), small.String(AuditFields.CodeSha256));
        Assert.True(large.String(AuditFields.Code)!.Length <= 100);
        Assert.StartsWith(longCode[..5], large.String(AuditFields.Code));
        Assert.Contains($"[cut: {longCode.Length} chars, sha256:{Sha256(longCode)}]", large.String(AuditFields.Code));
        Assert.Equal(Sha256(longCode), large.String(AuditFields.CodeSha256));
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
