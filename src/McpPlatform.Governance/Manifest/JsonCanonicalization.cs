// The RFC 8785 (JSON Canonicalization Scheme, JCS) primitives behind every hash the platform writes: the manifest
// hash, the input-schema hashes, the audit chain (mcp-platform.audit/3) and the tool-surface hash.
//
// ONE source file, compiled into two assemblies: the runtime (net10.0) and the source generator (netstandard2.0,
// linked from generators/McpPlatform.Generators/McpPlatform.Generators.csproj), so the hash the generator bakes
// into an assembly and the hash the CLI and server recompute cannot drift apart. Hence plain C# that compiles
// for netstandard2.0 (no spans, no ImplicitUsings) and a namespace chosen per assembly: a test project that sees
// the internals of both must be able to name each copy.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

#if MCP_PLATFORM_GENERATOR
namespace McpPlatform.Generators.Json
#else
namespace McpPlatform.Governance.Manifest
#endif
{
    /// <summary>
    /// RFC 8785 canonical JSON, piece by piece: member order (<see cref="NameOrder"/>), string escaping
    /// (<see cref="AppendString"/>) and the number form (<see cref="FormatNumber"/>, ECMAScript's Number-to-String).
    /// The writers that walk a whole value (one per JSON model) are built from these and nothing else.
    /// </summary>
    internal static class JsonCanonicalization
    {
        /// <summary>How the docs and error messages name this form.</summary>
        public const string FormName = "RFC 8785 (JCS)";

        /// <summary>
        /// Object members sorted by their names as arrays of UTF-16 code units (RFC 8785 section 3.2.3): ordinal
        /// comparison of .NET strings is exactly that, so a name outside the BMP sorts by its surrogates (U+D800..),
        /// below U+E000..U+FFFF.
        /// </summary>
        public static IComparer<string> NameOrder => StringComparer.Ordinal;

        /// <summary>
        /// Appends <paramref name="text"/> as a JSON string (RFC 8785 section 3.2.2.2): <c>\"</c>, <c>\\</c>,
        /// <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c>, any other character below U+0020 as
        /// <c>\u00xx</c> (lower-case hex), and everything else as it is (the caller encodes the result as UTF-8).
        /// </summary>
        public static void AppendString(StringBuilder builder, string text)
        {
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        /// <summary>
        /// The canonical form of a JSON number as written in a document (<c>1.0</c>, <c>1E2</c>, <c>-0</c>): read as
        /// an IEEE 754 double, then <see cref="FormatNumber"/>. So <c>1.0</c> becomes <c>1</c>, <c>1E2</c> becomes
        /// <c>100</c>, and an integer beyond 2^53 becomes the nearest double (9007199254740993 becomes 9007199254740992).
        /// </summary>
        /// <exception cref="ArgumentException">The text is not a number, or is too large for a double (such as <c>1e400</c>).</exception>
        public static string CanonicalNumber(string jsonNumber)
        {
            double value;
            try
            {
                value = double.Parse(jsonNumber, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is FormatException || e is OverflowException)
            {
                throw new ArgumentException($"The number {jsonNumber} is not an IEEE 754 double, so it has no {FormName} canonical form.", nameof(jsonNumber), e);
            }

            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException($"The number {jsonNumber} is too large for an IEEE 754 double, so it has no {FormName} canonical form.", nameof(jsonNumber));
            }

            return FormatNumber(value);
        }

        /// <summary>
        /// A double as ECMAScript's Number.prototype.toString writes it (RFC 8785 section 3.2.2.3): the shortest
        /// digits that read back as the same double; plain notation from 1e-6 up to (not including) 1e21, exponent
        /// notation outside (<c>1e+21</c>, <c>1e-7</c>); no <c>.0</c> on integers; <c>-0</c> as <c>0</c>.
        /// </summary>
        /// <exception cref="ArgumentException">NaN or an infinity: JSON has no form for them.</exception>
        public static string FormatNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException($"{value.ToString(CultureInfo.InvariantCulture)} is not a JSON number; {FormName} rejects NaN and the infinities.", nameof(value));
            }

            if (value == 0)
            {
                return "0"; // and -0
            }

            if (value < 0)
            {
                return "-" + FormatNumber(-value);
            }

            // Integers up to 2^53 are exact in a double, and their shortest digits are the integer's own.
            if (value <= 9007199254740992d && Math.Floor(value) == value)
            {
                return ((long)value).ToString(CultureInfo.InvariantCulture);
            }

            var (digits, exponent) = ShortestDigits(value);
            return Layout(digits, exponent);
        }

        /// <summary>
        /// The fewest significant decimal digits that read back as <paramref name="value"/> (positive, finite), and n
        /// such that value = 0.digits × 10^n. At each precision the "E" format rounds to the nearest, so the first
        /// precision that round-trips also gives the digits closest to the value, as ECMAScript requires.
        /// Not the fastest algorithm, but exact on every runtime the generator and the server run on.
        /// </summary>
        private static (string Digits, int Exponent) ShortestDigits(double value)
        {
            for (var precision = 1; precision <= 17; precision++)
            {
                var text = value.ToString("E" + (precision - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                if (double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) != value)
                {
                    continue;
                }

                var e = text.IndexOf('E');
                var digits = text.Substring(0, e).Replace(".", string.Empty).TrimEnd('0');
                var exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return (digits.Length == 0 ? "0" : digits, exponent + 1);
            }

            throw new InvalidOperationException($"No 17-digit form of {value.ToString("R", CultureInfo.InvariantCulture)} reads back as itself.");
        }

        /// <summary>ECMAScript's Number::toString steps 6 to 10 for digits s (k of them) and exponent n.</summary>
        private static string Layout(string s, int n)
        {
            var k = s.Length;
            if (k <= n && n <= 21)
            {
                return s + new string('0', n - k);
            }

            if (0 < n && n <= 21)
            {
                return s.Substring(0, n) + "." + s.Substring(n);
            }

            if (-6 < n && n <= 0)
            {
                return "0." + new string('0', -n) + s;
            }

            var e = n - 1;
            var exponent = (e < 0 ? "-" : "+") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
            return k == 1 ? s + "e" + exponent : s.Substring(0, 1) + "." + s.Substring(1) + "e" + exponent;
        }
    }
}
