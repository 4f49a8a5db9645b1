using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// A built-in detector: a source-generated regular expression that finds candidates, an optional
/// check that confirms them (Luhn, mod 97, JWT header), and cheap pre-filters that let most values
/// skip the regular expression altogether.
/// </summary>
internal sealed partial class BuiltInDetector
{
    /// <summary>The options every DLP regular expression is built with.</summary>
    public const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const int DefaultTimeoutMilliseconds = 100;

    private const string EmailPattern =
        @"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![A-Za-z0-9-])";

    // Detectors see normalised text (NormalizedText): every space is ' ', every dash '-', every digit 0-9. Between the
    // digit groups of a number a writer may put spaces, tabs, dots or hyphens, up to three of them.

    // First digit 1-6 (UATP, Visa, Mastercard, Amex, Discover...); 13-19 digits in all. Never the fraction of a decimal number.
    private const string CreditCardPattern = @"(?<![\w-]|[0-9]\.)[1-6](?:[ \t.-]{0,3}[0-9]){12,18}(?!\w)";

    private const string IbanPattern = @"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?:[ \t.-]{0,3}[A-Z0-9]){11,30}";

    // AAA-GG-SSSS with the same separator twice (hyphen, space or dot), not part of a longer run of digit groups.
    private const string UsSsnPattern =
        @"(?<![\w-]|[0-9][ .])(?!000|666|9[0-9]{2})[0-9]{3}(?<sep>[ .-])(?!00)[0-9]{2}\k<sep>(?!0000)[0-9]{4}(?![\w-]|[ .][0-9])";

    private const string JwtPattern = @"(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*";

    private const string ApiKeyPattern =
        @"(?<![A-Za-z0-9_-])(?:" +
        @"(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])" +                       // AWS access key id
        @"|gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9])" +                     // GitHub
        @"|xox[abprs]-[A-Za-z0-9-]{10,}" +                                 // Slack
        @"|[sr]k_live_[A-Za-z0-9]{16,}" +                                  // Stripe
        @"|AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])" +                       // Google
        @"|sk-(?:proj-|svcacct-|admin-)?(?<openai>[A-Za-z0-9_-]{20,})" +   // OpenAI
        @"|(?i:bearer)[ \t]+(?<bearer>[A-Za-z0-9._~+/-]{20,})=*" +         // Authorization header value
        @")";

    private const string PrivateKeyPattern =
        @"-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----|[\s\S]*)";

    private readonly Func<Regex> _generated;

    private BuiltInDetector(string name, string pattern, Func<Regex> generated, int minLength, string? requiredText, MatchCheck? check,
        DlpAction argumentAction, int minDigits = 0)
    {
        MinDigits = minDigits;
        Name = name;
        Pattern = pattern;
        _generated = generated;
        MinLength = minLength;
        RequiredText = requiredText;
        Check = check;
        ArgumentAction = argumentAction;
    }

    /// <summary>The detector's name (one of <see cref="DlpDetectors"/>).</summary>
    public string Name { get; }

    /// <summary>The regular expression that finds candidates.</summary>
    public string Pattern { get; }

    /// <summary>The length of the shortest text the detector can match.</summary>
    public int MinLength { get; }

    /// <summary>Text every match contains (compared ordinally), when there is such text.</summary>
    public string? RequiredText { get; }

    /// <summary>How many ASCII digits every match holds at least (0 when none is required).</summary>
    public int MinDigits { get; }

    /// <summary>The check that confirms a candidate, when the pattern alone is not enough.</summary>
    public MatchCheck? Check { get; }

    /// <summary>What the built-in rule of this detector does in arguments.</summary>
    public DlpAction ArgumentAction { get; }

    /// <summary>Every detector, in the order the built-in rules run.</summary>
    public static IReadOnlyList<BuiltInDetector> All { get; } =
    [
        new(DlpDetectors.PrivateKey, PrivateKeyPattern, PrivateKeyRegex, 27, "PRIVATE KEY", null, DlpAction.Block),
        new(DlpDetectors.Jwt, JwtPattern, JwtRegex, 15, "eyJ", DetectorChecks.Jwt, DlpAction.Block),
        new(DlpDetectors.ApiKey, ApiKeyPattern, ApiKeyRegex, 15, null, DetectorChecks.ApiKey, DlpAction.Block),
        new(DlpDetectors.CreditCard, CreditCardPattern, CreditCardRegex, 13, null, DetectorChecks.CreditCard, DlpAction.Redact, minDigits: 13),
        new(DlpDetectors.Iban, IbanPattern, IbanRegex, 15, null, DetectorChecks.Iban, DlpAction.Redact),
        new(DlpDetectors.UsSsn, UsSsnPattern, UsSsnRegex, 11, null, null, DlpAction.Redact, minDigits: 9),
        new(DlpDetectors.Email, EmailPattern, EmailRegex, 6, "@", null, DlpAction.Redact),
    ];

    /// <summary>Finds a detector by name (ignoring case).</summary>
    public static BuiltInDetector? Find(string? name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The detector's regular expression with <paramref name="timeout"/>: the source-generated one for the default timeout.</summary>
    public Regex CreateRegex(TimeSpan timeout) =>
        timeout == TimeSpan.FromMilliseconds(DefaultTimeoutMilliseconds)
            ? _generated()
            : new Regex(Pattern, Options | RegexOptions.Compiled, timeout);

    [GeneratedRegex(EmailPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(CreditCardPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex CreditCardRegex();

    [GeneratedRegex(IbanPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex IbanRegex();

    [GeneratedRegex(UsSsnPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex UsSsnRegex();

    [GeneratedRegex(JwtPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex JwtRegex();

    [GeneratedRegex(ApiKeyPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex ApiKeyRegex();

    [GeneratedRegex(PrivateKeyPattern, Options, DefaultTimeoutMilliseconds)]
    private static partial Regex PrivateKeyRegex();
}
