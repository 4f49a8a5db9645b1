using System;
using System.Collections.Generic;

namespace McpPlatform.Generators.Json
{
    /// <summary>What a <see cref="JsonValue"/> holds.</summary>
    internal enum JsonKind
    {
        Object,
        Array,
        String,
        /// <summary>A number, true, false or null, kept as written so hashes use the source text.</summary>
        Literal,
    }

    /// <summary>
    /// A parsed or built JSON value that keeps member order and the exact text of numbers, so the
    /// manifest can be written both in document order (pretty) and canonically (for hashes).
    /// </summary>
    internal sealed class JsonValue
    {
        private JsonValue(JsonKind kind, string? text, List<KeyValuePair<string, JsonValue>>? members, List<JsonValue>? items)
        {
            Kind = kind;
            Text = text;
            Members = members ?? new List<KeyValuePair<string, JsonValue>>();
            Items = items ?? new List<JsonValue>();
        }

        public JsonKind Kind { get; }

        /// <summary>Where the value starts in the text it was read from (0 for built values).</summary>
        public int Position { get; set; }

        /// <summary>The string value, or the literal's source text.</summary>
        public string? Text { get; }

        /// <summary>Object members in document order.</summary>
        public List<KeyValuePair<string, JsonValue>> Members { get; }

        /// <summary>Array items in document order.</summary>
        public List<JsonValue> Items { get; }

        public static JsonValue Object() => new(JsonKind.Object, null, new List<KeyValuePair<string, JsonValue>>(), null);

        public static JsonValue Array(IEnumerable<JsonValue> items) => new(JsonKind.Array, null, null, new List<JsonValue>(items));

        public static JsonValue String(string value) => new(JsonKind.String, value, null, null);

        public static JsonValue Literal(string text) => new(JsonKind.Literal, text, null, null);

        public static JsonValue Bool(bool value) => Literal(value ? "true" : "false");

        public static JsonValue Strings(IEnumerable<string> values)
        {
            var items = new List<JsonValue>();
            foreach (var value in values)
            {
                items.Add(String(value));
            }

            return new JsonValue(JsonKind.Array, null, null, items);
        }

        /// <summary>Appends a member (objects only); returns this object for chaining.</summary>
        public JsonValue Add(string name, JsonValue value)
        {
            Members.Add(new KeyValuePair<string, JsonValue>(name, value));
            return this;
        }

        /// <summary>The last member with this name, compared ignoring case as .NET configuration keys are.</summary>
        public JsonValue? Get(string name)
        {
            JsonValue? found = null;
            foreach (var member in Members)
            {
                if (string.Equals(member.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    found = member.Value;
                }
            }

            return found;
        }
    }
}
