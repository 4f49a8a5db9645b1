using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// Tools whose results are numbers or booleans: their text ("5", "false") reaches a script as the
/// number or boolean the TypeScript declaration promises, while direct calls still get the text.
/// </summary>
public sealed class CodeModeScalarResultTests(CodeModeServerFixture fixture) : IClassFixture<CodeModeServerFixture>
{
    [Fact]
    public async Task Number_results_reach_the_script_as_numbers()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const sum = await codemode.add_numbers({ a: 2, b: 3 });
              const text = await codemode.echo({ text: "5" });
              return [sum, typeof sum, sum + 1, text, typeof text];
            }
            """);

        var value = result.Result().EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.Number, value[0].ValueKind);
        Assert.Equal(5, value[0].GetInt32());
        Assert.Equal("number", value[1].GetString());
        Assert.Equal(6, value[2].GetInt32());
        Assert.Equal(JsonValueKind.String, value[3].ValueKind); // a string tool that returns digits stays a string
        Assert.Equal("string", value[4].GetString());
    }

    [Fact]
    public async Task Boolean_results_reach_the_script_as_booleans_so_false_is_falsy()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const odd = await codemode.is_even({ n: 3 });
              const even = await codemode.is_even({ n: 4 });
              return [odd, typeof odd, odd ? "truthy" : "falsy", even];
            }
            """);

        var value = result.Result().EnumerateArray().ToArray();
        Assert.Equal(JsonValueKind.False, value[0].ValueKind);
        Assert.Equal("boolean", value[1].GetString());
        Assert.Equal("falsy", value[2].GetString());
        Assert.Equal(JsonValueKind.True, value[3].ValueKind);
    }

    [Fact]
    public async Task Direct_calls_still_get_the_text_and_search_shows_the_typed_signature()
    {
        await using var direct = await fixture.Server.ConnectClientAsync();
        await using var codeMode = await fixture.Server.ConnectCodeModeAsync();

        var called = await direct.CallToolAsync("is_even", new Dictionary<string, object?> { ["n"] = 3 });
        var searched = await codeMode.SearchAsync("async () => codemode.tools().find(t => t.name === 'is_even').typescript");

        Assert.Equal("false", Assert.IsType<TextContentBlock>(Assert.Single(called.Content)).Text);
        Assert.EndsWith("is_even(args: { n: number }): Promise<boolean>;", searched.Result().GetString());
    }
}
