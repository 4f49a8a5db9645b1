using System.Text.Json;
using McpPlatform.Hosting.Governance;
using ModelContextProtocol.Protocol;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>
/// Sensitive values written so a plain ASCII pattern misses them: full-width or other-script digits,
/// invisible characters inside, separators between the digit groups. Each used to pass; rules now see
/// normalised text, and the match is replaced where it was written in the original.
/// </summary>
public sealed class DlpEvasionTests
{
    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C")] // zero-width non-joiner
    [InlineData("\u200D")] // zero-width joiner
    [InlineData("\u2060")] // word joiner
    [InlineData("\uFEFF")] // zero-width no-break space (BOM)
    [InlineData("\u00AD")] // soft hyphen
    public void A_card_number_with_invisible_characters_inside_is_redacted(string invisible)
    {
        var text = "card " + string.Join(invisible, "4111111111111111".ToCharArray()) + " on file";

        Assert.Equal("card [REDACTED:credit-card] on file", RedactText(text));
    }

    [Theory]
    [InlineData("card ４１１１ １１１１ １１１１ １１１１ on file")] // full-width digits
    [InlineData("card ４１１１１１１１１１１１１１１１ on file")]
    [InlineData("card \U0001D7D2\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF\U0001D7CF on file")] // mathematical bold digits (surrogate pairs)
    [InlineData("card ٤١١١١١١١١١١١١١١١ on file")] // Arabic-Indic digits
    [InlineData("card 4111.1111.1111.1111 on file")] // dots
    [InlineData("card 4111\u00A01111\u00A01111\u00A01111 on file")] // no-break spaces
    [InlineData("card 4111\u20091111\u20091111\u20091111 on file")] // thin spaces
    [InlineData("card 4111\u202F1111\u202F1111\u202F1111 on file")] // narrow no-break spaces
    [InlineData("card 4111\u20131111\u20131111\u20131111 on file")] // en dashes
    [InlineData("card 4111 - 1111 - 1111 - 1111 on file")] // spaced hyphens
    [InlineData("card 4111\t1111\t1111\t1111 on file")] // tabs
    public void A_card_number_in_other_digits_or_with_other_separators_is_redacted(string text) =>
        Assert.Equal("card [REDACTED:credit-card] on file", RedactText(text));

    [Theory]
    [InlineData("pay GB82-WEST-1234-5698-7654-32 now")]
    [InlineData("pay GB82.WEST.1234.5698.7654.32 now")]
    [InlineData("pay GB82\u00A0WEST\u00A01234\u00A05698\u00A07654\u00A032 now")]
    [InlineData("pay ＧＢ８２ ＷＥＳＴ １２３４ ５６９８ ７６５４ ３２ now")]
    [InlineData("pay GB82\u200BWEST\u200B1234\u200B5698\u200B7654\u200B32 now")]
    public void An_iban_with_other_separators_or_characters_is_redacted(string text) =>
        Assert.Equal("pay [REDACTED:iban] now", RedactText(text));

    [Theory]
    [InlineData("SSN 123 45 6789.")]
    [InlineData("SSN 123.45.6789.")]
    [InlineData("SSN １２３-４５-６７８９.")]
    [InlineData("SSN 123\u00A045\u00A06789.")]
    [InlineData("SSN 123\u2011" + "45\u20116789.")] // non-breaking hyphens
    [InlineData("SSN 123-\u200B45-6789.")]
    public void A_social_security_number_with_other_separators_or_digits_is_redacted(string text) =>
        Assert.Equal("SSN [REDACTED:us-ssn].", RedactText(text));

    [Theory]
    [InlineData("mail ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ today")]
    [InlineData("mail jane\u200B@example.com today")]
    [InlineData("mail jane@exam\u200Dple.com today")]
    public void An_email_address_in_full_width_or_with_invisible_characters_is_redacted(string text) =>
        Assert.Equal("mail [REDACTED:email] today", RedactText(text));

    public static TheoryData<string> DisguisedSecrets => new()
    {
        "AKIA" + "\u200BIOSFODNN7EXAMPLE",
        "ＡＫＩＡ" + "ＩＯＳＦＯＤＮＮ７ＥＸＡＭＰＬＥ",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + "\u2060.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "-----BEGIN " + "RSA PRIVATE\u00A0KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu",
    };

    [Theory]
    [MemberData(nameof(DisguisedSecrets))]
    public void A_disguised_secret_in_arguments_blocks_the_call(string secret)
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Argument("body", "see " + secret));

        Assert.True(result.IsBlocked, $"'{secret}' was not blocked");
    }

    [Fact]
    public void Redaction_replaces_the_original_span_and_keeps_the_text_around_it()
    {
        // Invisible characters right after a match go with it; everything else around it stays as written.
        var text = "Grüße — ﬁle ４１１１ １１１１ １１１１ １１１１, ﬁne 東京 and ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ\u200B!";

        Assert.Equal("Grüße — ﬁle [REDACTED:credit-card], ﬁne 東京 and [REDACTED:email]!", RedactText(text));
    }

    [Fact]
    public void Json_text_with_a_disguised_value_is_redacted_and_stays_valid_json()
    {
        var json = JsonSerializer.Serialize(new { card = "4111\u200B1111\u200B1111\u200B1111", note = "４１１１ ok", mail = "ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ" });
        var result = new CallToolResult { Content = [new TextContentBlock { Text = json }] };

        var redacted = DefaultEngine.RedactResult(GetCustomer, result, out var fired);

        using var document = JsonDocument.Parse(((TextContentBlock)redacted.Content[0]).Text);
        Assert.Equal("[REDACTED:credit-card]", document.RootElement.GetProperty("card").GetString());
        Assert.Equal("４１１１ ok", document.RootElement.GetProperty("note").GetString());
        Assert.Equal("[REDACTED:email]", document.RootElement.GetProperty("mail").GetString());
        Assert.Equal(["credit-card", "email"], fired);
    }

    [Fact]
    public void Disguised_values_in_arguments_are_redacted_in_place()
    {
        var result = DefaultEngine.InspectArguments(CreateTicket, Arguments("""{"note":"card ４１１１\u00A0１１１１\u00A0１１１１\u00A0１１１１, SSN 123.45.6789"}"""));

        Assert.Equal("card [REDACTED:credit-card], SSN [REDACTED:us-ssn]", result.Arguments!["note"].GetString());
    }

    [Theory]
    [InlineData("Released 2024-05-12 at 10:30, version 10.0.19045.3803 (build 6.1.7601.17514).")]
    [InlineData("pi is 3.141592653589793, e is 2.718281828459045 and 4.111111111111111 is not a card.")]
    [InlineData("Call +1 555 010 0199, 555.010.0199 or (555) 010-0199.")]
    [InlineData("Hosts 192.168.100.200 and 10.0.0.1 on port 8080.")]
    [InlineData("Dates 12.05.2024, 2024.05.12 and 12/05/2024; order 2024.05.1234.")]
    [InlineData("Table: 12 45 6789 123 and 1 2 3 4 5 6 7 8 9 10.")]
    [InlineData("Row 12 123 45 6789 and row 123 45 6789 0.")]
    [InlineData("Versions 123.45.6789.1 and 1.123.45.6789 are not numbers to hide.")]
    [InlineData("東京の会議は２０２４年５月１２日午後３時。Die Straße — 12,5 km.")]
    [InlineData("Totals: 3.1415926535 12.5 ms, 1.5e3 and -0.25.")]
    public void Ordinary_text_with_numbers_is_left_as_it_is(string text) =>
        Assert.Equal(text, RedactText(text));
}
