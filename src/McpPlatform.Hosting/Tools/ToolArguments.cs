using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// The arguments object of one tools/call, as generated binding code sees it.
/// </summary>
public sealed class ToolArguments
{
    private static readonly IReadOnlyDictionary<string, JsonElement> None = new Dictionary<string, JsonElement>();
    private readonly IDictionary<string, JsonElement>? _arguments;

    /// <summary>Wraps the request's arguments (null when the caller sent none).</summary>
    public ToolArguments(IDictionary<string, JsonElement>? arguments) => _arguments = arguments;

    /// <summary>The argument names the caller sent.</summary>
    public IEnumerable<string> Names => _arguments?.Keys ?? None.Keys;

    /// <summary>Gets an argument that may be absent; JSON null counts as absent.</summary>
    public bool TryGet(string name, out JsonElement value)
    {
        if (_arguments is not null && _arguments.TryGetValue(name, out value) && !JsonArgumentReader.IsNull(value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Throws a <see cref="ToolArgumentException"/> naming every argument the caller sent that is not
    /// in <paramref name="accepted"/> (compared exactly, as <see cref="TryGet"/> looks them up) and
    /// listing the accepted ones.
    /// </summary>
    public void RejectUnknown(IReadOnlyList<string> accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        if (_arguments is null)
        {
            return;
        }

        List<string>? unknown = null;
        foreach (var name in _arguments.Keys)
        {
            if (!UnknownArguments.IsAccepted(name, accepted, StringComparison.Ordinal))
            {
                (unknown ??= []).Add(name);
            }
        }

        if (unknown is not null)
        {
            unknown.Sort(StringComparer.Ordinal); // a dictionary's order is not the caller's: keep the message stable
            throw UnknownArguments.Error(unknown, accepted, objectPath: null);
        }
    }

    /// <summary>Gets a required argument or throws an error naming it.</summary>
    public JsonElement GetRequired(string name, string expected) =>
        TryGet(name, out var value) ? value : throw JsonArgumentReader.Missing(name, expected);
}
