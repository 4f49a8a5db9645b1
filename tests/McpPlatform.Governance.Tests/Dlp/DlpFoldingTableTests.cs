using System.Globalization;
using System.Reflection;
using System.Text;
using McpPlatform.Governance.Dlp;

namespace McpPlatform.Governance.Tests.Dlp;

/// <summary>
/// The NFKC folding table DLP carries (so it works without ICU, in invariant-globalization containers)
/// matches ICU's NFKC for every code point whose NFKC is ASCII. On a mismatch (a new Unicode version)
/// the test prints the whole table to paste into CompatibilityFolding.cs.
/// </summary>
public sealed class DlpFoldingTableTests
{
    [Fact]
    public void Folding_table_is_nfkc_for_every_code_point_that_maps_to_ascii()
    {
        Assert.True("\uFF21".Normalize(NormalizationForm.FormKC) == "A", "The test process has no ICU, so NFKC cannot be checked here.");

        var differences = new StringBuilder();
        var table = new List<(int From, int To, string Target)>();
        var fold = typeof(DlpEngine).Assembly.GetType("McpPlatform.Governance.Dlp.CompatibilityFolding")!
            .GetMethod("TryFold", BindingFlags.Public | BindingFlags.Static)!;
        for (var codePoint = 0x80; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = char.ConvertFromUtf32(codePoint);
            var nfkc = IsNormalizable(text) ? text.Normalize(NormalizationForm.FormKC) : text;
            var arguments = new object?[] { codePoint, null, null };
            var folded = (bool)fold.Invoke(null, arguments)! ? (string?)arguments[2] ?? ((char)arguments[1]!).ToString() : null;
            var maps = nfkc != text && nfkc.Length > 0 && nfkc.All(c => c < 0x80);
            if (maps != (folded is not null) || (maps && nfkc != folded))
            {
                differences.AppendLine(CultureInfo.InvariantCulture, $"U+{codePoint:X4}: NFKC '{(maps ? nfkc : "(not ASCII)")}', table '{folded ?? "(none)"}'");
            }

            if (maps)
            {
                Add(table, codePoint, nfkc);
            }
        }

        Assert.True(differences.Length == 0,
            "CompatibilityFolding differs from NFKC:" + Environment.NewLine + differences + "The table from NFKC:" + Environment.NewLine +
            string.Join(Environment.NewLine, table.Select(e => $"new(0x{e.From:X4}, 0x{e.To:X4}, \"{e.Target.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"),")));
    }

    // ICU refuses noncharacters (U+FFFE...): NFKC leaves them as they are.
    private static bool IsNormalizable(string text)
    {
        try
        {
            _ = text.IsNormalized(NormalizationForm.FormKC);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    // Consecutive code points that map to consecutive single characters share one entry.
    private static void Add(List<(int From, int To, string Target)> table, int codePoint, string target)
    {
        if (target.Length == 1 && table.Count > 0 && table[^1] is { Target.Length: 1 } last && last.To == codePoint - 1
            && last.Target[0] + (codePoint - last.From) == target[0])
        {
            table[^1] = last with { To = codePoint };
        }
        else
        {
            table.Add((codePoint, codePoint, target));
        }
    }
}
