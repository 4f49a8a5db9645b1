using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests.OpenApi;

/// <summary>
/// Code Mode scripts call OpenAPI operations as <c>codemode.&lt;tool&gt;</c> through the same gate, host-side: the script
/// gets the answer, never the credential, and a write stays denied inside a script as outside it.
/// </summary>
public sealed class OpenApiCodeModeTests
{
    [Fact]
    public async Task A_script_calls_an_operation_and_cannot_read_the_credential()
    {
        await using var api = await LoopbackApi.StartAsync();
        await using var server = await OpenApiServer.StartAsync(api, grantEverything: false);
        await using var client = await server.ConnectCodeModeAsync(caller: new TestCaller("rita-reader", [], [TestCaller.ReadScope]));

        var result = await client.ExecuteAsync("""
            const item = await codemode.inv_get_item({ itemId: "from script" });
            const who = await codemode.inv_whoami({ "X-API-Key": "guess" });
            let write;
            try { await codemode.inv_create_item({ body: { name: "sneaky" } }); write = "allowed"; } catch (e) { write = String(e.message ?? e); }
            return { target: item.rawTarget, who: JSON.stringify(who), write };
            """);

        var value = result.Result();
        Assert.Equal("/api/items/from%20script", value.GetProperty("target").GetString());
        Assert.Contains("[credential]", value.GetProperty("who").GetString());
        Assert.DoesNotContain(OpenApiServer.Secret, CodeModeClients.Text(result));
        Assert.Contains("Bearer " + OpenApiServer.Secret, Assert.Single(api.CredentialsSeen));
        Assert.NotEqual("allowed", value.GetProperty("write").GetString());
        Assert.DoesNotContain(api.Requests, r => r.StartsWith("POST", StringComparison.Ordinal));
    }
}
