using System.Collections.Concurrent;
using McpPlatform.Governance.Gate;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.Tools;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Portal.Fleet;
using McpPlatform.Portal.Manifest;

namespace McpPlatform.Portal.Quarantine;

/// <summary>
/// Which approved upstream tools may be offered right now, as an admission rule (<c>quarantine</c>): a tool is offered
/// only once its upstream has listed it with exactly the approved definition. Until then (upstream not yet listed) and
/// after its definition changed, it is neither listed nor callable, directly or from Code Mode, with a reason that names
/// what changed; the other tools keep working. Kept up to date by <see cref="UpstreamToolWatch"/>.
/// In a fleet (<see cref="FleetQuarantine"/>, Redis configured) a tool another live replica holds is quarantined here too.
/// </summary>
internal sealed class UpstreamToolQuarantine : IToolAdmissionRule
{
    /// <summary>The rule name refusals are audited under.</summary>
    public const string RuleName = "quarantine";

    private readonly ConcurrentDictionary<string, string?> _reasons = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string?> _operations;
    private readonly FleetQuarantine? _fleet;

    /// <summary>Starts with the OpenAPI upstreams' operations decided at start-up (<see cref="OpenApiOperationPins"/>).</summary>
    public UpstreamToolQuarantine(OpenApiOperationPins operations, FleetQuarantine? fleet = null)
    {
        ArgumentNullException.ThrowIfNull(operations);
        _operations = operations.Verdicts;
        _fleet = fleet;
    }

    /// <inheritdoc />
    public PolicyDecision? Refuse(CallerIdentity caller, McpToolDescriptor tool)
    {
        if (tool.Origin == ToolOrigin.OpenApi)
        {
            // Decided once at start-up: an operation in the catalog that no verdict covers was never compared, so it is held.
            var held = _operations.TryGetValue(tool.Name, out var verdict) ? verdict : $"operation '{tool.Name}' was not compared with the approved manifest";
            return held is null ? null : new PolicyDecision(false, tool.Name, tool.Access, RuleName, $"Tool '{tool.Name}' is quarantined: {held}.", []);
        }

        // Upstream resources and prompts (resource:ns, prompt:ns) are not pinned tool definitions: nothing to verify.
        if (tool.Origin != ToolOrigin.Upstream || McpPlatform.Portal.Relay.RelayGovernance.IsRelayIdentity(tool))
        {
            return null;
        }

        var reason = _reasons.TryGetValue(tool.Name, out var known)
            ? known
            : $"upstream '{tool.ToolSet}' has not listed its tools since the portal started, so the definition of '{tool.Name}' is not verified against the approved one";
        reason ??= FleetReason(tool);
        return reason is null
            ? null
            : new PolicyDecision(false, tool.Name, tool.Access, RuleName, $"Tool '{tool.Name}' is quarantined: {reason}.", []);
    }

    /// <summary>Offers <paramref name="tool"/>: its upstream lists it as approved (another replica's hold still applies).</summary>
    public void Release(string tool)
    {
        if (_reasons.TryGetValue(tool, out var previous) && previous is null)
        {
            return;
        }

        _reasons[tool] = null;
        _fleet?.RequestPublish();
    }

    /// <summary>Quarantines <paramref name="tool"/> for <paramref name="reason"/> (e.g. "description changed since approval").</summary>
    public void Hold(string tool, string reason)
    {
        if (_reasons.TryGetValue(tool, out var previous) && previous == reason)
        {
            return;
        }

        _reasons[tool] = reason;
        _fleet?.RequestPublish();
    }

    /// <summary>The tools this replica holds itself, with why: what it publishes to the fleet.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> LocalHolds() =>
        [.. _reasons.Where(entry => entry.Value is not null).Select(entry => new KeyValuePair<string, string>(entry.Key, entry.Value!))];

    /// <summary>
    /// Why the fleet holds a tool this replica offers: another live replica holds it, or the fleet's state is not known
    /// (Redis unreachable), where Write and Destructive tools fail closed and Read tools follow <c>ReadsWhenUnavailable</c>.
    /// </summary>
    private string? FleetReason(McpToolDescriptor tool)
    {
        if (_fleet is null)
        {
            return null;
        }

        if (!_fleet.IsFresh)
        {
            return tool.Access == ToolAccess.Read && _fleet.ReadsWhenUnavailable == SharedStateReads.Allow
                ? null
                : "the fleet's quarantine state (McpPlatform:Redis) is unavailable, so whether another replica holds it is not known";
        }

        return _fleet.HeldElsewhere(tool.Name);
    }

    /// <summary>Why <paramref name="tool"/> is quarantined, or null when it is offered.</summary>
    public string? ReasonFor(string tool) =>
        _operations.TryGetValue(tool, out var verdict) ? verdict : _reasons.TryGetValue(tool, out var reason) ? reason : "not verified";
}
