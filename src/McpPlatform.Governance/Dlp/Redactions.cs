using System.Text;

namespace McpPlatform.Governance.Dlp;

/// <summary>
/// The confirmed matches of the rules in one value, found in its <see cref="NormalizedText"/>, and
/// the original text with each one replaced where it was written (invisible characters inside a
/// match, a full-width digit, a no-break space: all go with it).
/// </summary>
/// <remarks>
/// Every rule sees the same text, so rules that overlap (an e-mail inside a private key block) merge
/// into one replacement: that of the match that starts first.
/// </remarks>
internal sealed class Redactions
{
    private List<Span>? _spans; // most values match nothing: no list until one does

    public bool IsEmpty => _spans is null || _spans.Count == 0;

    /// <summary>Forgets the matches, to scan the next value.</summary>
    public void Clear() => _spans?.Clear();

    /// <summary>Adds a match of <see cref="NormalizedText.Text"/>; false when an earlier match already covers it.</summary>
    public bool Add(int start, int end, string replacement)
    {
        _spans ??= [];
        foreach (var span in _spans)
        {
            if (span.Start <= start && end <= span.End)
            {
                return false;
            }
        }

        _spans.Add(new Span(start, end, replacement));
        return true;
    }

    /// <summary>
    /// Where to cut the original text at or before <paramref name="cut"/> (an index in it) so that no
    /// match is cut in two: a match across the cut is left out whole.
    /// </summary>
    public int SafeCut(NormalizedText view, int cut)
    {
        foreach (var span in Merged(view))
        {
            if (span.Start < cut && span.End > cut)
            {
                return span.Start;
            }
        }

        return cut;
    }

    /// <summary>The first <paramref name="length"/> characters of <paramref name="original"/> with every match replaced.</summary>
    public string Apply(string original, NormalizedText view, int length)
    {
        var redacted = new StringBuilder(length);
        var copied = 0;
        foreach (var span in Merged(view))
        {
            if (span.Start >= length)
            {
                break;
            }

            redacted.Append(original, copied, span.Start - copied).Append(span.Replacement);
            copied = Math.Min(span.End, length);
        }

        return redacted.Append(original, copied, length - copied).ToString();
    }

    /// <summary>The matches in original-text positions, in order, overlapping ones merged.</summary>
    private List<Span> Merged(NormalizedText view)
    {
        var ordered = (_spans ?? [])
            .Select((s, order) => (Span: new Span(view.OriginalIndex(s.Start), view.OriginalIndex(s.End), s.Replacement), Order: order))
            .OrderBy(s => s.Span.Start).ThenBy(s => s.Order)
            .Select(s => s.Span);
        var merged = new List<Span>(_spans?.Count ?? 0);
        foreach (var span in ordered)
        {
            if (merged.Count > 0 && span.Start < merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }

    private readonly record struct Span(int Start, int End, string Replacement);
}
