using System.Text;

namespace McpPlatform.OpenApi;

/// <summary>
/// Tool names for operations: snake_case over <c>[a-z0-9_]</c> so every MCP client and Code Mode accept them
/// unchanged, stable across builds (no counters from hash order), unique within a document.
/// </summary>
internal static class OperationNames
{
    /// <summary>Long enough for real operationIds, short enough for clients that cap tool names (64 is the common limit).</summary>
    public const int MaxLength = 64;

    /// <summary><c>getPetById</c> → <c>get_pet_by_id</c>; <c>pets.list-all</c> → <c>pets_list_all</c>; empty when nothing is left.</summary>
    public static string Sanitize(string text)
    {
        var name = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterUpper(c))
            {
                // A word starts at an upper-case letter after a lower-case letter or digit (getPet), or at the
                // last capital of an acronym (HTMLPage → html_page).
                var previous = i > 0 ? text[i - 1] : '\0';
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (char.IsAsciiLetterLower(previous) || char.IsAsciiDigit(previous)
                    || (char.IsAsciiLetterUpper(previous) && char.IsAsciiLetterLower(next)))
                {
                    name.Append('_');
                }

                name.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))
            {
                name.Append(c);
            }
            else
            {
                name.Append('_');
            }
        }

        var collapsed = string.Join('_', name.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > 0 && char.IsAsciiDigit(collapsed[0]))
        {
            collapsed = "op_" + collapsed;
        }

        return collapsed.Length > MaxLength ? collapsed[..MaxLength].TrimEnd('_') : collapsed;
    }

    /// <summary>The name of an operation without a usable operationId: <c>GET /pets/{petId}</c> → <c>get_pets_pet_id</c>.</summary>
    public static string FromMethodAndPath(string method, string path) => Sanitize(method.ToLowerInvariant() + "_" + path);

    /// <summary>
    /// A name not yet in <paramref name="taken"/>: the name itself, else <c>name_2</c>, <c>name_3</c> ... Callers
    /// visit operations in document order (path, then method), so the same document always gets the same names.
    /// </summary>
    public static string Unique(string name, ISet<string> taken)
    {
        if (taken.Add(name))
        {
            return name;
        }

        // At most taken.Count + 1 candidates can be taken, so this ends.
        for (var n = 2; n <= taken.Count + 2; n++)
        {
            var suffix = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (name.Length + suffix.Length > MaxLength ? name[..(MaxLength - suffix.Length)] : name) + suffix;
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No unique name for '{name}'.");
    }
}
