using System.Text;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>A small unified-style line diff (longest common subsequence) for snapshot failures.</summary>
internal static class LineDiff
{
    private const int Context = 2;
    private const int MaxLines = 60;

    /// <summary>Hunks headed "@@" of lines "-   12: expected", "+   12: actual" and "    12: same", with a little context around each change.</summary>
    public static string Describe(string expected, string actual)
    {
        var edits = Edits(expected.Split('\n'), actual.Split('\n'));
        var show = new bool[edits.Count];
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind != ' ')
            {
                for (var j = Math.Max(0, i - Context); j <= Math.Min(edits.Count - 1, i + Context); j++)
                {
                    show[j] = true;
                }
            }
        }

        var builder = new StringBuilder();
        var written = 0;
        for (var i = 0; i < edits.Count && written < MaxLines; i++)
        {
            if (!show[i])
            {
                continue;
            }

            if (i == 0 || !show[i - 1])
            {
                builder.Append("@@\n");
            }

            var edit = edits[i];
            builder.Append(edit.Kind).Append(' ').Append(edit.LineNumber.ToString().PadLeft(4)).Append(": ").Append(edit.Text).Append('\n');
            written++;
        }

        if (written == MaxLines)
        {
            builder.Append("... (more differences not shown)\n");
        }

        return builder.ToString();
    }

    private static List<(char Kind, int LineNumber, string Text)> Edits(string[] expected, string[] actual)
    {
        // lcs[i, j] = length of the longest common subsequence of expected[i..] and actual[j..].
        var lcs = new int[expected.Length + 1, actual.Length + 1];
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            for (var j = actual.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = expected[i] == actual[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var edits = new List<(char, int, string)>();
        int e = 0, a = 0;
        while (e < expected.Length || a < actual.Length)
        {
            if (e < expected.Length && a < actual.Length && expected[e] == actual[a])
            {
                edits.Add((' ', a + 1, actual[a]));
                e++;
                a++;
            }
            else if (a < actual.Length && (e == expected.Length || lcs[e, a + 1] > lcs[e + 1, a]))
            {
                edits.Add(('+', a + 1, actual[a]));
                a++;
            }
            else
            {
                edits.Add(('-', e + 1, expected[e]));
                e++;
            }
        }

        return edits;
    }
}
