using McpPlatform.Governance.Dlp;
using static McpPlatform.Testing.DlpExamples;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>Each built-in detector finds what it should and leaves look-alikes alone (seen through result redaction).</summary>
public sealed class DlpDetectorTests
{
    [Theory]
    [InlineData("Contact jane.doe@example.com today.", "Contact [REDACTED:email] today.")]
    [InlineData("<ops+alerts@mail.example.co.uk>", "<[REDACTED:email]>")]
    [InlineData("a@b.io and c.d@e-f.org", "[REDACTED:email] and [REDACTED:email]")]
    public void Email_addresses_are_redacted(string text, string expected) =>
        Assert.Equal(expected, RedactText(text));

    [Theory]
    [InlineData("write to jane at example dot com")]
    [InlineData("@handle on the forum")]
    [InlineData("user@localhost")]
    [InlineData("version 1.2@3 build")]
    public void Text_that_only_looks_like_an_email_is_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    [Theory]
    [InlineData("card 4111 1111 1111 1111 on file", "card [REDACTED:credit-card] on file")]
    [InlineData("4111-1111-1111-1111", "[REDACTED:credit-card]")]
    [InlineData("4111111111111111", "[REDACTED:credit-card]")]
    [InlineData("amex 3782 822463 10005.", "amex [REDACTED:credit-card].")]
    [InlineData("card 4111 1111 1111 1111 12/29", "card [REDACTED:credit-card] 12/29")]
    [InlineData("card 4111 1111 1111 1111 2029", "card [REDACTED:credit-card] 2029")]
    public void Luhn_valid_card_numbers_are_redacted(string text, string expected) =>
        Assert.Equal(expected, RedactText(text));

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("order 1234567890123456")]
    [InlineData("created 1700000000000 ms")]
    [InlineData("0000 0000 0000 0000")]
    [InlineData("phone +1 555 010 0199")]
    [InlineData("41111111111111111111111")]
    public void Digit_runs_that_are_not_card_numbers_are_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    [Theory]
    [InlineData("pay GB82 WEST 1234 5698 7654 32 by Friday", "pay [REDACTED:iban] by Friday")]
    [InlineData("GB82WEST12345698765432", "[REDACTED:iban]")]
    [InlineData("DE89 3704 0044 0532 0130 00", "[REDACTED:iban]")]
    [InlineData("GB82 WEST 1234 5698 7654 32 TO PAY", "[REDACTED:iban] TO PAY")]
    [InlineData("REF AB12 GB82 WEST 1234 5698 7654 32", "REF AB12 [REDACTED:iban]")]
    public void Valid_ibans_are_redacted(string text, string expected) =>
        Assert.Equal(expected, RedactText(text));

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33")]
    [InlineData("GB28 WEST 1234 5698 7654 32")]
    [InlineData("GB82 WEST 1234 5698 7654")]
    [InlineData("SKU AB12 CDEF GHIJ KLMN")]
    public void Mutated_or_malformed_ibans_are_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    [Theory]
    [InlineData("SSN 123-45-6789.", "SSN [REDACTED:us-ssn].")]
    [InlineData("078-05-1120", "[REDACTED:us-ssn]")]
    public void Social_security_numbers_are_redacted(string text, string expected) =>
        Assert.Equal(expected, RedactText(text));

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("912-34-5678")]
    [InlineData("123-00-6789")]
    [InlineData("123-45-0000")]
    [InlineData("123456789")]
    [InlineData("2024-05-1234")]
    [InlineData("x123-45-6789")]
    public void Invalid_social_security_numbers_are_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    [Fact]
    public void Json_web_tokens_are_redacted()
    {
        Assert.Equal("token=[REDACTED:jwt];", RedactText($"token={Jwt};", out var fired));
        Assert.Equal(["jwt"], fired);
    }

    [Theory]
    [InlineData("a.b.c")]
    [InlineData("com.example.package")]
    [InlineData("eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJl")] // header {"typ":"JWT"} has no alg
    [InlineData("eyJhbGciOiJIUzI1NiIsInR5cCI6!.eyJzdWIiOiIxIn0.c2ln")]
    public void Dotted_text_that_is_not_a_jwt_is_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    public static TheoryData<string> ApiKeys => new()
    {
        "AKIA" + "IOSFODNN7EXAMPLE",
        "ASIA" + "Y34FZKBOKMUTVV7A",
        "ghp_" + "aB3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c",
        "gho_" + "aB3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c",
        "xoxb-" + "123456789012-1234567890123-AbCdEfGhIjKl",
        "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "rk_live_" + "4eC39HqLyjWDarjtT1zdp7dc",
        "AIza" + "SyD3-fake_Key4Testing0123456789abcd",
        "sk-" + "proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z",
        "sk-" + "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6l",
        "Bearer " + "abc123DEF456ghi789JKL0mno",
    };

    [Theory]
    [MemberData(nameof(ApiKeys))]
    public void Api_keys_are_redacted_in_results(string key) =>
        Assert.Equal("key: [REDACTED:api-key]", RedactText("key: " + key));

    [Theory]
    [InlineData("sk-this-is-a-long-kebab-case-identifier")]
    [InlineData("task-force-alpha-bravo-charlie-delta")]
    [InlineData("Bearer tokens are described in RFC 6750")]
    [InlineData("AKIA1234")]
    [InlineData("ghp_short")]
    [InlineData("XAKIAIOSFODNN7EXAMPLE")]
    public void Text_that_only_looks_like_an_api_key_is_left_alone(string text) =>
        Assert.Equal(text, RedactText(text));

    [Fact]
    public void Private_key_blocks_are_redacted_whole()
    {
        Assert.Equal("key:\n[REDACTED:private-key]\nend", RedactText("key:\n" + PemBlock + "\nend"));
        Assert.Equal("[REDACTED:private-key]", RedactText("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
        Assert.Equal("[REDACTED:private-key]",
            RedactText("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBF0\n-----END PGP PRIVATE KEY BLOCK-----"));
    }

    [Fact]
    public void Public_keys_and_certificates_are_left_alone()
    {
        var text = "-----BEGIN PUBLIC KEY-----\nMFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKj34GkxFhD9\n-----END PUBLIC KEY-----";
        Assert.Equal(text, RedactText(text));
    }

    [Fact]
    public void Every_detector_can_be_named_by_a_rule()
    {
        Assert.Equal(["private-key", "jwt", "api-key", "credit-card", "iban", "us-ssn", "email"], DlpDetectors.Names);
        Assert.Equal(DlpDetectors.Names, DefaultEngine.RulesFor(CreateTicket));
    }
}
