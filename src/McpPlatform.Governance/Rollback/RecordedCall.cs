using System.Text.Json;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// One Write or Destructive call an execution made: the tool, its declared inverse (null: not revertible), and what
/// the inverse's arguments are filled from. Only what the inverse needs is kept: the arguments it names and the
/// top-level properties of the result it names.
/// </summary>
/// <param name="Sequence">The call's position in its execution (1 for the first recorded call).</param>
/// <param name="Tool">The tool called.</param>
/// <param name="Revert">Its inverse; null when the tool declares none.</param>
/// <param name="Values">The inverse's argument values, by argument name, as far as the call provided them.</param>
public sealed record RecordedCall(int Sequence, string Tool, ToolRevert? Revert, IReadOnlyDictionary<string, JsonElement> Values)
{
    /// <summary>Records a call: keeps, for each argument of the inverse, the original argument or result property of that name.</summary>
    public static RecordedCall From(int sequence, McpToolDescriptor tool, IDictionary<string, JsonElement>? arguments, JsonElement? result)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var argument in tool.Revert?.Arguments ?? [])
        {
            JsonElement value = default;
            var found = argument.Source == ToolRevertSource.Argument
                ? arguments is not null && arguments.TryGetValue(argument.Name, out value)
                : result is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(argument.Name, out value);
            if (found)
            {
                values[argument.Name] = value.Clone();
            }
        }

        return new RecordedCall(sequence, tool.Name, tool.Revert, values);
    }

    /// <summary>
    /// The inverse's arguments, or why the call cannot be reverted: no inverse declared, or a value the inverse
    /// needs was missing from the call (an optional argument not sent, a result property that was null or absent).
    /// </summary>
    public bool TryInverseArguments(out Dictionary<string, JsonElement> arguments, out string? problem)
    {
        arguments = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        problem = null;
        if (Revert is null)
        {
            problem = $"{Tool} declares no inverse";
            return false;
        }

        foreach (var argument in Revert.Arguments)
        {
            if (Values.TryGetValue(argument.Name, out var value) && value.ValueKind != JsonValueKind.Null)
            {
                arguments[argument.Name] = value;
            }
            else if (argument.Source == ToolRevertSource.Result)
            {
                problem = $"the result of {Tool} had no '{argument.Name}' for {Revert.Tool}";
                return false;
            }
        }

        return true;
    }
}
