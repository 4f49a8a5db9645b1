using System.Text;
using System.Text.Json;
using GeneratorJcs = McpPlatform.Generators.Json.JsonCanonicalization;
using GeneratorReader = McpPlatform.Generators.Json.LenientJsonReader;
using GeneratorWriter = McpPlatform.Generators.Json.JsonTextWriter;
using RuntimeCanonicalJson = McpPlatform.Governance.Manifest.CanonicalJson;
using RuntimeJcs = McpPlatform.Governance.Manifest.JsonCanonicalization;

namespace McpPlatform.Generators.Tests;

/// <summary>
/// RFC 8785 (JCS) test vectors, run over both compilations of the one canonicalization source file: the source
/// generator's (netstandard2.0, which bakes hashes into assemblies) and the runtime's (net10.0, which the CLI and
/// server verify with). Both must give the RFC's bytes, and the same bytes for any document.
/// </summary>
public sealed class CanonicalJsonVectorTests
{
    /// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and their JSON form (ECMAScript's Number-to-String).</summary>
    public static TheoryData<string, string> NumberTable => new()
    {
        { "0000000000000000", "0" },
        { "8000000000000000", "0" },
        { "0000000000000001", "5e-324" },
        { "8000000000000001", "-5e-324" },
        { "7fefffffffffffff", "1.7976931348623157e+308" },
        { "ffefffffffffffff", "-1.7976931348623157e+308" },
        { "4340000000000000", "9007199254740992" },
        { "c340000000000000", "-9007199254740992" },
        { "4430000000000000", "295147905179352830000" },
        { "44b52d02c7e14af5", "9.999999999999997e+22" },
        { "44b52d02c7e14af6", "1e+23" },
        { "44b52d02c7e14af7", "1.0000000000000001e+23" },
        { "444b1ae4d6e2ef4e", "999999999999999700000" },
        { "444b1ae4d6e2ef4f", "999999999999999900000" },
        { "444b1ae4d6e2ef50", "1e+21" },
        { "3eb0c6f7a0b5ed8c", "9.999999999999997e-7" },
        { "3eb0c6f7a0b5ed8d", "0.000001" },
        { "41b3de4355555553", "333333333.3333332" },
        { "41b3de4355555554", "333333333.33333325" },
        { "41b3de4355555555", "333333333.3333333" },
        { "41b3de4355555556", "333333333.3333334" },
        { "41b3de4355555557", "333333333.33333343" },
        { "becbf647612f3696", "-0.0000033333333333333333" },
        { "43143ff3c1cb0959", "1424953923781206.2" },
    };

    /// <summary>Documents both writers must turn into the same bytes (strings, names, numbers, nesting).</summary>
    public static TheoryData<string> Corpus => new()
    {
        """{"b":[1.0,1E2,-0,0.1,1e21,1e-7,123456789012345678901234567890,5e-324],"a":{"y":null,"x":[true,false]},"":""}""",
        """{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Dalet","1":"One","\ud83d\ude00":"Emoji","\u0080":"Control","\u00f6":"o"}""",
        """["q\" b\\ \b\f\n\r\t \u0001\u001F \/ \u007f \u00E9 \u2028 <&>'+`", "\ud83d\ude00", "plain"]""",
        """{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"nested":[[[{}]],[]],"neg":-1.5e-7}""",
        """{"maxRequestBodyBytes":9007199254740993,"z":0.000001,"y":0.0000001,"x":100000000000000000000,"w":1e20}""",
    };

    [Theory]
    [MemberData(nameof(NumberTable))]
    public void Numbers_follow_the_rfc_8785_table_in_both_compilations(string ieee754, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(Convert.ToInt64(ieee754, 16));

        Assert.Equal(expected, GeneratorJcs.FormatNumber(value));
        Assert.Equal(expected, RuntimeJcs.FormatNumber(value));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_the_infinities_have_no_form(double value)
    {
        Assert.Throws<ArgumentException>(() => GeneratorJcs.FormatNumber(value));
        Assert.Throws<ArgumentException>(() => RuntimeJcs.FormatNumber(value));
    }

    [Fact]
    public void A_number_too_large_for_a_double_is_refused_with_a_message_naming_it()
    {
        using var document = JsonDocument.Parse("""{"limit":1e400}""");

        var runtime = Assert.Throws<ArgumentException>(() => RuntimeCanonicalJson.Sha256(document.RootElement));
        var generator = Assert.Throws<ArgumentException>(() => GeneratorWriter.Canonical(GeneratorReader.Parse("""{"limit":1e400}""")));

        Assert.Contains("The number 1e400 is too large for an IEEE 754 double, so it has no RFC 8785 (JCS) canonical form.", runtime.Message);
        Assert.Equal(runtime.Message, generator.Message);
    }

    [Fact]
    public void The_rfc_sample_object_canonicalizes_to_the_rfc_bytes()
    {
        // RFC 8785 section 3.2.2 (input) and 3.2.3 (output).
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";

        Assert.Equal(expected, Runtime(input));
        Assert.Equal(expected, Generator(input));
    }

    [Fact]
    public void Members_sort_by_utf16_code_units_so_a_non_bmp_name_sorts_by_its_surrogates()
    {
        // RFC 8785 section 3.2.3: U+1F600 (surrogates D83D DE00) sorts after U+20AC and before U+FB33.
        const string input = """{"\u20ac":"Euro Sign","\r":"Carriage Return","\ufb33":"Hebrew Letter Dalet With Dagesh","1":"One","\ud83d\ude00":"Emoji: Grinning Face","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis"}""";
        const string expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\U0001F600\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";

        Assert.Equal(expected, Runtime(input));
        Assert.Equal(expected, Generator(input));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_generator_and_the_runtime_write_the_same_bytes(string json)
    {
        var generator = Encoding.UTF8.GetBytes(Generator(json));

        using var document = JsonDocument.Parse(json);
        Assert.Equal(RuntimeCanonicalJson.ToUtf8Bytes(document.RootElement), generator);
    }

    private static string Runtime(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RuntimeCanonicalJson.ToCanonicalString(document.RootElement);
    }

    private static string Generator(string json) => GeneratorWriter.Canonical(GeneratorReader.Parse(json));
}
