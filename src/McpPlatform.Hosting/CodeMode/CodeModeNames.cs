using System.Text;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Tool names as JavaScript identifiers, for descriptors the generator left without a Code Mode
/// name: characters outside [A-Za-z0-9_$] become '_', a leading digit gets a '_' before it, and a
/// reserved word gets a '_' after it (<c>issues.search</c> → <c>issues_search</c>, <c>delete</c> → <c>delete_</c>).
/// </summary>
public static class CodeModeNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum", "export",
        "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements",
        "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "undefined", "NaN", "Infinity",
    };

    /// <summary>Whether <paramref name="name"/> can be written as <c>codemode.name</c>.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(IsIdentifierChar) && !Reserved.Contains(name);

    /// <summary>A valid identifier for <paramref name="name"/>; the name itself when it already is one.</summary>
    public static string Sanitize(string name)
    {
        if (IsIdentifier(name))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            text.Append(IsIdentifierChar(c) ? c : '_');
        }

        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }

        var sanitized = text.ToString();
        return Reserved.Contains(sanitized) ? sanitized + "_" : sanitized;
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';
}
