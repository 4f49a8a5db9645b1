using McpPlatform.Governance.Dlp;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Governance.Tests.Dlp;

/// <summary>Object keys are data too: argument names and property names are scanned (they used to pass unscanned).</summary>
public sealed class DlpKeyTests
{
    [Fact]
    public void Personal_data_in_an_argument_property_name_is_redacted()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments("""{"votes":{"jane@example.com":3,"total":3}}"""));

        Assert.False(result.IsBlocked);
        Assert.Equal("""{"votes":{"[REDACTED:email]":3,"total":3}}""", Json(result.Arguments));
        Assert.Equal(["email"], result.FiredRules);
    }

    [Fact]
    public void Personal_data_in_an_argument_name_is_redacted()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments("""{"title":"ok","jane@example.com":true}"""));

        Assert.Equal("""{"title":"ok","[REDACTED:email]":true}""", Json(result.Arguments));
    }

    [Fact]
    public void A_secret_in_a_property_name_blocks_the_call_without_repeating_it()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments($$$"""{"headers":{"{{{AwsKeyId}}}":"x"}}"""));

        Assert.True(result.IsBlocked);
        Assert.Equal("api-key", result.Rule);
        Assert.Equal("headers", result.Path);
        Assert.Contains("a property name in argument 'headers'", result.Message);
        Assert.DoesNotContain(AwsKeyId, result.Message);
    }

    [Fact]
    public void A_secret_as_an_argument_name_blocks_the_call()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments($$"""{"{{Jwt}}":1}"""));

        Assert.True(result.IsBlocked);
        Assert.Equal("jwt", result.Rule);
        Assert.Contains("an argument name", result.Message);
        Assert.DoesNotContain(Jwt, result.Message);
    }

    [Fact]
    public void A_path_after_a_redacted_name_shows_the_redacted_name()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments($$$$"""{"owners":{"jane@example.com":{"key":"{{{{AwsKeyId}}}}"}}}"""));

        Assert.True(result.IsBlocked);
        Assert.Equal("owners['[REDACTED:email]'].key", result.Path);
        Assert.DoesNotContain("jane", result.Message);
    }
}
