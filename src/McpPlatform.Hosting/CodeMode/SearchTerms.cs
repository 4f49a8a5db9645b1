namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// How <see cref="CodeModeSearchIndex"/> cuts text into terms: lower-case runs of letters and digits, camelCase and
/// snake_case split (<c>issuesCreate</c>, <c>issues_create</c> and <c>/issues</c> all give <c>issue</c>, <c>create</c>),
/// a plural <c>s</c> dropped, and a few words that carry no meaning in a query ("an", "the", "for") skipped.
/// </summary>
internal static class SearchTerms
{
    // Terms longer than this are not words a query would use (hashes, base64 in examples).
    private const int MaxTermLength = 40;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "of", "to", "for", "in", "on", "by", "with", "from", "or", "is", "it", "be", "as", "at", "this", "that", "my", "me", "i",
    };

    /// <summary>The terms of <paramref name="text"/>, in order, repeats kept.</summary>
    public static IEnumerable<string> Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var boundary = !char.IsLetterOrDigit(c)
                || (start >= 0 && char.IsUpper(c) && char.IsLower(text[i - 1]));
            if (boundary && start >= 0)
            {
                if (Normalize(text.AsSpan(start, i - start)) is { } term)
                {
                    yield return term;
                }

                start = -1;
            }

            if (char.IsLetterOrDigit(c) && start < 0)
            {
                start = i;
            }
        }
    }

    private static string? Normalize(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxTermLength)
        {
            return null;
        }

        var term = word.ToString().ToLowerInvariant();
        if (StopWords.Contains(term))
        {
            return null;
        }

        // "issues" finds "issue" and the reverse; "ss" (access, address) is not a plural.
        return term.Length > 3 && term[^1] == 's' && term[^2] != 's' ? term[..^1] : term;
    }
}
