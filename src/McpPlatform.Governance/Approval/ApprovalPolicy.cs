using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Governance.Approval;

/// <summary>
/// Decides whether a call the policy allowed must first be confirmed by the user: the first matching
/// <see cref="ApprovalRule"/> says so (or exempts it); when none matches, a Destructive tool needs approval
/// (<see cref="DefaultDestructiveRule"/>) unless <see cref="ApprovalOptions.RequireForDestructive"/> is off.
/// </summary>
public sealed class ApprovalPolicy
{
    /// <summary>The rule named on the audit record when no configured rule matched and the tool is Destructive.</summary>
    public const string DefaultDestructiveRule = "default-destructive";

    private readonly bool _enabled;
    private readonly bool _requireForDestructive;
    private readonly Compiled[] _rules;

    /// <summary>Compiles <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public ApprovalPolicy(ApprovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = ApprovalOptionsValidator.Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The approval rules are invalid: " + string.Join(" ", problems), nameof(options));
        }

        _enabled = options.Enabled;
        _requireForDestructive = options.RequireForDestructive;
        _rules = [.. options.Rules.Select(r => new Compiled(r))];
        Timeout = options.Timeout;
    }

    /// <summary>Nothing is ever asked about.</summary>
    public static ApprovalPolicy None { get; } = new(new ApprovalOptions { Enabled = false });

    /// <summary>How long the user has to answer.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The rule that requires <paramref name="caller"/>'s call of <paramref name="tool"/> to be approved, or null when it need not be.</summary>
    public string? RequiringRule(CallerIdentity caller, McpToolDescriptor tool)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(tool);
        if (!_enabled)
        {
            return null;
        }

        var access = AccessClass.Effective(tool.Access);
        foreach (var rule in _rules)
        {
            if (rule.Matches(caller, tool, access))
            {
                return rule.Require ? rule.Name : null;
            }
        }

        return _requireForDestructive && access == ToolAccess.Destructive ? DefaultDestructiveRule : null;
    }

    private sealed class Compiled(ApprovalRule rule)
    {
        private readonly ToolPatternSet _tools = ToolPatterns.Compile(rule.Tools, emptyMeansAll: true);
        private readonly ToolAccess[] _access = [.. rule.Access.Select(a => AccessClass.TryParse(a, out var parsed) ? parsed : ToolAccess.Unspecified)];
        private readonly string[] _upstreams = [.. rule.Upstreams];
        private readonly string[] _groups = [.. rule.Groups];

        public string Name { get; } = rule.Name;

        public bool Require { get; } = rule.Require;

        public bool Matches(CallerIdentity caller, McpToolDescriptor tool, ToolAccess access) =>
            _tools.Matches(tool)
            && (_access.Length == 0 || Array.IndexOf(_access, access) >= 0)
            && (_upstreams.Length == 0 || Array.IndexOf(_upstreams, tool.ToolSet) >= 0)
            && (_groups.Length == 0 || _groups.Any(caller.InGroup));
    }
}
