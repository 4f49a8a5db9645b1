namespace McpPlatform.Governance.Dlp;

/// <summary>The rules that apply to one tool, split by what they do, with the shortest text worth scanning.</summary>
internal sealed class DlpRuleSet
{
    public static readonly DlpRuleSet Empty = new([]);

    public DlpRuleSet(IReadOnlyList<CompiledDlpRule> rules)
    {
        ArgumentBlock = [.. rules.Where(r => r.Action == DlpAction.Block)];
        ArgumentRedact = [.. rules.Where(r => r.Action == DlpAction.Redact)];
        ResultRedact = [.. rules.Where(r => r.ResultAction == DlpAction.Redact)];
        Names = [.. rules.Where(r => r.Action != DlpAction.Allow || r.ResultAction != DlpAction.Allow).Select(r => r.Name)];
        ArgumentMinLength = MinLength(ArgumentBlock.Concat(ArgumentRedact));
        ResultMinLength = MinLength(ResultRedact);
    }

    /// <summary>Rules that refuse the call when they match an argument, checked before any redaction.</summary>
    public CompiledDlpRule[] ArgumentBlock { get; }

    /// <summary>Rules that redact arguments, in order.</summary>
    public CompiledDlpRule[] ArgumentRedact { get; }

    /// <summary>Rules that redact results, in order.</summary>
    public CompiledDlpRule[] ResultRedact { get; }

    /// <summary>The names of the rules that do anything for the tool, in order.</summary>
    public string[] Names { get; }

    /// <summary>Argument text shorter than this cannot match any rule.</summary>
    public int ArgumentMinLength { get; }

    /// <summary>Result text shorter than this cannot match any rule.</summary>
    public int ResultMinLength { get; }

    public bool ScansArguments => ArgumentBlock.Length + ArgumentRedact.Length > 0;

    public bool ScansResults => ResultRedact.Length > 0;

    private static int MinLength(IEnumerable<CompiledDlpRule> rules) =>
        rules.Select(r => r.MinLength).DefaultIfEmpty(int.MaxValue).Min();
}
