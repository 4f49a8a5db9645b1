using System.Text.Json;
using McpPlatform.Governance.Audit;

namespace McpPlatform.Governance.Tests.Audit;

public sealed class AuditChainTests
{
    [Fact]
    public void Hashed_fields_are_the_schema_order_without_the_hash()
    {
        Assert.Equal(
            ["AuditSchema", "ChainId", "Seq", "PrevHash", "Time", "Kind", "RequestId", "CorrelationId", "SessionId", "Method", "Subject",
                "ClientId", "Tool", "Access", "Decision", "Rule", "Arguments", "Outcome", "ResultBytes", "DurationMs", "Server",
                "ServerVersion", "ManifestHash", "ParentId", "Error", "Code", "CodeSha256"],
            AuditFields.Hashed);
        Assert.DoesNotContain(AuditFields.Hash, AuditFields.Hashed);
        Assert.Equal(new string('0', 64), AuditChain.GenesisHash);
    }

    [Fact]
    public void Hash_is_sha256_of_the_canonical_array()
    {
        var fields = new Dictionary<string, object?> { [AuditFields.AuditSchema] = AuditFields.UnkeyedSchemaVersion, [AuditFields.Seq] = 7L, [AuditFields.Arguments] = "é<" };
        var canonical = "[\"mcp-platform.audit/1\",null,7,null,null,null,null,null,null,null,null,null,null,null,null,null,\"\\u00E9\\u003C\",null,null,null,null,null,null,null,null]";

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, AuditChain.ComputeHash(fields));
    }

    [Fact]
    public void Earlier_keyed_hash_is_hmac_sha256_of_the_earlier_canonical_array_under_the_keys_utf8_bytes()
    {
        var fields = new Dictionary<string, object?> { [AuditFields.AuditSchema] = AuditFields.EarlierKeyedSchemaVersion, [AuditFields.Seq] = 7L, [AuditFields.Arguments] = "é<" };
        var canonical = "[\"mcp-platform.audit/2\",null,7,null,null,null,null,null,null,null,null,null,null,null,null,null,\"\\u00E9\\u003C\",null,null,null,null,null,null,null,null,null,null]";

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditTestKey.Secret), System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, AuditChain.ComputeHash(fields, AuditTestKey.Key));
        Assert.NotEqual(expected, AuditChain.ComputeHash(fields, AuditChainKey.FromSecret(AuditTestKey.Secret + "x")));
    }

    [Fact]
    public void Earlier_form_strings_escape_everything_but_plain_ascii()
    {
        var fields = new Dictionary<string, object?> { [AuditFields.AuditSchema] = AuditFields.UnkeyedSchemaVersion, [AuditFields.Arguments] = "{\"a\":\"x\\y\n\r\t\b\f\u0001<&>'+`é😀\"}" };
        var canonical = "[\"mcp-platform.audit/1\",null,null,null,null,null,null,null,null,null,null,null,null,null,null,null,"
            + "\"{\\u0022a\\u0022:\\u0022x\\\\y\\n\\r\\t\\b\\f\\u0001\\u003C\\u0026\\u003E\\u0027\\u002B\\u0060\\u00E9\\uD83D\\uDE00\\u0022}\","
            + "null,null,null,null,null,null,null,null]";

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, AuditChain.ComputeHash(fields));
    }

    [Fact]
    public void Current_keyed_hash_is_hmac_sha256_of_the_rfc_8785_array_with_raw_utf8_and_only_the_json_escapes()
    {
        var fields = new Dictionary<string, object?>
        {
            [AuditFields.AuditSchema] = AuditFields.SchemaVersion,
            [AuditFields.Seq] = 7L,
            [AuditFields.Arguments] = "{\"a\":\"x\\y\n\r\t\b\f\u0001\u001f<&>'+`é😀\"}",
        };
        var canonical = "[\"mcp-platform.audit/3\",null,7,null,null,null,null,null,null,null,null,null,null,null,null,null,"
            + "\"{\\\"a\\\":\\\"x\\\\y\\n\\r\\t\\b\\f\\u0001\\u001f<&>'+`é😀\\\"}\","
            + "null,null,null,null,null,null,null,null,null,null]";

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(AuditTestKey.Secret), System.Text.Encoding.UTF8.GetBytes(canonical)));

        Assert.Equal(expected, AuditChain.ComputeHash(fields, AuditTestKey.Key));
    }

    [Fact]
    public void Hash_of_fields_and_of_the_parsed_line_agree_however_the_line_escapes()
    {
        var fields = new AuditChainWriter().Next(f => f[AuditFields.Arguments] = "{\"q\":\"naïve <&> 😀\"}");
        var escaped = AuditClef.Line(fields);
        var relaxed = JsonSerializer.Serialize(fields, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.NotEqual(escaped, relaxed);

        using var first = JsonDocument.Parse(escaped);
        using var second = JsonDocument.Parse(relaxed);

        Assert.Equal(fields[AuditFields.Hash], AuditChain.ComputeHash(first.RootElement, AuditTestKey.Key));
        Assert.Equal(fields[AuditFields.Hash], AuditChain.ComputeHash(second.RootElement, AuditTestKey.Key));
    }

    [Fact]
    public void Absent_and_null_fields_hash_alike_and_other_properties_are_ignored()
    {
        var withNulls = new Dictionary<string, object?> { [AuditFields.Seq] = 1L, [AuditFields.Error] = null, [AuditFields.Hash] = "x", ["SourceContext"] = "Audit" };
        var without = new Dictionary<string, object?> { [AuditFields.Seq] = 1L };

        Assert.Equal(AuditChain.ComputeHash(without), AuditChain.ComputeHash(withNulls));
        Assert.Equal(AuditChain.ComputeHash(without), AuditChain.ComputeHash(new Dictionary<string, object?> { [AuditFields.Seq] = 1 }));
    }

    [Fact]
    public void A_number_and_the_same_digits_as_text_hash_differently()
    {
        Assert.NotEqual(
            AuditChain.ComputeHash(new Dictionary<string, object?> { [AuditFields.DurationMs] = 5L }),
            AuditChain.ComputeHash(new Dictionary<string, object?> { [AuditFields.DurationMs] = "5" }));
    }

    [Fact]
    public void Values_other_than_strings_integers_and_null_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => AuditChain.ComputeHash(new Dictionary<string, object?> { [AuditFields.Time] = DateTimeOffset.UtcNow }));
        Assert.Contains("'Time'", error.Message);

        using var document = JsonDocument.Parse("""{"DurationMs":1.5}""");
        Assert.Throws<FormatException>(() => AuditChain.ComputeHash(document.RootElement));
        using var array = JsonDocument.Parse("[]");
        Assert.Throws<ArgumentException>(() => AuditChain.ComputeHash(array.RootElement));
    }
}
