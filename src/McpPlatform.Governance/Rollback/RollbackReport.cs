namespace McpPlatform.Governance.Rollback;

/// <summary>What happened to one recorded call during a rollback.</summary>
public enum RollbackStepState
{
    /// <summary>Its inverse ran and succeeded.</summary>
    Undone,

    /// <summary>Its inverse was refused or failed: the rollback stopped here.</summary>
    Failed,

    /// <summary>Not attempted, because an earlier inverse failed.</summary>
    NotAttempted,

    /// <summary>The tool declares no inverse, or the call lacks a value the inverse needs.</summary>
    NotRevertible,
}

/// <summary>One recorded call in a rollback report, in the order it was considered (last call first).</summary>
/// <param name="Tool">The tool the execution called.</param>
/// <param name="Inverse">The inverse tool, when one is declared.</param>
/// <param name="State">What happened.</param>
/// <param name="Detail">Why it failed or is not revertible; null when undone or not attempted.</param>
public sealed record RollbackStep(string Tool, string? Inverse, RollbackStepState State, string? Detail);

/// <summary>The typed outcome of a rollback: each recorded call, last first, and what happened to it.</summary>
/// <param name="ExecutionId">The execution rolled back.</param>
/// <param name="Steps">Every recorded call, last first.</param>
/// <param name="Dropped">Calls past the journal's capacity, never recorded.</param>
public sealed record RollbackReport(string ExecutionId, IReadOnlyList<RollbackStep> Steps, int Dropped)
{
    /// <summary>True when every revertible call was undone (calls without an inverse may remain).</summary>
    public bool Completed => Steps.All(s => s.State is RollbackStepState.Undone or RollbackStepState.NotRevertible);

    /// <summary>The report as people read it: one line per call.</summary>
    public string Describe()
    {
        var lines = new List<string>();
        var undone = Steps.Count(s => s.State == RollbackStepState.Undone);
        lines.Add(Completed
            ? $"Rolled back execution {ExecutionId}: {undone} call(s) undone."
            : $"Rollback of execution {ExecutionId} stopped at the first failure: {undone} call(s) undone, the rest were not.");
        foreach (var step in Steps)
        {
            lines.Add(step.State switch
            {
                RollbackStepState.Undone => $"- undone: {step.Tool} (by {step.Inverse})",
                RollbackStepState.Failed => $"- FAILED: {step.Tool} (by {step.Inverse}): {step.Detail}",
                RollbackStepState.NotAttempted => $"- not undone: {step.Tool} (stopped before {step.Inverse})",
                _ => $"- not revertible: {step.Tool}: {step.Detail}",
            });
        }

        if (Dropped > 0)
        {
            lines.Add($"- not recorded: {Dropped} more Write or Destructive call(s) past McpPlatform:Rollback:MaxCallsPerExecution; they cannot be rolled back.");
        }

        return string.Join('\n', lines);
    }
}
