using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using McpPlatform.Governance.Approval;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The journal of one <c>execute</c> on protocol 2026-07-28, where an inner call that needs approval cannot wait: the
/// execution stops, its calls so far are journaled, and the client's retry runs the script again from the start in a
/// fresh sandbox. On the retry, each call that matches the journal at its position (same tool or resource, same
/// canonical arguments) gets the recorded outcome without running again; the call that asked gets the answer; later
/// calls run as usual and may ask again (another round, a longer journal). A call that differs from the journal at a
/// journaled position stops the execution: nothing more runs.
/// </summary>
internal sealed class ExecutionReplay(ExecutionJournal? previous, string subject, string codeSha256)
{
    private readonly Dictionary<int, JournalEntry> _entries = [];
    private volatile string? _stopped;
    private int _awaiting;

    /// <summary>The id the next round's journal is kept under (named by the request state of this round's question).</summary>
    public string JournalId { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Why the execution must stop (a question went back to the client, or the script diverged); null while it runs.</summary>
    public string? Stopped => _stopped;

    /// <summary>The question that stopped the execution; the runner answers the execute call with it.</summary>
    public InputRequiredException? Question { get; private set; }

    /// <summary>Whether the script left its journal (the execution ends with an error).</summary>
    public bool Diverged { get; private set; }

    /// <summary>How many calls were handed their recorded outcome instead of running.</summary>
    public int Replayed { get; private set; }

    /// <summary>The journal key of a tool call: the tool and the hash of its canonical (RFC 8785) arguments.</summary>
    public static string ToolKey(string tool, string argumentsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(argumentsJson);
            var arguments = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal)
                : null;
            return "tools/call " + tool + " " + (arguments is null ? Raw(argumentsJson) : ApprovalQuestion.ArgumentsSha256(arguments));
        }
        catch (JsonException)
        {
            return "tools/call " + tool + " " + Raw(argumentsJson);
        }
    }

    /// <summary>The journal key of a resource read.</summary>
    public static string ReadKey(string uri) => "resources/read " + Raw(uri);

    /// <summary>
    /// Before the call at <paramref name="position"/> (1 first) runs: its recorded outcome to hand back, a refusal when
    /// the execution has stopped or the call is not the one the journal holds there, or null to run it.
    /// </summary>
    public Before Check(int position, string key)
    {
        if (_stopped is { } reason)
        {
            return new Before(null, reason);
        }

        if (previous is null || position > previous.Entries.Count)
        {
            return new Before(null, null);
        }

        var entry = previous.Entries[position - 1];
        if (entry.Key.Length > 0 && !string.Equals(entry.Key, key, StringComparison.Ordinal))
        {
            Diverged = true;
            var message = $"The script diverged from its journal: call #{position} was {Describe(entry.Key)} in the round before the approval, " +
                $"and is {Describe(key)} now. Calls are replayed by position, so a script that is retried must make the same calls in the same order " +
                "with the same arguments (Math.random() and Date.now() are not replayed). Nothing more ran; run the execution again without requestState.";
            _stopped ??= message;
            return new Before(null, _stopped);
        }

        if (entry.Outcome is { } recorded)
        {
            Replayed++;
            return new Before(recorded, null);
        }

        return new Before(null, null);
    }

    /// <summary>Whether the call at <paramref name="position"/> is the one whose answer the retry brings.</summary>
    public bool IsAwaited(int position) => previous is not null && position == previous.Awaiting;

    /// <summary>Records what the call at <paramref name="position"/> returned (also a replayed one: the next journal holds it).</summary>
    public void Record(int position, string key, InnerCallOutcome? outcome)
    {
        lock (_entries)
        {
            // The call that asked keeps its place as the one awaiting the answer, with no outcome.
            if (Question is null || position != _awaiting)
            {
                _entries[position] = new JournalEntry(key, outcome);
            }
        }
    }

    /// <summary>The call at <paramref name="position"/> needs an answer the client must bring: the execution stops here.</summary>
    public InnerCallOutcome Stop(int position, string key, InputRequiredException question)
    {
        lock (_entries)
        {
            if (Question is null)
            {
                Question = question;
                _awaiting = position;
            }

            _entries[position] = new JournalEntry(key, null);
        }

        _stopped ??= "The execution stopped to ask for an approval.";
        return new InnerCallOutcome(_stopped, null, null);
    }

    /// <summary>The journal for the next round: every call so far by position, and the call awaiting the answer.</summary>
    public ExecutionJournal Journal()
    {
        lock (_entries)
        {
            var count = _entries.Count == 0 ? 0 : _entries.Keys.Max();
            var entries = Enumerable.Range(1, count).Select(p => _entries.TryGetValue(p, out var e) ? e : new JournalEntry(string.Empty, null)).ToArray();
            return new ExecutionJournal(subject, codeSha256, entries, _awaiting);
        }
    }

    private static string Raw(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Describe(string key)
    {
        var parts = key.Split(' ');
        return parts.Length >= 2 ? $"{parts[1]} (arguments {parts[^1][..Math.Min(parts[^1].Length, 19)]}...)" : key;
    }

    /// <summary>What <see cref="Check"/> decided: a recorded outcome, a refusal, or neither (run the call).</summary>
    internal readonly record struct Before(InnerCallOutcome? Recorded, string? Refusal);
}
