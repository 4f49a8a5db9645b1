using System.Net.Http.Headers;
using System.Text;
using McpPlatform.Governance.Audit;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Governance;

/// <summary>A tools/call sent by hand, so the test reads the HTTP status and WWW-Authenticate of the answer.</summary>
internal static class StepUpRequests
{
    /// <summary>Initializes (keeping a session id when the server gives one), then POSTs tools/call with id 7.</summary>
    public static async Task<HttpResponseMessage> CallToolAsync(Uri mcpUri, string token, string tool, string argumentsJson)
    {
        using var http = new HttpClient();
        using var initialize = Authentication.BearerChallenges.SendInitializeAsync(mcpUri, token);
        using var initialized = await initialize;
        Assert.True(initialized.IsSuccessStatusCode, $"initialize answered {(int)initialized.StatusCode}");
        var session = initialized.Headers.TryGetValues("Mcp-Session-Id", out var values) ? values.Single() : null;

        var request = new HttpRequestMessage(HttpMethod.Post, mcpUri)
        {
            Content = new StringContent(
                """{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":""" + "\"" + tool + "\",\"arguments\":" + argumentsJson + "}}",
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        if (session is not null)
        {
            request.Headers.Add("Mcp-Session-Id", session);
        }

        return await http.SendAsync(request);
    }

    /// <summary>The audit line that mentions <paramref name="subject"/>, after flushing the server's audit log.</summary>
    public static async Task<string> AuditLineAsync(RunningServer server, string subject)
    {
        await server.Services.GetRequiredService<AuditLog>().FlushAsync();
        return Assert.Single(
            Audit.AuditTrail.Read(server.AuditDirectory).Lines.Select(l => l.Text),
            text => text.Contains($"\"{subject}\"", StringComparison.Ordinal) && text.Contains("tools/call", StringComparison.Ordinal));
    }
}
