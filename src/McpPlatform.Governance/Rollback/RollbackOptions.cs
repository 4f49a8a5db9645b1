namespace McpPlatform.Governance.Rollback;

/// <summary>
/// How many executions the server remembers for <c>rollback</c> (<c>McpPlatform:Rollback</c>). The store is in-process
/// and bounded: the oldest execution is forgotten first, and one older than <see cref="RetentionMinutes"/> cannot be rolled back.
/// </summary>
public sealed class RollbackOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "McpPlatform:Rollback";

    /// <summary>Executions with at least one Write or Destructive call kept at once (default 1000).</summary>
    public int MaxExecutions { get; set; } = 1000;

    /// <summary>Write and Destructive calls kept per execution (default 200); later ones are listed as not recorded.</summary>
    public int MaxCallsPerExecution { get; set; } = 200;

    /// <summary>How long an execution can be rolled back, in minutes (default 60).</summary>
    public int RetentionMinutes { get; set; } = 60;

    /// <summary>The problems with these settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxExecutions < 1)
        {
            problems.Add($"{SectionName}:MaxExecutions must be at least 1 (found {MaxExecutions}).");
        }

        if (MaxCallsPerExecution < 1)
        {
            problems.Add($"{SectionName}:MaxCallsPerExecution must be at least 1 (found {MaxCallsPerExecution}).");
        }

        if (RetentionMinutes < 1)
        {
            problems.Add($"{SectionName}:RetentionMinutes must be at least 1 (found {RetentionMinutes}).");
        }

        return problems;
    }
}
