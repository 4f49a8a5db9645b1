namespace McpPlatform.Conformance.Fixture;

/// <summary>
/// A tool whose generated input schema shows the JSON Schema 2020-12 keywords the
/// json-schema-2020-12 scenario looks for: $schema, $defs (the Address record) and
/// additionalProperties: false.
/// </summary>
[McpToolSet("Schema", Description = "Generated JSON Schema 2020-12 input schemas.")]
public static class SchemaTools
{
    /// <summary>Tool with JSON Schema 2020-12 features.</summary>
    /// <param name="name">A person's name.</param>
    /// <param name="address">Where the person lives.</param>
    [McpTool("json_schema_2020_12_tool", Access = ToolAccess.Read, Idempotent = true)]
    public static string Describe(string? name = null, Address? address = null) =>
        $"name={name ?? "(none)"}, street={address?.Street ?? "(none)"}, city={address?.City ?? "(none)"}";
}

/// <summary>A postal address.</summary>
/// <param name="Street">Street and house number.</param>
/// <param name="City">City name.</param>
public sealed record Address(string? Street = null, string? City = null);
