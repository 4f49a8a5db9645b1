using System.Text;
using System.Text.Json;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>Oversized results and console output are cut, stay valid JSON, and say so.</summary>
public sealed class OutputLimitTests(LimitedServerFixture fixture) : IClassFixture<LimitedServerFixture>
{
    [Fact]
    public async Task An_oversized_array_result_is_cut_to_valid_json_with_the_original_size()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("return Array.from({ length: 500 }, (_, i) => ({ id: i, title: 'Ticket number ' + i, tags: ['a', 'b'] }));");

        var structured = result.StructuredContent!.Value;
        var original = structured.GetProperty("originalBytes").GetInt64();
        Assert.True(structured.GetProperty("truncated").GetBoolean());
        Assert.True(original > LimitedServerFixture.MaxResultBytes * 5, $"originalBytes {original}");
        var kept = structured.GetProperty("result");
        Assert.Equal(JsonValueKind.Array, kept.ValueKind);
        Assert.InRange(kept.GetArrayLength(), 5, 499);
        Assert.All(kept.EnumerateArray(), item => Assert.Equal(JsonValueKind.Object, item.ValueKind));
        Assert.True(Encoding.UTF8.GetByteCount(kept.GetRawText()) <= LimitedServerFixture.MaxResultBytes);
        Assert.Equal(0, kept[0].GetProperty("id").GetInt32());

        // The text block carries the same document.
        using var text = JsonDocument.Parse(CodeModeClients.Text(result));
        Assert.True(text.RootElement.GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("é", 2)]
    [InlineData("中", 3)]
    [InlineData("😀", 4)]
    public async Task An_oversized_string_result_is_cut_with_a_marker(string character, int bytesPerCharacter)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync($"return '{character}'.repeat(100000);");

        var structured = result.StructuredContent!.Value;
        Assert.True(structured.GetProperty("truncated").GetBoolean());
        Assert.Equal((100_000 * bytesPerCharacter) + 2, structured.GetProperty("originalBytes").GetInt64());
        var kept = structured.GetProperty("result").GetString()!;
        Assert.EndsWith("[truncated]", kept);
        Assert.True(Encoding.UTF8.GetByteCount(kept) <= LimitedServerFixture.MaxResultBytes);
    }

    [Fact]
    public async Task A_nested_object_result_is_cut_inside_and_stays_an_object()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("return { summary: 'ok', items: Array.from({ length: 1000 }, (_, i) => i), note: 'end' };");

        var kept = result.StructuredContent!.Value.GetProperty("result");
        Assert.Equal("ok", kept.GetProperty("summary").GetString());
        Assert.InRange(kept.GetProperty("items").GetArrayLength(), 10, 999);
        Assert.True(result.StructuredContent!.Value.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_result_within_the_limit_is_not_marked_truncated()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("return { small: true };");

        Assert.False(result.StructuredContent!.Value.TryGetProperty("truncated", out _));
        Assert.True(result.Result().GetProperty("small").GetBoolean());
    }

    [Fact]
    public async Task Console_output_past_the_limit_is_dropped_with_a_marker()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("for (let i = 0; i < 1000; i++) console.log('line ' + i); return 'done';");

        var logs = result.Logs();
        Assert.Equal("done", result.Result().GetString());
        Assert.Equal("line 0", logs[0]);
        Assert.Contains("MaxLogBytes", logs[^1]);
        Assert.True(logs.Take(logs.Length - 1).Sum(l => Encoding.UTF8.GetByteCount(l)) <= LimitedServerFixture.MaxLogBytes);
    }

    [Fact]
    public async Task Console_output_before_an_error_is_returned_with_it()
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync("console.log('step 1'); throw new TypeError('bad input');");

        var error = result.Error();
        Assert.StartsWith("Uncaught TypeError: bad input", error);
        Assert.Contains("step 1", error);
    }
}
