using McpPlatform.Hosting.Tests.CodeMode;
using McpPlatform.Hosting.Tests.Server;

namespace McpPlatform.Hosting.Tests;

/// <summary>Numbers that do not fit the parameter's type are refused with the type's range, over real HTTP.</summary>
public sealed class ArgumentRangeTests(SampleServerFixture fixture) : IClassFixture<SampleServerFixture>
{
    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("2147483648")]
    public async Task Number_too_large_for_an_int_is_refused_with_the_range(string value)
    {
        var result = await fixture.Client.CallAsync("add_numbers", $$"""{"a":{{value}},"b":1}""");

        Assert.True(result.IsError, result.SingleText());
        Assert.Equal("Invalid argument 'a': expected an integer from -2147483648 to 2147483647, got a number outside that range.", result.SingleText());
    }

    [Theory]
    [InlineData("1e400", "Argument 'a' is Infinity, which JSON cannot carry: pass a finite number.")]
    [InlineData("0/0", "Argument 'a' is NaN, which JSON cannot carry: pass a finite number.")]
    public async Task Code_mode_inner_call_with_a_non_finite_number_is_refused_instead_of_sent_as_null(string expression, string message)
    {
        await using var client = await fixture.Server.ConnectCodeModeAsync();

        var result = await client.ExecuteAsync($"async () => {{ try {{ await codemode.add_numbers({{ a: {expression}, b: 1 }}); return 'ran'; }} catch (e) {{ return e.message; }} }}");

        Assert.Equal(message, result.Result().GetString());
    }

    [Fact]
    public async Task Fraction_for_an_int_is_refused()
    {
        var result = await fixture.Client.CallAsync("add_numbers", """{"a":1.5,"b":1}""");

        Assert.True(result.IsError, result.SingleText());
        Assert.Equal("Invalid argument 'a': expected an integer from -2147483648 to 2147483647, got a number with a fraction.", result.SingleText());
    }

    [Fact]
    public async Task Whole_number_written_as_a_decimal_fits_an_int()
    {
        var result = await fixture.Client.CallAsync("add_numbers", """{"a":40.0,"b":2e0}""");

        Assert.NotEqual(true, result.IsError);
        Assert.Equal("42", result.SingleText());
    }
}
