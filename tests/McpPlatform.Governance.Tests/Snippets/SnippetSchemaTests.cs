using System.Text.Json;
using McpPlatform.Governance.Snippets;

namespace McpPlatform.Governance.Tests.Snippets;

/// <summary>
/// A snippet's whole input schema is checked on every call, each problem naming its JSON path; and every keyword the
/// check does not enforce is reported (the build refuses it as MCPB151), so a reviewed schema is what is enforced.
/// </summary>
public sealed class SnippetSchemaTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "filter": {
              "type": "object",
              "properties": {
                "labels": { "type": "array", "items": { "type": "string", "minLength": 2, "maxLength": 8 }, "minItems": 1, "maxItems": 3 },
                "state": { "enum": ["open", "closed"] },
                "key": { "type": "string", "pattern": "^[A-Z]+-[0-9]+$" }
              },
              "required": ["labels"],
              "additionalProperties": false
            },
            "limit": { "type": "integer", "minimum": 1, "maximum": 50 },
            "kind": { "const": "issue" }
          },
          "required": ["filter"],
          "additionalProperties": false
        }
        """;

    [Fact]
    public void Arguments_that_fit_the_whole_schema_have_no_problems()
    {
        Assert.Empty(Problems("""{ "filter": { "labels": ["ui", "bug"], "state": "open", "key": "MCP-12" }, "limit": 10, "kind": "issue" }"""));
    }

    [Fact]
    public void Each_problem_at_any_depth_names_its_json_path()
    {
        var problems = Problems("""{ "filter": { "labels": ["ui", "x", 7, "way-too-long"], "state": "gone", "key": "mcp-12", "extra": 1 }, "limit": 2.5, "kind": "pr" }""");

        Assert.Equal(
            [
                "$.filter.extra: is not an argument here (additionalProperties is false).",
                "$.filter.key: must match the pattern ^[A-Z]+-[0-9]+$.",
                "$.filter.labels: must have at most 3 items (has 4).",
                "$.filter.labels[1]: must be at least 2 characters long (is 1).",
                "$.filter.labels[2]: expected string, got a number.",
                "$.filter.labels[3]: must be at most 8 characters long (is 12).",
                "$.filter.state: must be one of [\"open\", \"closed\"].",
                "$.kind: must be \"issue\".",
                "$.limit: expected integer, got a number.",
            ],
            problems);
    }

    [Fact]
    public void Missing_required_properties_bounds_and_empty_arrays_are_reported()
    {
        Assert.Equal(["$.filter: is required."], Problems("{}"));
        Assert.Equal(["$.filter.labels: must have at least 1 items (has 0).", "$.limit: must be at most 50 (is 51)."], Problems("""{ "filter": { "labels": [] }, "limit": 51 }"""));
        Assert.Equal(["$.filter.labels: is required.", "$.limit: must be at least 1 (is 0)."], Problems("""{ "filter": {}, "limit": 0 }"""));
    }

    [Fact]
    public void Keywords_the_check_does_not_enforce_are_listed_with_their_path()
    {
        using var schema = JsonDocument.Parse("""
            {
              "type": "object",
              "description": "annotations are fine",
              "properties": {
                "when": { "type": "string", "format": "date-time", "title": "fine too" },
                "tags": { "type": "array", "items": { "oneOf": [{ "type": "string" }] }, "uniqueItems": true },
                "size": { "type": "integer", "minimum": "small" }
              }
            }
            """);

        var found = SnippetSchema.Unchecked(schema.RootElement).Select(u => (u.Path, u.Keyword)).ToArray();

        Assert.Equal([("$.when", "format"), ("$.tags[*]", "oneOf"), ("$.tags", "uniqueItems"), ("$.size", "minimum")], found);
    }

    private static IReadOnlyList<string> Problems(string arguments)
    {
        using var schema = JsonDocument.Parse(Schema);
        using var value = JsonDocument.Parse(arguments);
        return SnippetSchema.Check(schema.RootElement, value.RootElement);
    }
}
