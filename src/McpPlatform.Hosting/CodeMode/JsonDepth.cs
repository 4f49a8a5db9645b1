using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// How deep JSON text nests, counted without parsing it: a tool result or a returned value deeper
/// than <see cref="CodeModeSandbox.MaxJsonDepth"/> is refused with an error that names the limit,
/// before a parser fails on it with a message of its own.
/// </summary>
internal static class JsonDepth
{
    public static bool Exceeds(string json, int max)
    {
        var depth = 0;
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is '[' or '{' && ++depth > max)
            {
                return true;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return false;
    }

    public static string Message(string what, int max) =>
        $"{what} is nested deeper than {max} levels of arrays and objects, the most Code Mode passes between a tool, the script and the caller (Code Mode's JSON depth limit).";
}
