using System.Text;
using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Resources;

/// <summary>
/// An RFC 6570 level 1 URI template (<c>tickets://{project}/{id}</c>): matches a URI and yields
/// its variables. A variable matches one or more characters other than <c>/ ? #</c>, unescaped.
/// </summary>
/// <remarks>
/// Matching has a time limit (<see cref="MatchTimeout"/>): adjacent variables can make the matcher
/// try every split of a long URI. Running out of time is not "no match": <see cref="Match"/> throws,
/// so a caller cannot mistake a URI it could not decide for one that belongs to another resource.
/// </remarks>
public sealed class UriTemplate
{
    /// <summary>How long one match may take.</summary>
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private readonly Regex _pattern;

    /// <summary>Parses <paramref name="template"/>.</summary>
    /// <exception cref="ArgumentException">The template has an unclosed, empty or repeated variable.</exception>
    public UriTemplate(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        Template = template;
        var variables = new List<string>();
        var pattern = new StringBuilder("^");
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            if (open < 0)
            {
                pattern.Append(Regex.Escape(template[position..]));
                break;
            }

            var close = template.IndexOf('}', open);
            var name = close < 0 ? "" : template[(open + 1)..close];
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') || variables.Contains(name))
            {
                throw new ArgumentException($"URI template '{template}' has an invalid variable at position {open}: use {{name}} with letters, digits and '_', each name once.", nameof(template));
            }

            pattern.Append(Regex.Escape(template[position..open])).Append("(?<").Append(name).Append(">[^/?#]+)");
            variables.Add(name);
            position = close + 1;
        }

        Variables = variables;
        LiteralLength = template.Length - variables.Sum(v => v.Length + 2);
        _pattern = new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
    }

    /// <summary>The template text.</summary>
    public string Template { get; }

    /// <summary>The variable names, in order.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>How many characters of the template are literal text (not variables): more is more specific.</summary>
    internal int LiteralLength { get; }

    /// <summary>The variables of <paramref name="uri"/>, or null when it does not match the template.</summary>
    /// <exception cref="RegexMatchTimeoutException">The match took longer than <see cref="MatchTimeout"/>: undecided, not "no match".</exception>
    public IReadOnlyDictionary<string, string>? Match(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var match = _pattern.Match(uri);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(Variables.Count, StringComparer.Ordinal);
        foreach (var name in Variables)
        {
            values[name] = Uri.UnescapeDataString(match.Groups[name].Value);
        }

        return values;
    }
}
