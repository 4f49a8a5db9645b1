using System.Collections.Concurrent;
using Microsoft.ML.Tokenizers;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// The tiktoken encodings the report counts with. Their vocabularies ship in the
/// Microsoft.ML.Tokenizers.Data.* packages, so counting needs no network.
/// </summary>
internal static class TokenEncodings
{
    /// <summary>GPT-4o and later models.</summary>
    public const string O200kBase = "o200k_base";

    /// <summary>GPT-4 and GPT-3.5 models.</summary>
    public const string Cl100kBase = "cl100k_base";

    /// <summary>Every encoding, in report order.</summary>
    public static IReadOnlyList<string> All { get; } = [O200kBase, Cl100kBase];

    // Loading a vocabulary takes a moment; each is loaded once per process, on first use.
    private static readonly ConcurrentDictionary<string, Lazy<Tokenizer>> Tokenizers = new(StringComparer.Ordinal);

    /// <summary>How many tokens <paramref name="text"/> is in <paramref name="encoding"/>.</summary>
    public static int Count(string encoding, string text) =>
        Tokenizers.GetOrAdd(encoding, name => new Lazy<Tokenizer>(() => TiktokenTokenizer.CreateForEncoding(name))).Value.CountTokens(text);
}
