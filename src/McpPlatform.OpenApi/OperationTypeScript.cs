using System.Text;
using System.Text.Json.Nodes;

namespace McpPlatform.OpenApi;

/// <summary>
/// An operation's Code Mode declaration, in the form the source generator writes for generated tools: JSDoc from
/// the description and the arguments' descriptions, then <c>name(args: { ... }): Promise&lt;Result&gt;;</c> with the
/// argument and result types from the operation's input and output schemas (<see cref="SchemaTypeScript"/>).
/// Every part has a budget, so one declaration stays under <see cref="MaxLength"/> characters however large the
/// document's schemas are (GitHub's largest response schema is over 400 KB of JSON).
/// </summary>
public static class OperationTypeScript
{
    /// <summary>
    /// The budget of one declaration's doc comment, arguments and result together. Arguments past their share are
    /// written as their bare type, so only an operation with hundreds of parameters could pass it.
    /// </summary>
    public const int MaxLength = 6_000;

    private const int DocBudget = 1_600;
    private const int ArgumentsBudget = 2_400;
    private const int ResultBudget = 1_200;
    private const int MinArgumentBudget = 120;
    private const int MaxParameterDocLength = 160;
    private const int BareTypeBudget = 24;

    /// <summary>The declaration of <paramref name="operation"/> as the Code Mode function <paramref name="functionName"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="functionName">The JavaScript identifier the script calls (<c>github_issues_create</c>).</param>
    public static string Declaration(ApiOperation operation, string functionName)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var input = JsonNode.Parse(operation.InputSchema) as JsonObject ?? [];
        var properties = input["properties"] as JsonObject ?? [];
        var required = input["required"] is JsonArray list
            ? list.Select(r => r?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];

        var text = new StringBuilder();
        AppendDoc(text, operation, properties);
        text.Append(functionName).Append('(');
        if (properties.Count > 0)
        {
            // Each argument gets its share of the budget, so one huge body cannot crowd out the path parameters.
            var share = Math.Max(MinArgumentBudget, ArgumentsBudget / properties.Count);
            var members = Members(properties, required, share);
            if (members.Sum(m => m.Length + 2) > ArgumentsBudget)
            {
                members = Members(properties, required, BareTypeBudget);
            }

            text.Append(required.Count == 0 ? "args?: { " : "args: { ").AppendJoin("; ", members).Append(" }");
        }

        var output = operation.OutputSchema is null ? null : JsonNode.Parse(operation.OutputSchema);
        text.Append("): Promise<").Append(output is null ? "unknown" : SchemaTypeScript.Write(output, ResultBudget)).Append(">;");
        return text.ToString();
    }

    private static List<string> Members(JsonObject properties, HashSet<string> required, int budget) =>
        [.. properties.Select(p => SchemaTypeScript.Key(p.Key) + (required.Contains(p.Key) ? ": " : "?: ") + SchemaTypeScript.Write(p.Value, budget, "object"))];

    // "/** summary ... @param args.x why */" like the generator's, with "METHOD path" so a search on either finds it.
    private static void AppendDoc(StringBuilder text, ApiOperation operation, JsonObject properties)
    {
        var lines = new List<string> { Cap(Clean(operation.Description), DocBudget / 2), Cap($"{operation.Method} {operation.Path}", 200) };
        var budget = DocBudget - lines.Sum(l => l.Length + 4);
        foreach (var (name, schema) in properties)
        {
            if (schema is JsonObject described && described["description"] is JsonValue value && value.TryGetValue<string>(out var description)
                && !string.IsNullOrWhiteSpace(description))
            {
                var line = Cap("@param args." + name + " " + Clean(description), MaxParameterDocLength);
                if ((budget -= line.Length + 4) < 0)
                {
                    break;
                }

                lines.Add(line);
            }
        }

        text.Append("/** ").Append(string.Join("\n * ", lines).Replace("\n * \n", "\n *\n", StringComparison.Ordinal)).Append(" */\n");
    }

    private static string Cap(string text, int length)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= length ? trimmed : trimmed[..(length - 1)].TrimEnd() + "…";
    }

    /// <summary>One JSDoc entry: inner line breaks continue the comment, and "*/" cannot end it early.</summary>
    private static string Clean(string text) =>
        string.Join("\n * ", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()))
            .Replace("*/", "*\\/", StringComparison.Ordinal);
}
