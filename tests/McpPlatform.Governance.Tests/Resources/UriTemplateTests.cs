using System.Text.RegularExpressions;
using McpPlatform.Governance.Resources;

namespace McpPlatform.Governance.Tests.Resources;

public sealed class UriTemplateTests
{
    [Fact]
    public void Variables_match_one_segment_each_and_arrive_unescaped()
    {
        var template = new UriTemplate("tickets://{project}/items/{id}");

        var values = template.Match("tickets://ops/items/a%2Fb%20c");

        Assert.Equal(["project", "id"], template.Variables);
        Assert.NotNull(values);
        Assert.Equal("ops", values["project"]);
        Assert.Equal("a/b c", values["id"]);
        Assert.Null(template.Match("tickets://ops/items/"));
        Assert.Null(template.Match("tickets://ops/extra/items/1"));
        Assert.Null(template.Match("tickets://ops/items/1?x=2"));
    }

    [Fact]
    public void Literal_parts_are_matched_literally_not_as_patterns()
    {
        var template = new UriTemplate("file://a.b/(x)+/{name}");

        Assert.NotNull(template.Match("file://a.b/(x)+/readme"));
        Assert.Null(template.Match("file://aXb/(x)+/readme"));
        Assert.Null(template.Match("file://a.b/xx/readme"));
    }

    [Theory]
    [InlineData("docs://{id")]
    [InlineData("docs://{}")]
    [InlineData("docs://{+path}")]
    [InlineData("docs://{a}/{a}")]
    public void Invalid_templates_are_refused_with_a_message_naming_them(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => new UriTemplate(text));

        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Match_that_times_out_throws_instead_of_reporting_no_match()
    {
        // Six adjacent variables and a literal the URI lacks: the matcher tries every split of 5000 characters.
        var template = new UriTemplate("docs://{a}{b}{c}{d}{e}{f}!");

        Assert.Throws<RegexMatchTimeoutException>(() => template.Match("docs://" + new string('a', 5000)));
    }
}
