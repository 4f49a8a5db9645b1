using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Governance.Tests.Manifest;

public sealed class CanonicalJsonTests
{
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return CanonicalJson.ToCanonicalString(document.RootElement);
    }

    [Fact]
    public void Members_are_sorted_by_ordinal_utf16_code_units_and_whitespace_is_dropped()
    {
        // U+1F600 is the surrogate pair D83D DE00, which sorts before U+FF61 by UTF-16 code unit (not by code point).
        var json = "{ \"b\": 1, \"a\": { \"z\": [ 3, 2, 1 ], \"y\": {} }, \"B\": 2, \"\u00e9\": 3, \"\uff61\": 4, \"\U0001F600\": 5, \"\": 6 }";

        Assert.Equal("{\"\":6,\"B\":2,\"a\":{\"y\":{},\"z\":[3,2,1]},\"b\":1,\"\u00e9\":3,\"\U0001F600\":5,\"\uff61\":4}", Canonical(json));
    }

    [Fact]
    public void Strings_use_the_short_escapes_lowercase_u00xx_below_space_and_raw_characters_otherwise()
    {
        var json = "[\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001F \\/ \\u007f \\u00E9 \\u2028 <&>'\"]";

        Assert.Equal("[\"q\\\" b\\\\ \\b\\f\\n\\r\\t \\u0001\\u001f / \u007f \u00e9 \u2028 <&>'\"]", Canonical(json));
    }

    [Fact]
    public void Non_ascii_text_is_written_as_raw_utf8_whether_or_not_the_source_escaped_it()
    {
        using var escaped = JsonDocument.Parse("\"\\u00e9\\u4e2d\\ud83d\\ude00\"");
        using var raw = JsonDocument.Parse("\"\u00e9\u4e2d\U0001F600\"");

        var bytes = CanonicalJson.ToUtf8Bytes(escaped.RootElement);

        Assert.Equal(Encoding.UTF8.GetBytes("\"\u00e9\u4e2d\U0001F600\""), bytes);
        Assert.Equal(bytes, CanonicalJson.ToUtf8Bytes(raw.RootElement));
    }

    [Fact]
    public void Numbers_take_the_rfc_8785_form_whatever_their_source_text_and_literals_stay()
    {
        var json = "[1.0, 1e3, -0, 1E+2, 12345678901234567890123, 0.10, -1.5e-7, 1e21, 1e-6, 9007199254740993, true, false, null]";

        Assert.Equal("[1,1000,0,100,1.2345678901234568e+22,0.1,-1.5e-7,1e+21,0.000001,9007199254740992,true,false,null]", Canonical(json));
    }

    [Fact]
    public void Sha256_is_the_prefixed_lowercase_hex_hash_of_the_canonical_bytes()
    {
        using var document = JsonDocument.Parse("{ \"b\": \"\u00e9\", \"a\": [1, 2.50] }");
        var expected = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("{\"a\":[1,2.5],\"b\":\"\u00e9\"}")));

        Assert.Equal(expected, CanonicalJson.Sha256(document.RootElement));
        Assert.True(CanonicalJson.IsHash(expected));
    }

    [Fact]
    public void Formatting_and_member_order_do_not_change_the_hash_but_array_order_does()
    {
        using var one = JsonDocument.Parse("{\"a\":1,\"b\":[1,2]}");
        using var two = JsonDocument.Parse("{\n  \"b\" : [ 1 , 2 ],\n  \"a\" : 1\n}");
        using var three = JsonDocument.Parse("{\"a\":1,\"b\":[2,1]}");

        Assert.Equal(CanonicalJson.Sha256(one.RootElement), CanonicalJson.Sha256(two.RootElement));
        Assert.NotEqual(CanonicalJson.Sha256(one.RootElement), CanonicalJson.Sha256(three.RootElement));
    }

    [Fact]
    public void A_lone_surrogate_has_no_canonical_form()
    {
        using var document = JsonDocument.Parse("[\"\\ud800\"]");

        var error = Assert.Throws<ArgumentException>(() => CanonicalJson.Sha256(document.RootElement));
        Assert.Contains("lone surrogate", error.Message);
    }

    [Fact]
    public void The_manifest_hash_leaves_out_only_the_top_level_hash_member()
    {
        using var withHash = JsonDocument.Parse("{\"x\":{\"hash\":1},\"hash\":\"sha256:whatever\"}");
        using var without = JsonDocument.Parse("{\"x\":{\"hash\":1}}");

        Assert.Equal(CanonicalJson.Sha256(without.RootElement), ManifestDocument.ComputeHash(withHash.RootElement));
    }
}
