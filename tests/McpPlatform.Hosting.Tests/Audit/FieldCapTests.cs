using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>
/// No field of an audit record can be made long by a client: over <c>McpPlatform:Audit:MaxFieldChars</c>
/// a value is kept as a prefix, its length and its SHA-256; arguments a tool does not take are recorded
/// by name only, for allowed and denied calls alike.
/// </summary>
public sealed class FieldCapTests : AuditedIssuerTests
{
    private const string AuditCutMarker = "…[cut: ";

    [Fact]
    public async Task A_request_id_method_and_argument_value_over_the_cap_are_recorded_as_prefix_length_and_sha256()
    {
        var longId = "id-" + new string('7', 600_000);
        var longMethod = "tools/" + new string('m', 20_000);
        var longText = "text-" + new string('t', 50_000);
        await using (var server = await StartAsync(new() { ["McpPlatform:Audit:MaxFieldChars"] = "300" }))
        {
            using var session = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader));
            using var longIdCall = await session.PostRawAsync(
                """{"jsonrpc":"2.0","id":""" + JsonSerializer.Serialize(longId) + ""","method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}""");
            using var longMethodCall = await session.PostRawAsync($$"""{"jsonrpc":"2.0","id":2,"method":"{{longMethod}}"}""");
            var longArgument = await session.CallToolAsync(3, "echo", JsonSerializer.Serialize(new { text = longText }));

            Assert.True(longIdCall.IsSuccessStatusCode, $"{(int)longIdCall.StatusCode}");
            Assert.True(longMethodCall.IsSuccessStatusCode, $"{(int)longMethodCall.StatusCode}");
            Assert.NotEqual(true, (bool?)longArgument["result"]!["isError"]);
        }

        var trail = Audit.Read();

        var idRecord = Assert.Single(trail.Requests, r => r.RequestId?.StartsWith("id-777", StringComparison.Ordinal) == true);
        AssertCut(longId, idRecord.RequestId, maxChars: 300);
        Assert.Equal(("tools/call", "echo", "ok"), (idRecord.Method, idRecord.Tool, idRecord.Outcome));

        var methodRecord = trail.Request(2);
        AssertCut(longMethod, methodRecord.Method, maxChars: 300);

        var argumentRecord = trail.Request(3);
        var arguments = JsonDocument.Parse(argumentRecord.String(AuditFields.Arguments)!).RootElement;
        AssertCut(longText, arguments.GetProperty("text").GetString(), maxChars: 300);

        Assert.All(trail.Lines, line => Assert.True(line.Text.Length < 4_000, $"A record of {line.Text.Length} characters: {line.Text[..200]}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    public async Task A_cut_never_splits_a_surrogate_pair(string lead)
    {
        var emoji = lead + string.Concat(Enumerable.Repeat("😀", 1_000));
        await using (var server = await StartAsync(new() { ["McpPlatform:Audit:MaxFieldChars"] = "300" }))
        {
            using var session = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader));
            await session.CallToolAsync(2, "echo", JsonSerializer.Serialize(new { text = emoji }));
        }

        var arguments = JsonDocument.Parse(Audit.Read().Request(2).String(AuditFields.Arguments)!).RootElement;
        var recorded = arguments.GetProperty("text").GetString()!;
        var prefix = recorded[..recorded.IndexOf(AuditCutMarker, StringComparison.Ordinal)];
        Assert.True(recorded.Length <= 300, recorded);
        Assert.StartsWith(prefix, emoji, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(prefix[^1]), "The prefix ends in half a surrogate pair.");
        Assert.EndsWith($"[cut: {emoji.Length} chars, sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(emoji)))}]", recorded, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subject_and_client_id_from_a_token_are_cut_to_the_default_cap()
    {
        var caller = new TestCaller("subject-" + new string('s', 5_000), [], [TestCaller.ReadScope]) { ClientId = "client-" + new string('c', 5_000) };
        await using (var server = await StartAsync())
        {
            using var session = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(caller));
            await session.CallToolAsync(2, "echo", """{"text":"hi"}""");
        }

        var record = Audit.Read().Request(2);
        AssertCut(caller.Subject, record.String(AuditFields.Subject), maxChars: AuditOptions.DefaultMaxFieldChars);
        AssertCut(caller.ClientId, record.String(AuditFields.ClientId), maxChars: AuditOptions.DefaultMaxFieldChars);
    }

    [Fact]
    public async Task Arguments_the_tool_does_not_take_are_recorded_by_name_only_for_allowed_and_denied_calls()
    {
        const string Secret = "do-not-write-me-anywhere";
        await using (var server = await StartAsync())
        {
            using var reader = await RawMcpSession.OpenAsync(server.McpUri, server.MintToken(GovernedPolicy.Reader));
            await reader.CallToolAsync(2, "echo", $$$"""{"text":"hello","query":"{{{Secret}}}","nested":{"deep":"{{{Secret}}}"}}""");
            var denied = await reader.CallToolAsync(3, "open_ticket", $$"""{"ticket":{"title":"Denied","priority":"Low"},"extra":"{{Secret}}"}""");
            Assert.True((bool?)denied["result"]!["isError"]);
        }

        var trail = Audit.Read();

        var allowed = trail.Request(2);
        Assert.Equal("allowed", allowed.String(AuditFields.Decision));
        Assert.Equal(
            """{"text":"hello","query":"[not accepted by the tool: value not recorded]","nested":"[not accepted by the tool: value not recorded]"}""",
            allowed.String(AuditFields.Arguments));

        var deniedRecord = trail.Request(3);
        Assert.Equal("denied", deniedRecord.String(AuditFields.Decision));
        Assert.Equal(
            """{"ticket":{"title":"Denied","priority":"Low"},"extra":"[not accepted by the tool: value not recorded]"}""",
            deniedRecord.String(AuditFields.Arguments));
        Assert.DoesNotContain(Secret, trail.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("McpPlatform:Audit:MaxFieldChars", "100")]
    [InlineData("McpPlatform:Audit:MaxFieldChars", "2000000")]
    [InlineData("McpPlatform:Audit:MaxArgumentsChars", "1000")]
    public async Task A_cap_out_of_range_fails_start_up_naming_the_setting(string setting, string value)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [setting] = value }));

        Assert.Contains(setting + " must be between", error.Message);
    }

    /// <summary>As many first characters as fit in <paramref name="maxChars"/> with the marker: the whole value's length and SHA-256.</summary>
    private static void AssertCut(string original, string? recorded, int maxChars)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(original)));
        var marker = $"…[cut: {original.Length} chars, sha256:{hash}]";
        Assert.Equal(original[..(maxChars - marker.Length)] + marker, recorded);
        Assert.Equal(maxChars, recorded!.Length);
    }

    private Task<RunningServer> StartAsync(Dictionary<string, string?>? settings = null) => StartProductionAsync(settings);
}
