namespace McpPlatform.Governance.Dlp;

/// <summary>
/// Data-loss prevention, bound from the <c>McpPlatform:Dlp</c> configuration section: rules that
/// block or redact sensitive text in tool arguments before a tool runs, and redact it in tool
/// results before they leave the server.
/// </summary>
/// <remarks>
/// <para>
/// Unless <see cref="DisableBuiltIns"/> is set, these built-in rules apply to every tool, in this
/// order (each is named after its detector, see <see cref="DlpDetectors"/>):
/// </para>
/// <list type="table">
/// <listheader><term>Rule</term><description>Arguments / results</description></listheader>
/// <item><term><c>private-key</c></term><description>Block / Redact</description></item>
/// <item><term><c>jwt</c></term><description>Block / Redact</description></item>
/// <item><term><c>api-key</c></term><description>Block / Redact</description></item>
/// <item><term><c>credit-card</c></term><description>Redact / Redact</description></item>
/// <item><term><c>iban</c></term><description>Redact / Redact</description></item>
/// <item><term><c>us-ssn</c></term><description>Redact / Redact</description></item>
/// <item><term><c>email</c></term><description>Redact / Redact</description></item>
/// </list>
/// <para>
/// A rule in <see cref="Rules"/> whose <see cref="DlpRule.Name"/> is a built-in rule's name replaces
/// that built-in rule (in its place); for example <c>{ "Name": "email", "Detector": "email",
/// "Action": "Allow", "ResultAction": "Allow" }</c> switches e-mail redaction off. Other rules run
/// after the built-in ones, in configuration order. In arguments, every Block rule is checked
/// before any Redact rule changes the text.
/// </para>
/// <para>
/// String values, object keys (argument names included) and numbers (as their JSON text; a number
/// that is redacted becomes the replacement string) are scanned. Rules see the text normalised (see
/// <see cref="MaxScannedChars"/> for what is counted): full-width and other compatibility characters
/// folded to ASCII as NFKC does, digits of any script made ASCII digits, every kind of space a space
/// and every dash a hyphen, and invisible characters (zero-width spaces and joiners, other format and
/// control characters) removed; a match is replaced in the original text, where it was written.
/// </para>
/// </remarks>
public sealed class DlpOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":Dlp";

    /// <summary>The default for <see cref="MatchTimeout"/>: 100 milliseconds.</summary>
    public static readonly TimeSpan DefaultMatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The default for <see cref="MaxScannedChars"/>: one million characters.</summary>
    public const int DefaultMaxScannedChars = 1_000_000;

    /// <summary>When false, no argument or result is inspected. True by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How long one rule may spend on one match attempt (the regular expression timeout). A value
    /// whose scan times out is scanned once more with ten times the timeout (a busy machine can starve
    /// a match of CPU); if that times out too, the call is blocked when scanning arguments, and the
    /// whole value is replaced with the rule's replacement when scanning a result (fail closed). Must
    /// be positive; 100 ms by default.
    /// </summary>
    public TimeSpan MatchTimeout { get; set; } = DefaultMatchTimeout;

    /// <summary>
    /// The most characters scanned in one set of values: all the arguments of one call, or one result.
    /// Every value, key, array element and object counts one more than its length, so a million empty
    /// strings count a million. Arguments beyond the limit are always blocked as too large to scan;
    /// a result beyond it is withheld or cut as <see cref="OverLimit"/> says, never returned unscanned.
    /// Must be positive; 1,000,000 by default.
    /// </summary>
    public int MaxScannedChars { get; set; } = DefaultMaxScannedChars;

    /// <summary>
    /// What happens to a result with more than <see cref="MaxScannedChars"/> to scan: <c>Block</c> (the
    /// default) withholds it and returns a tool error that names the limit and this setting;
    /// <c>Truncate</c> returns what fits, scanned and redacted, cut at the limit (a text value ends in
    /// <c>[TRUNCATED:scan-limit]</c>, later values, elements and content blocks are left out, and the result's
    /// <c>_meta</c> carries <c>mcpplatform/dlp-scan-incomplete: true</c>). Arguments are blocked either way:
    /// cutting them would run the tool on input nobody sent.
    /// </summary>
    public string? OverLimit { get; set; } = nameof(DlpOverLimit.Block);

    /// <summary>
    /// When true, only the rules in <see cref="Rules"/> apply; the built-in rules listed in the
    /// remarks of <see cref="DlpOptions"/> are off. False by default.
    /// </summary>
    public bool DisableBuiltIns { get; set; }

    /// <summary>Rules added to (or replacing) the built-in rules.</summary>
    public List<DlpRule> Rules { get; set; } = [];
}

/// <summary>
/// One DLP rule: what to look for (a built-in <see cref="Detector"/> or a custom regular
/// expression <see cref="Pattern"/>), on which tools, and what to do when it is found.
/// </summary>
public sealed class DlpRule
{
    /// <summary>A unique name, reported in block messages and audit records. A built-in rule's name replaces that rule.</summary>
    public string Name { get; set; } = "";

    /// <summary>A built-in detector (see <see cref="DlpDetectors.Names"/>); set this or <see cref="Pattern"/>, not both.</summary>
    public string? Detector { get; set; }

    /// <summary>
    /// A .NET regular expression (compiled culture-invariant, with <see cref="DlpOptions.MatchTimeout"/>);
    /// set this or <see cref="Detector"/>, not both. It must not match the empty string.
    /// </summary>
    public string? Pattern { get; set; }

    /// <summary>What to do when the rule matches an argument: <c>Block</c>, <c>Redact</c> (the default) or <c>Allow</c>.</summary>
    public string? Action { get; set; }

    /// <summary>What to do when the rule matches a result: <c>Redact</c> (the default) or <c>Allow</c>.</summary>
    public string? ResultAction { get; set; }

    /// <summary>
    /// The tools the rule covers: exact tool names, <c>toolset/*</c> for every tool of a tool set,
    /// <c>prefix_*</c> (a trailing wildcard, e.g. <c>jira_*</c>) for every tool whose name starts with the prefix,
    /// or <c>*</c> for every tool (see <see cref="McpPlatform.Governance.Tools.ToolPatterns"/>). Empty (the default) means every tool.
    /// </summary>
    public string[] Tools { get; set; } = [];

    /// <summary>The text that replaces a match; <c>[REDACTED:&lt;name&gt;]</c> by default.</summary>
    public string? Replacement { get; set; }
}
