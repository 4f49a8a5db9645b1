namespace McpPlatform.Governance.CodeMode;

/// <summary>
/// Code Mode, bound from <c>McpPlatform:CodeMode</c>: whether it is offered, whether it is the
/// default surface, and the limits every sandboxed execution runs under. The defaults are safe
/// for a shared server; raise them only for trusted callers' heavier scripts.
/// </summary>
public sealed class CodeModeOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = McpPlatformOptions.SectionName + ":CodeMode";

    /// <summary>Whether a connection may ask for Code Mode (<c>?codemode=search_and_execute</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The surface of a connection whose URL has no <c>codemode</c> query parameter:
    /// <c>tools</c> (the plain tool list) or <c>search_and_execute</c> (Code Mode).
    /// </summary>
    public string Default { get; set; } = CodeModeQuery.Tools;

    /// <summary>Wall-clock budget of one execution, inner tool calls included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>JavaScript statements one execution may run.</summary>
    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>Managed bytes the interpreter may allocate in one run of script (an allocation budget, not a heap size).</summary>
    public long MemoryLimitBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How deep JavaScript calls may nest.</summary>
    public int MaxRecursionDepth { get; set; } = 256;

    /// <summary>How long one regular expression match may run (catastrophic backtracking).</summary>
    public TimeSpan RegexTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest array a script may create.</summary>
    public uint MaxArrayLength { get; set; } = 1_000_000;

    /// <summary>Tool calls (<c>codemode.&lt;name&gt;(args)</c>) and resource reads (<c>codemode.resources.read(uri)</c>) one execution may make, together.</summary>
    public int MaxInnerCalls { get; set; } = 50;

    /// <summary>UTF-8 bytes of the returned value's JSON; larger results are cut to valid JSON and marked truncated.</summary>
    public int MaxResultBytes { get; set; } = 64 * 1024;

    /// <summary>UTF-8 bytes of captured console output; the rest is dropped with a marker.</summary>
    public int MaxLogBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Characters of a script kept in the audit record of its <c>search</c>/<c>execute</c> call; a longer
    /// script is cut with a marker. The record always has the SHA-256 of the whole script.
    /// </summary>
    public int MaxAuditedCodeLength { get; set; } = 16 * 1024;

    /// <summary>Executions (search or execute) one caller may have running at once.</summary>
    public int MaxConcurrentExecutionsPerCaller { get; set; } = 4;
}
