using System.Text;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Cli.Manifest;

/// <summary>
/// HTML-escapes manifest text for the review page. Everything in a manifest is attacker-controllable (a poisoned
/// tool's description can hold markup), so every value goes through here; hidden characters (bidirectional
/// overrides, zero-width and tag characters) are shown as marked <c>\u{XXXX}</c> instead of being rendered.
/// </summary>
internal static class HtmlText
{
    public static string Escape(string text)
    {
        var html = new StringBuilder(text.Length + 16);
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                case '\n' or '\t': html.Append((char)rune.Value); break;
                default:
                    if (DisplayText.IsUnsafe(rune))
                    {
                        html.Append("<mark class=\"hidden-char\" title=\"hidden character\">\\u{").Append(rune.Value.ToString("x4", System.Globalization.CultureInfo.InvariantCulture)).Append("}</mark>");
                    }
                    else
                    {
                        html.Append(rune.ToString());
                    }

                    break;
            }
        }

        return html.ToString();
    }

    /// <summary>True when the page will show hidden characters in <paramref name="text"/> (beyond line breaks and tabs).</summary>
    public static bool HasHidden(string text) => text.EnumerateRunes().Any(r => r.Value is not ('\n' or '\t') && DisplayText.IsUnsafe(r));
}
