namespace McpPlatform.Governance.Dlp;

/// <summary>The names of the built-in detectors a <see cref="DlpRule.Detector"/> may name.</summary>
public static class DlpDetectors
{
    /// <summary>E-mail addresses (<c>local@domain.tld</c>).</summary>
    public const string Email = "email";

    /// <summary>Payment card numbers: 13–19 digits, optionally grouped with spaces, dots or dashes, Luhn-checked.</summary>
    public const string CreditCard = "credit-card";

    /// <summary>IBANs: country code, check digits and account, grouped with spaces, dots or dashes or not, checked by length for the country and mod 97.</summary>
    public const string Iban = "iban";

    /// <summary>
    /// US social security numbers <c>AAA-GG-SSSS</c>, also with spaces or dots (no 000, 666 or 9xx area, 00 group
    /// or 0000 serial; not inside a longer run of digit groups).
    /// </summary>
    public const string UsSsn = "us-ssn";

    /// <summary>JSON Web Tokens: three base64url segments whose header decodes to JSON with <c>alg</c>.</summary>
    public const string Jwt = "jwt";

    /// <summary>
    /// Well-known API key formats: AWS access key ids, GitHub tokens, Slack tokens, Stripe live keys,
    /// Google API keys, OpenAI keys and <c>Bearer</c> tokens.
    /// </summary>
    public const string ApiKey = "api-key";

    /// <summary>PEM or PGP private key blocks (<c>-----BEGIN ... PRIVATE KEY-----</c>).</summary>
    public const string PrivateKey = "private-key";

    /// <summary>Every built-in detector, in the order the built-in rules run.</summary>
    public static IReadOnlyList<string> Names { get; } = [PrivateKey, Jwt, ApiKey, CreditCard, Iban, UsSsn, Email];
}
