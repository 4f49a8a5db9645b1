using System.Collections.Generic;
using System.Linq;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>Checks a resource URI or RFC 6570 level 1 URI template and lists its variables (the runtime's UriTemplate rules).</summary>
    internal static class ResourceUriParser
    {
        /// <summary>The variables, in order; null with <paramref name="problem"/> when the text is not valid.</summary>
        public static List<string>? Variables(string? uri, out string? problem)
        {
            problem = null;
            if (string.IsNullOrWhiteSpace(uri))
            {
                problem = "it is empty";
                return null;
            }

            var colon = uri!.IndexOf(':');
            if (colon < 1 || !char.IsLetter(uri[0]) || !uri.Substring(0, colon).All(c => char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                problem = "it needs a scheme, as in 'docs://handbook' or 'tickets://{id}'";
                return null;
            }

            if (uri.Any(char.IsWhiteSpace))
            {
                problem = "it contains white space";
                return null;
            }

            var variables = new List<string>();
            var position = 0;
            while (position < uri.Length)
            {
                var open = uri.IndexOf('{', position);
                var stray = uri.IndexOf('}', position);
                if (open < 0)
                {
                    if (stray >= 0)
                    {
                        problem = "it has a '}' without '{'";
                        return null;
                    }

                    break;
                }

                if (stray >= 0 && stray < open)
                {
                    problem = "it has a '}' without '{'";
                    return null;
                }

                var close = uri.IndexOf('}', open);
                var name = close < 0 ? string.Empty : uri.Substring(open + 1, close - open - 1);
                if (close < 0 || name.Length == 0 || !name.All(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '_'))
                {
                    problem = "variables are written {name} with letters, digits and '_' (operators such as {+path} or {?query} are not supported)";
                    return null;
                }

                if (variables.Contains(name))
                {
                    problem = "variable '" + name + "' appears twice";
                    return null;
                }

                if (open > 0 && uri[open - 1] == '}')
                {
                    problem = "two variables need a separator between them";
                    return null;
                }

                variables.Add(name);
                position = close + 1;
            }

            return variables;
        }
    }
}
