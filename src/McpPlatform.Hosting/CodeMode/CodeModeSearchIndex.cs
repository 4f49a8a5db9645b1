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

    // How often a term may count within one tool before more repeats stop adding (BM25's saturation).
    private const float Saturation = 2f;

    // Schema walks stop here: argument names deeper in a request body say little about the tool.
    private const int MaxSchemaDepth = 3;

    private readonly IReadOnlyList<CodeModeTool> _tools;
    private readonly Dictionary<string, (int Tool, float Weight)[]> _postings;
    private readonly string[] _summaries;

    public CodeModeSearchIndex(IReadOnlyList<CodeModeTool> tools)
    {
        _tools = tools;
        _summaries = new string[tools.Count];
        var postings = new Dictionary<string, List<(int, float)>>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Count; i++)
        {
            var weights = new Dictionary<string, float>(StringComparer.Ordinal);
            var descriptor = tools[i].Descriptor;
            var description = descriptor.Description ?? string.Empty;
            var summary = description.Split('\n', 2)[0];
            _summaries[i] = string.Join(' ', SearchTerms.Of(summary));
            Add(weights, tools[i].Name, 4f);
            Add(weights, descriptor.Http?.Method, 2f);
            Add(weights, descriptor.Http?.Path, 2f);
            foreach (var tag in descriptor.Http?.Tags ?? [])
            {
                Add(weights, tag, 3f);
            }

            Add(weights, descriptor.ToolSet, 1f);
            Add(weights, summary, 3f);
            Add(weights, description, 1f);
            AddSchemaNames(weights, descriptor.InputSchema);
            Add(weights, tools[i].TypeScript, 0.5f);
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
                var gain = idf * weight * (Saturation + 1f) / (weight + Saturation);
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

    private static void Add(Dictionary<string, float> weights, string? text, float weight)
    {
        foreach (var term in SearchTerms.Of(text))
        {
            weights[term] = weights.TryGetValue(term, out var sofar) ? sofar + weight : weight;
        }
    }

    // Argument names ("owner", "repo", "title") down to a few levels of the input schema.
    private static void AddSchemaNames(Dictionary<string, float> weights, string schema)
    {
        try
        {
            using var document = JsonDocument.Parse(schema);
            Walk(weights, document.RootElement, 0);
        }
        catch (JsonException)
        {
            // A schema that is not JSON adds no terms.
        }
    }

    private static void Walk(Dictionary<string, float> weights, JsonElement schema, int depth)
    {
        if (depth > MaxSchemaDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                Add(weights, property.Name, 1f);
                Walk(weights, property.Value, depth + 1);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            Walk(weights, items, depth + 1);
        }
    }
}
