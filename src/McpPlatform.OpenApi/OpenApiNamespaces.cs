using System.Text;

namespace McpPlatform.OpenApi;

/// <summary>
/// The namespace an OpenAPI document is declared under: the prefix of its tool names (<c>petstore_get_pet</c>), its
/// tool set, its key in <c>McpPlatform:OpenApi:Apis</c> and its file name in the output (<c>openapi/petstore.yaml</c>).
/// One rule for the build and the runtime, so both derive the same namespace from the same declaration.
/// </summary>
public static class OpenApiNamespaces
{
    /// <summary>Long enough for any API name, short enough to leave room for the operation in a 64-character tool name.</summary>
    public const int MaxLength = 32;

    /// <summary>True when <paramref name="name"/> is usable as is: <c>[a-z0-9_]</c>, starting with a letter, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid(string? name) =>
        !string.IsNullOrEmpty(name)
        && name.Length <= MaxLength
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>
    /// The default namespace of a document: its file name without extension, lower case, every other character as
    /// <c>_</c> (<c>apis/Pet-Store.v2.yaml</c> → <c>pet_store_v2</c>), <c>api_</c> before a leading digit; empty
    /// when nothing usable is left.
    /// </summary>
    public static string FromFileName(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var text = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_');
        }

        var name = string.Join('_', text.ToString().Split('_', StringSplitOptions.RemoveEmptyEntries));
        if (name.Length > 0 && char.IsAsciiDigit(name[0]))
        {
            name = "api_" + name;
        }

        return name.Length > MaxLength ? name[..MaxLength].TrimEnd('_') : name;
    }
}
