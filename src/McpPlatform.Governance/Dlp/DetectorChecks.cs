using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace McpPlatform.Governance.Dlp;

/// <summary>The checks that confirm built-in detector candidates, so look-alike text is left alone.</summary>
internal static class DetectorChecks
{
    private const int MaxJwtHeaderChars = 4096;

    /// <summary>The registered IBAN length of each country.</summary>
    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HN"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26,
        ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20,
        ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24,
        ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25,
        ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20,
        ["YE"] = 30,
    };

    /// <summary>
    /// A card number: the longest prefix ending at a digit group boundary with 13–19 digits that
    /// passes the Luhn check (so a number followed by, say, an expiry year is still found).
    /// </summary>
    public static int CreditCard(Match candidate)
    {
        var text = candidate.ValueSpan;
        for (var end = text.Length; end > 0; end--)
        {
            var atBoundary = end == text.Length || IsSeparator(text[end]);
            if (atBoundary && char.IsAsciiDigit(text[end - 1]) && IsCardNumber(text[..end]))
            {
                return end;
            }
        }

        return 0;
    }

    private static bool IsCardNumber(ReadOnlySpan<char> text)
    {
        var digits = 0;
        var sum = 0;
        var allSame = true;
        for (var i = text.Length - 1; i >= 0; i--)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            var d = c - '0';
            if (digits % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            allSame &= c == text[^1];
            sum += d;
            digits++;
        }

        // A leading 1 is UATP, always 15 digits; this also keeps 13-digit millisecond timestamps out.
        // One dot makes a decimal number (2.718281828459045), not a card written with dots.
        if (digits is < 13 or > 19 || allSame || (text[0] == '1' && digits != 15) || text.Count('.') == 1)
        {
            return false;
        }

        return sum % 10 == 0;
    }

    /// <summary>An IBAN: the country's registered length (taken from the candidate's start) passing mod 97.</summary>
    public static int Iban(Match candidate)
    {
        var text = candidate.ValueSpan;
        var compact = 0;
        Span<char> chars = stackalloc char[34];
        var expected = IbanLengths.TryGetValue(candidate.Value[..2], out var length) ? length : 0;
        var end = 0;
        for (; end < text.Length; end++)
        {
            if (IsSeparator(text[end]))
            {
                continue;
            }

            if (compact == chars.Length || (expected > 0 && compact == expected))
            {
                break;
            }

            chars[compact++] = text[end];
        }

        if ((expected > 0 && compact != expected) || compact is < 15 or > 34)
        {
            return 0;
        }

        // Trailing separators are not part of the IBAN.
        while (end > 0 && IsSeparator(text[end - 1]))
        {
            end--;
        }

        return Mod97(chars[..compact]) == 1 ? end : 0;
    }

    /// <summary>What may stand between the digit groups of a card number or IBAN (in normalised text).</summary>
    private static bool IsSeparator(char c) => c is ' ' or '\t' or '.' or '-';

    private static int Mod97(ReadOnlySpan<char> iban)
    {
        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
        }

        return remainder;
    }

    /// <summary>A JWT: the first segment decodes (base64url) to a JSON object with a string <c>alg</c>.</summary>
    public static int Jwt(Match candidate)
    {
        var text = candidate.ValueSpan;
        var header = text[..text.IndexOf('.')];
        if (header.Length > MaxJwtHeaderChars || !Base64Url.IsValid(header, out var decodedLength))
        {
            return 0;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(decodedLength);
        try
        {
            if (!Base64Url.TryDecodeFromChars(header, bytes, out var written))
            {
                return 0;
            }

            using var document = JsonDocument.Parse(bytes.AsMemory(0, written));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("alg", out var alg)
                && alg.ValueKind == JsonValueKind.String
                ? candidate.Length
                : 0;
        }
        catch (JsonException)
        {
            return 0;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// An API key: the fixed-prefix formats as found; OpenAI keys and bearer tokens only when the
    /// token mixes letters and digits like a generated secret (so <c>sk-some-long-kebab-name</c> and
    /// prose after "Bearer" are left alone).
    /// </summary>
    public static int ApiKey(Match candidate)
    {
        var openAi = candidate.Groups["openai"];
        if (openAi.Success)
        {
            return LooksGenerated(openAi.ValueSpan, requireMixedCase: true) ? candidate.Length : 0;
        }

        var bearer = candidate.Groups["bearer"];
        if (bearer.Success)
        {
            return LooksGenerated(bearer.ValueSpan, requireMixedCase: false) ? candidate.Length : 0;
        }

        return candidate.Length;
    }

    private static bool LooksGenerated(ReadOnlySpan<char> token, bool requireMixedCase)
    {
        bool digit = false, upper = false, lower = false;
        foreach (var c in token)
        {
            digit |= char.IsAsciiDigit(c);
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
        }

        return digit && (requireMixedCase ? upper && lower : upper || lower);
    }
}
