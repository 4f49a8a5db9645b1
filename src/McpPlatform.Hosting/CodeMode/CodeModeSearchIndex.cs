using System.Text.Json;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// What <c>codemode.search(query)</c> ranks: one inverted index over every tool of the catalog, whatever its origin
/// (generated, upstream, OpenAPI), built once. A tool's terms come from its name, HTTP method and path, tags,
/// summary and description, the argument names of its input schema and its TypeScript declaration, each field
/// weighted by how much it says about the tool (a name or a tag more than a word deep in a description). A query
/// is scored in the host, not in the sandbox, so a search over thousands of operations costs a few milliseconds and
/// the script receives only the best matches.
/// </summary>
internal sealed class CodeModeSearchIndex
{
    /// <summary>Results when the script does not say how many.</summary>
    public const int DefaultLimit = 10;

    /// <summary>The most results one query returns.</summary>
    public const int MaxLimit = 50;

    // BM25's saturation (k1): how fast repeats of a term within one field stop adding.
    private const float Saturation = 1.2f;

    // BM25's length normalisation (b): a field longer than the average of that field counts each occurrence for less.
    private const float LengthNormalisation = 0.75f;

    // Schema walks stop here: argument names deeper in a request body say little about the tool.
    private const int MaxSchemaDepth = 3;

    private readonly IReadOnlyList<CodeModeTool> _tools;
    private readonly Dictionary<string, (int Tool, float Weight)[]> _postings;
    private readonly string[] _summaries;

    /// <summary>
    /// Indexes <paramref name="tools"/> BM25F-style: each field (name, method, path, tags, tool set, summary,
    /// description, argument names, declaration) is scored on its own, its term counts saturated and normalised by the
    /// field's length against that field's average over all tools, then weighted by what the field says about the tool.
    /// So a description that repeats a word thirty times can never give more than one saturated description hit, and
    /// a long description counts each occurrence for less than a short one; a short tool whose name says the word wins.
    /// The per-term weight of a tool is computed here, so a query costs what it cost before (a lookup per term).
    /// </summary>
    public CodeModeSearchIndex(IReadOnlyList<CodeModeTool> tools)
    {
        _tools = tools;
        _summaries = new string[tools.Count];
        var fields = new List<Field>[tools.Count];
        var totalLength = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Count; i++)
        {
            var descriptor = tools[i].Descriptor;
            var description = descriptor.Description ?? string.Empty;
            var summary = description.Split('\n', 2)[0];
            _summaries[i] = string.Join(' ', SearchTerms.Of(summary));
            fields[i] =
            [
                Field.Of("name", 4f, SearchTerms.Of(tools[i].Name)),
                Field.Of("method", 2f, SearchTerms.Of(descriptor.Http?.Method)),
                Field.Of("path", 2f, SearchTerms.Of(descriptor.Http?.Path)),
                Field.Of("tags", 3f, (descriptor.Http?.Tags ?? []).SelectMany(SearchTerms.Of)),
                Field.Of("toolSet", 1f, SearchTerms.Of(descriptor.ToolSet)),
                Field.Of("summary", 3f, SearchTerms.Of(summary)),
                Field.Of("description", 1f, SearchTerms.Of(description)),
                Field.Of("arguments", 1f, SchemaNames(descriptor.InputSchema)),
                Field.Of("typescript", 0.5f, SearchTerms.Of(tools[i].TypeScript)),
            ];
            foreach (var field in fields[i])
            {
                totalLength[field.Name] = totalLength.GetValueOrDefault(field.Name) + field.Length;
            }
        }

        var postings = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Count; i++)
        {
            var weights = new Dictionary<string, float>(StringComparer.Ordinal);
            foreach (var field in fields[i])
            {
                var average = totalLength[field.Name] / tools.Count;
                var norm = average > 0 ? 1f - LengthNormalisation + (LengthNormalisation * field.Length / average) : 1f;
                foreach (var (term, count) in field.Counts)
                {
                    var gain = field.Weight * count * (Saturation + 1f) / (count + (Saturation * norm));
                    weights[term] = weights.GetValueOrDefault(term) + gain;
                }
            }

            foreach (var (term, weight) in weights)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((i, weight));
            }
        }

        _postings = postings.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The tools that best match <paramref name="query"/>, best first, among those <paramref name="allowed"/> (by
    /// position in the index's tool list); with no usable term, the first tools by name.
    /// </summary>
    public IReadOnlyList<CodeModeTool> Search(string query, int limit, Func<int, bool> allowed)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        var terms = SearchTerms.Of(query).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0)
        {
            return [.. Enumerable.Range(0, _tools.Count).Where(allowed).Take(limit).Select(i => _tools[i])];
        }

        var scores = new Dictionary<int, (float Score, int Matched)>();
        foreach (var term in terms)
        {
            if (!_postings.TryGetValue(term, out var list))
            {
                continue;
            }

            // Rare terms weigh more: "issue" says more than "repository" in GitHub's API.
            var idf = MathF.Log(1f + ((_tools.Count - list.Length + 0.5f) / (list.Length + 0.5f)));
            foreach (var (tool, weight) in list)
            {
                var gain = idf * weight;
                scores[tool] = scores.TryGetValue(tool, out var sofar) ? (sofar.Score + gain, sofar.Matched + 1) : (gain, 1);
            }
        }

        var phrase = string.Join(' ', terms);
        return [.. scores
            .Where(s => allowed(s.Key))
            .Select(s => (Tool: s.Key, Score: Ranked(s.Value.Score, s.Value.Matched, terms.Count, _summaries[s.Key] == phrase)))
            .OrderByDescending(s => s.Score)
            .ThenBy(s => _tools[s.Tool].RealName, StringComparer.Ordinal)
            .Take(limit)
            .Select(s => _tools[s.Tool])];
    }

    // A tool that matches every term of the query beats one that matches some of them more often; a summary
    // that says exactly what was asked ("Create an issue") wins outright.
    private static float Ranked(float score, int matched, int terms, bool summaryIsQuery)
    {
        var coverage = (float)matched / terms;
        return (score * coverage * coverage) + (summaryIsQuery ? 1000f : 0f);
    }

    // Argument names ("owner", "repo", "title") down to a few levels of the input schema.
    private static List<string> SchemaNames(string schema)
    {
        var names = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(schema);
            Walk(names, document.RootElement, 0);
        }
        catch (JsonException)
        {
            // A schema that is not JSON adds no terms.
        }

        return names;
    }

    private static void Walk(List<string> names, JsonElement schema, int depth)
    {
        if (depth > MaxSchemaDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                names.AddRange(SearchTerms.Of(property.Name));
                Walk(names, property.Value, depth + 1);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Walk(names, items, depth + 1);
        }
    }

    /// <summary>One field of one tool: its weight, its length in terms and how often each term occurs in it.</summary>
    private sealed record Field(string Name, float Weight, int Length, Dictionary<string, int> Counts)
    {
        public static Field Of(string name, float weight, IEnumerable<string> terms)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var length = 0;
            foreach (var term in terms)
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
                length++;
            }

            return new Field(name, weight, length, counts);
        }
    }
}
