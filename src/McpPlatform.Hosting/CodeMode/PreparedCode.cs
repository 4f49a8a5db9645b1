using System.Collections.Concurrent;
using Acornima.Ast;
using Jint;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Scripts already normalized and parsed, kept per (caller, code) so an agent that runs the same script again (a
/// retry, a loop over inputs, the 2026-07-28 approval round trip) skips both parses: about 0.4-0.6 ms of an
/// execution's start-up on the 2-core machine. What is kept is immutable data (the normalized text and Jint's
/// prepared AST, which Jint shares across engines); every execution still evaluates it in its own fresh engine.
/// Keyed by caller too, so the timing of one caller's execute says nothing about what another caller ran.
/// Bounded: at most <see cref="MaxEntries"/> scripts of at most <see cref="MaxCachedLength"/> characters; when full it
/// starts over (a simple bound, no eviction order to keep).
/// </summary>
internal sealed class PreparedCode(TimeSpan regexTimeout)
{
    /// <summary>How many scripts are kept at most.</summary>
    public const int MaxEntries = 256;

    /// <summary>Longer scripts are normalized and parsed each time, not kept.</summary>
    public const int MaxCachedLength = 8_000;

    private readonly ConcurrentDictionary<(string Caller, string Code), Entry> _entries = new();

    // The same parse the engine does for a string: interpreted regular expressions under the sandbox's timeout
    // (a prepared script would otherwise pre-compile them), no constant folding.
    private readonly ScriptPreparationOptions _preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { CompileRegex = false, RegexTimeout = regexTimeout },
        FoldConstants = false,
    };

    /// <summary>The normalized code and, when it parses, its prepared script (null: the engine parses it and reports the error).</summary>
    public Entry Get(string caller, string code)
    {
        if (code.Length > MaxCachedLength)
        {
            return Prepare(code);
        }

        if (_entries.TryGetValue((caller, code), out var kept))
        {
            return kept;
        }

        var entry = Prepare(code);
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[(caller, code)] = entry;
        return entry;
    }

    private Entry Prepare(string code)
    {
        var normalized = CodeNormalizer.Normalize(code);
        if (normalized.Source is null)
        {
            return new Entry(normalized, null);
        }

        try
        {
            return new Entry(normalized, Engine.PrepareScript(normalized.Source, "code", strict: false, _preparation));
        }
        catch (Acornima.ParseErrorException)
        {
            // The engine parses it again and the sandbox reports the syntax error as it always has.
            return new Entry(normalized, null);
        }
    }

    /// <summary>One kept script.</summary>
    internal sealed record Entry(NormalizedCode Normalized, Prepared<Script>? Script);
}
