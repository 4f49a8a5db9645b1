using System.Text;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Tool and JSON names: snake_case defaults and the MCP tool-name rules.</summary>
    internal static class ToolNaming
    {
        /// <summary>GetIssueAsync -> get_issue; GetHTTPStatus -> get_http_status.</summary>
        public static string ToSnakeCase(string methodName)
        {
            var name = methodName.EndsWith("Async", System.StringComparison.Ordinal) && methodName.Length > 5
                ? methodName.Substring(0, methodName.Length - 5)
                : methodName;
            var builder = new StringBuilder(name.Length + 8);
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (char.IsUpper(c))
                {
                    var previousIsLowerOrDigit = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                    var acronymEnds = i > 0 && char.IsUpper(name[i - 1]) && i + 1 < name.Length && char.IsLower(name[i + 1]);
                    if (builder.Length > 0 && builder[builder.Length - 1] != '_' && (previousIsLowerOrDigit || acronymEnds))
                    {
                        builder.Append('_');
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        /// <summary>MCP 2025-11-25: 1 to 128 characters of A-Z, a-z, 0-9, '_', '-' and '.'.</summary>
        public static bool IsValidToolName(string name)
        {
            if (name.Length is 0 or > 128)
            {
                return false;
            }

            foreach (var c in name)
            {
                var ok = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Property names in JSON: camelCase, as System.Text.Json's web defaults.</summary>
        public static string ToCamelCase(string name)
        {
            if (name.Length == 0 || !char.IsUpper(name[0]))
            {
                return name;
            }

            var chars = name.ToCharArray();
            for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
            {
                if (i > 0 && i + 1 < chars.Length && !char.IsUpper(chars[i + 1]))
                {
                    break;
                }

                chars[i] = char.ToLowerInvariant(chars[i]);
            }

            return new string(chars);
        }

        /// <summary>A C# identifier fragment made from any text.</summary>
        public static string ToIdentifier(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            }

            return builder.ToString();
        }
    }
}
