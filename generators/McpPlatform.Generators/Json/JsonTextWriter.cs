using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace McpPlatform.Generators.Json
{
    /// <summary>
    /// Writes <see cref="JsonValue"/>s as the manifest contract specifies: canonically (RFC 8785, from the
    /// <see cref="JsonCanonicalization"/> source file the runtime compiles too) for hashes, and pretty
    /// (document order, numbers as written) for people.
    /// </summary>
    internal static class JsonTextWriter
    {
        /// <summary>The canonical (RFC 8785) form: what hashes are computed over.</summary>
        /// <exception cref="ArgumentException">A number is too large for a double (no canonical form).</exception>
        public static string Canonical(JsonValue value)
        {
            var builder = new StringBuilder();
            WriteCanonical(builder, value);
            return builder.ToString();
        }

        /// <summary>
        /// Two-space indentation and LF; the containers in <paramref name="expanded"/> get one member
        /// or item per line, every other container is written on one line as <c>{ "a": 1 }</c>.
        /// </summary>
        public static string Pretty(JsonValue value, ICollection<JsonValue> expanded)
        {
            var builder = new StringBuilder();
            WritePretty(builder, value, expanded, 0);
            return builder.ToString();
        }

        /// <summary>A JSON string literal: \" \\ \b \f \n \r \t, other controls as \u00xx, everything else raw.</summary>
        public static string Quote(string text)
        {
            var builder = new StringBuilder(text.Length + 2);
            AppendString(builder, text);
            return builder.ToString();
        }

        private static void WriteCanonical(StringBuilder builder, JsonValue value)
        {
            switch (value.Kind)
            {
                case JsonKind.Object:
                    builder.Append('{');
                    var first = true;
                    foreach (var member in value.Members.OrderBy(m => m.Key, JsonCanonicalization.NameOrder))
                    {
                        builder.Append(first ? string.Empty : ",");
                        AppendString(builder, member.Key);
                        builder.Append(':');
                        WriteCanonical(builder, member.Value);
                        first = false;
                    }

                    builder.Append('}');
                    break;
                case JsonKind.Array:
                    builder.Append('[');
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        builder.Append(i == 0 ? string.Empty : ",");
                        WriteCanonical(builder, value.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonKind.Literal when value.Text is not ("true" or "false" or "null"):
                    builder.Append(JsonCanonicalization.CanonicalNumber(value.Text!));
                    break;
                default:
                    WriteScalar(builder, value);
                    break;
            }
        }

        private static void WritePretty(StringBuilder builder, JsonValue value, ICollection<JsonValue> expanded, int indent)
        {
            var isObject = value.Kind == JsonKind.Object;
            if (value.Kind is not (JsonKind.Object or JsonKind.Array))
            {
                WriteScalar(builder, value);
                return;
            }

            var count = isObject ? value.Members.Count : value.Items.Count;
            builder.Append(isObject ? '{' : '[');
            if (count == 0)
            {
                builder.Append(isObject ? '}' : ']');
                return;
            }

            var multiline = expanded.Contains(value);
            for (var i = 0; i < count; i++)
            {
                builder.Append(i == 0 ? string.Empty : ",");
                if (multiline)
                {
                    builder.Append('\n').Append(' ', (indent + 1) * 2);
                }
                else
                {
                    builder.Append(' ');
                }

                if (isObject)
                {
                    AppendString(builder, value.Members[i].Key);
                    builder.Append(": ");
                    WritePretty(builder, value.Members[i].Value, expanded, indent + 1);
                }
                else
                {
                    WritePretty(builder, value.Items[i], expanded, indent + 1);
                }
            }

            if (multiline)
            {
                builder.Append('\n').Append(' ', indent * 2);
            }
            else
            {
                builder.Append(' ');
            }

            builder.Append(isObject ? '}' : ']');
        }

        private static void WriteScalar(StringBuilder builder, JsonValue value)
        {
            if (value.Kind == JsonKind.String)
            {
                AppendString(builder, value.Text!);
            }
            else
            {
                builder.Append(value.Text);
            }
        }

        private static void AppendString(StringBuilder builder, string text) => JsonCanonicalization.AppendString(builder, text);
    }
}
