using System.Text.Json;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>execute: inner calls through the governed pipeline, results as objects, errors as JS exceptions, console capture.</summary>
public sealed class ExecuteTests(CodeModeServerFixture fixture) : IClassFixture<CodeModeServerFixture>
{
    [Fact]
    public async Task Chained_inner_calls_feed_one_result_into_the_next()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const ticket = await codemode.get_ticket({ key: "T-7" });
              const echoed = await codemode.echo({ text: ticket.title + "/" + ticket.key });
              const sum = await codemode.add_numbers({ a: ticket.labelCount, b: 40 });
              return { echoed, sum, priority: ticket.priority };
            }
            """);

        var value = result.Result();
        Assert.Equal("Printer on fire/T-7", value.GetProperty("echoed").GetString());
        Assert.Equal(42, value.GetProperty("sum").GetInt32());
        Assert.Equal(JsonValueKind.String, value.GetProperty("priority").ValueKind);
    }

    [Fact]
    public async Task Promise_all_runs_inner_calls_together()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const keys = ["T-1", "T-2", "T-3", "T-4"];
              const tickets = await Promise.all(keys.map(key => codemode.get_ticket({ key })));
              return tickets.map(t => t.key);
            }
            """);

        Assert.Equal(["T-1", "T-2", "T-3", "T-4"], result.Result().EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Structured_results_arrive_as_objects_and_text_results_as_strings()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              const ticket = await codemode.get_ticket({ key: "T-9" });
              const text = await codemode.echo({ text: '{"not":"parsed"}' });
              return [typeof ticket, Array.isArray(ticket), ticket.key, typeof text, text];
            }
            """);

        Assert.Equal(["object", "False", "T-9", "string", """{"not":"parsed"}"""], result.Result().EnumerateArray().Select(e => e.ToString()));
    }

    [Fact]
    public async Task A_tool_error_is_a_catchable_javascript_error_with_the_tools_message()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              try {
                await codemode.explode({ reason: "test" });
                return "not thrown";
              } catch (e) {
                return { isError: e instanceof Error, message: e.message };
              }
            }
            """);

        var value = result.Result();
        Assert.True(value.GetProperty("isError").GetBoolean());
        Assert.Contains("Tool 'explode' failed with an unexpected error", value.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_uncaught_tool_error_fails_the_execution_with_its_message()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("async () => await codemode.explode({ reason: 'x' })");

        Assert.Contains("Tool 'explode' failed with an unexpected error", result.Error());
    }

    [Fact]
    public async Task Invalid_arguments_come_back_as_the_tools_validation_error()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("async () => { try { await codemode.add_numbers({ a: 'x' }); } catch (e) { return e.message; } }");

        Assert.Contains("a", result.Result().GetString());
        Assert.NotEqual("undefined", result.Result().GetString());
    }

    [Fact]
    public async Task Console_output_is_captured_beside_the_result()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("""
            async () => {
              console.log("hello", 1, { a: true });
              console.warn("careful");
              console.error(new Error("boom").message);
              return 7;
            }
            """);

        Assert.Equal(7, result.Result().GetInt32());
        Assert.Equal(["hello 1 {\"a\":true}", "[warn] careful", "[error] boom"], result.Logs());
    }

    [Theory]
    [InlineData("```js\nasync () => { return 1 + 1; }\n```")]
    [InlineData("```javascript\nasync () => 2\n```")]
    [InlineData("```ts\nreturn 2;\n```")]
    [InlineData("async function main() { return 2; }")]
    [InlineData("async function () { return 2; }")]
    [InlineData("const x = await codemode.add_numbers({ a: 1, b: 1 });\nNumber(x)")]
    [InlineData("1 + 1")]
    [InlineData("async () => { return 2; };")]
    public async Task Code_is_accepted_as_models_write_it(string code)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync(code);

        Assert.Equal(2, result.Result().GetInt32());
    }

    [Fact]
    public async Task Returning_nothing_gives_a_null_result()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("async () => { console.log('side effect only'); }");

        Assert.Equal(JsonValueKind.Null, result.Result().ValueKind);
        Assert.Equal(["side effect only"], result.Logs());
    }

    [Fact]
    public async Task A_syntax_error_names_the_line()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("const a = 1;\nconst b = ;\nreturn a;");

        var error = result.Error();
        Assert.StartsWith("SyntaxError", error);
        Assert.Contains("line 2", error);
    }

    [Fact]
    public async Task Missing_code_is_a_clear_tool_error()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.CallToolAsync("execute", new Dictionary<string, object?> { ["script"] = "1" });

        Assert.Contains("'code' argument is required", CodeModeClients.Text(result));
        Assert.True(result.IsError);
    }

    [Fact]
    public async Task Tools_can_also_be_called_by_their_real_name()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("async () => await codemode['echo']({ text: 'by name' })");

        Assert.Equal("by name", result.Result().GetString());
    }
}
