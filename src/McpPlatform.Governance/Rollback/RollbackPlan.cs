using System.Text.Json;

namespace McpPlatform.Governance.Rollback;

/// <summary>
/// Rolls back one execution: its recorded calls last first, each revertible one through the given inverse call
/// (which passes the gate), stopping at the first failure. Undone calls leave the journal, so running it again retries
/// only what was not undone.
/// </summary>
public static class RollbackPlan
{
    /// <summary>The outcome of one inverse call: null when it succeeded, else why not.</summary>
    public delegate Task<string?> UndoAsync(RecordedCall call, string inverse, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken);

    /// <summary>Runs the rollback of <paramref name="journal"/>.</summary>
    public static async Task<RollbackReport> RunAsync(ExecutionJournal journal, UndoAsync undo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(undo);
        var steps = new List<RollbackStep>();
        var stopped = false;
        foreach (var call in journal.LastFirst())
        {
            if (!call.TryInverseArguments(out var arguments, out var problem))
            {
                steps.Add(new RollbackStep(call.Tool, call.Revert?.Tool, RollbackStepState.NotRevertible, problem));
                continue;
            }

            var inverse = call.Revert!.Tool;
            if (stopped)
            {
                steps.Add(new RollbackStep(call.Tool, inverse, RollbackStepState.NotAttempted, null));
                continue;
            }

            var failure = await undo(call, inverse, arguments, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                journal.Remove(call);
                steps.Add(new RollbackStep(call.Tool, inverse, RollbackStepState.Undone, null));
            }
            else
            {
                stopped = true;
                steps.Add(new RollbackStep(call.Tool, inverse, RollbackStepState.Failed, failure));
            }
        }

        return new RollbackReport(journal.Id, steps, journal.Dropped);
    }
}
