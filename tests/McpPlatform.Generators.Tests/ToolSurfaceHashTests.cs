using System.Security.Cryptography;
using System.Text;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// The tool-surface hash (in audit records of a server without a compiled manifest) is the RFC 8785 hash of
/// the documented array (docs/canonical-json.md), so a reviewer can recompute it; schema formatting does not matter.
/// </summary>
public sealed class ToolSurfaceHashTests
{
    [Fact]
    public void The_hash_is_sha256_of_the_rfc_8785_form_of_the_tools_array()
    {
        var catalog = Catalog(
            Tool("lookup", ToolAccess.Read, "Finds a ticket — «quoted».", """{ "type": "object", "properties": { "key": { "type": "string", "maxLength": 1.0E1 } } }""", output: null),
            Tool("close", ToolAccess.Write, "Closes it.", """{"type":"object"}""", output: """{"type":"object","properties":{}}"""));
        // Tools in name order (ordinal), as the catalog holds them.
        const string canonical = "[{\"access\":\"write\",\"description\":\"Closes it.\",\"inputSchema\":{\"type\":\"object\"},\"name\":\"close\",\"outputSchema\":{\"properties\":{},\"type\":\"object\"}},"
            + "{\"access\":\"read\",\"description\":\"Finds a ticket — «quoted».\",\"inputSchema\":{\"properties\":{\"key\":{\"maxLength\":10,\"type\":\"string\"}},\"type\":\"object\"},\"name\":\"lookup\"}]";

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), ToolSurfaceHash.Compute(catalog));
    }

    [Fact]
    public void Schema_whitespace_and_member_order_do_not_change_it_but_a_description_does()
    {
        var one = Catalog(Tool("lookup", ToolAccess.Read, "Finds.", """{"type":"object","required":["key"]}""", output: null));
        var two = Catalog(Tool("lookup", ToolAccess.Read, "Finds.", """{ "required" : [ "key" ], "type" : "object" }""", output: null));
        var three = Catalog(Tool("lookup", ToolAccess.Read, "Finds all.", """{"type":"object","required":["key"]}""", output: null));

        Assert.Equal(ToolSurfaceHash.Compute(one), ToolSurfaceHash.Compute(two));
        Assert.NotEqual(ToolSurfaceHash.Compute(one), ToolSurfaceHash.Compute(three));
    }

    private static ToolDescriptorSet Catalog(params McpToolDescriptor[] tools) => new(tools);

    private static McpToolDescriptor Tool(string name, ToolAccess access, string description, string input, string? output) => new()
    {
        Name = name,
        Description = description,
        Access = access,
        ToolSet = string.Empty,
        InputSchema = input,
        OutputSchema = output,
    };
}
