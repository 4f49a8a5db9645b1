// Maintained by hand: the types the generated Resources/*Tools.cs files share (Generate.cs does not write this file).
namespace McpPlatform.Fixtures.LargeApi.Resources;

/// <summary>The lifecycle state of a resource.</summary>
public enum ResourceState
{
    /// <summary>Being created.</summary>
    Provisioning,

    /// <summary>Serving.</summary>
    Ready,

    /// <summary>Being changed.</summary>
    Updating,

    /// <summary>Failed; see its events.</summary>
    Failed,

    /// <summary>Being deleted.</summary>
    Deleting,
}

/// <summary>The format of an exported configuration.</summary>
public enum ConfigFormat
{
    /// <summary>YAML.</summary>
    Yaml,

    /// <summary>JSON.</summary>
    Json,

    /// <summary>Terraform HCL.</summary>
    Terraform,
}

/// <summary>A key/value label.</summary>
/// <param name="Key">The label key, lowercase, e.g. env.</param>
/// <param name="Value">The label value, e.g. prod.</param>
public sealed record Label(string Key, string Value);

/// <summary>A long-running operation. Poll it until Done is true.</summary>
/// <param name="Id">The operation id.</param>
/// <param name="Kind">What it does: create, update, delete, restore or move.</param>
/// <param name="Target">The resource it acts on.</param>
/// <param name="Done">Whether it has finished.</param>
/// <param name="Error">Why it failed, if it did.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record Operation(string Id, string Kind, string Target, bool Done, string? Error, DateTimeOffset StartedAt);

/// <summary>One role granted to members.</summary>
/// <param name="Role">The role, e.g. roles/viewer.</param>
/// <param name="Members">The members: user:, group: or serviceAccount: prefixed e-mail addresses.</param>
/// <param name="Condition">An optional condition expression limiting the grant.</param>
public sealed record AccessBinding(string Role, IReadOnlyList<string> Members, string? Condition = null);

/// <summary>Who holds which roles on a resource.</summary>
/// <param name="Resource">The resource the policy is attached to.</param>
/// <param name="Bindings">The role bindings.</param>
/// <param name="Etag">Pass this back when replacing the policy.</param>
public sealed record AccessPolicy(string Resource, IReadOnlyList<AccessBinding> Bindings, string Etag);

/// <summary>One aggregated metric value.</summary>
/// <param name="At">The end of the aggregation interval.</param>
/// <param name="Value">The aggregated value.</param>
public sealed record MetricPoint(DateTimeOffset At, double Value);

/// <summary>A metric's values over a time window.</summary>
/// <param name="Metric">The metric name.</param>
/// <param name="Unit">The unit of the values, e.g. 1, By or ms.</param>
/// <param name="Points">The values, oldest first.</param>
public sealed record MetricSeries(string Metric, string Unit, IReadOnlyList<MetricPoint> Points);

/// <summary>An audit log entry for a resource.</summary>
/// <param name="Id">The event id.</param>
/// <param name="Resource">The resource it concerns.</param>
/// <param name="Method">The API method called, e.g. update.</param>
/// <param name="Principal">Who called it.</param>
/// <param name="Succeeded">Whether the call succeeded.</param>
/// <param name="At">When it happened.</param>
public sealed record AuditEvent(string Id, string Resource, string Method, string Principal, bool Succeeded, DateTimeOffset At);

/// <summary>A resource's exported configuration.</summary>
/// <param name="Resource">The resource exported.</param>
/// <param name="Format">The document format.</param>
/// <param name="Document">The configuration document.</param>
public sealed record ExportedConfig(string Resource, ConfigFormat Format, string Document);

/// <summary>Canned answers for the fake API: the fixture is measured and listed, not a real cloud.</summary>
internal static class FakeCloud
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public static Operation Operation(string kind, string projectId, string target, bool done) =>
        new($"op-{kind}-{target}", kind, $"projects/{projectId}/{target}", done, null, DateTimeOffset.UtcNow);

    public static AccessPolicy Policy(string resource) =>
        new(resource, [new AccessBinding("roles/viewer", ["group:engineering@example.com"])], "etag-1");

    public static MetricSeries Metric(string metric, DateTimeOffset start, int alignmentSeconds) =>
        new(metric, "1", [new MetricPoint(start.AddSeconds(Math.Max(1, alignmentSeconds)), 0.42)]);

    public static AuditEvent Event(string resource) =>
        new("evt-1", resource, "update", "user:ada@example.com", true, CreatedAt);

    public static ExportedConfig Export(string resource, ConfigFormat format) =>
        new(resource, format, format == ConfigFormat.Json ? $"{{\"name\":\"{resource}\"}}" : $"name: {resource}\n");
}
