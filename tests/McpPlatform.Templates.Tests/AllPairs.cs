namespace McpPlatform.Templates.Tests;

/// <summary>
/// A covering array of strength two: rows such that every pair of values of any two factors
/// appears in at least one row. Option bugs are almost always one option or the interplay of two
/// (a CI system with a deployment target, an identity provider with Code Mode); a full product
/// repeats those pairs many times over for minutes of `dotnet new` and `dotnet build`.
/// Greedy and deterministic: the candidate covering the most uncovered pairs wins, the first in
/// product order on ties, so a failing row names the same scaffold on every run.
/// </summary>
public static class AllPairs
{
    public static IReadOnlyList<int[]> Rows(IReadOnlyList<int> factorSizes)
    {
        var candidates = Product(factorSizes).ToList();
        var uncovered = new HashSet<(int, int, int, int)>(candidates.SelectMany(PairsOf));
        var rows = new List<int[]>();
        while (uncovered.Count > 0)
        {
            var best = candidates.MaxBy(row => PairsOf(row).Count(uncovered.Contains))!;
            uncovered.ExceptWith(PairsOf(best));
            rows.Add(best);
        }

        return rows;
    }

    /// <summary>Every (factor a, value of a, factor b, value of b) with a before b.</summary>
    public static IEnumerable<(int, int, int, int)> PairsOf(int[] row)
    {
        for (var a = 0; a < row.Length; a++)
        {
            for (var b = a + 1; b < row.Length; b++)
            {
                yield return (a, row[a], b, row[b]);
            }
        }
    }

    private static IEnumerable<int[]> Product(IReadOnlyList<int> sizes)
    {
        IEnumerable<int[]> rows = [[]];
        foreach (var size in sizes)
        {
            rows = rows.SelectMany(prefix => Enumerable.Range(0, size).Select(value => (int[])[.. prefix, value])).ToList();
        }

        return rows;
    }
}
