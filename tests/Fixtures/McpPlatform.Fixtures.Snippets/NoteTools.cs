using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Snippets;

/// <summary>A note as the tools return it.</summary>
/// <param name="Id">The note's id.</param>
/// <param name="Text">Its text.</param>
/// <param name="Tags">Its tags.</param>
public sealed record Note(string Id, string Text, IReadOnlyList<string> Tags);

/// <summary>The ids of the notes a listing found.</summary>
/// <param name="Ids">The ids, in order.</param>
public sealed record NoteIds(IReadOnlyList<string> Ids);

/// <summary>
/// Notes for the snippet tests: two read tools the snippets chain (<c>list_notes</c>, <c>get_note</c>) and a write tool
/// (<c>tag_note</c>) that a snippet declared read calls, so the inner gate must stop a reader. In memory, no I/O.
/// </summary>
[McpToolSet("notes", Description = "Notes, for snippet tests.")]
public static class NoteTools
{
    private static readonly ConcurrentDictionary<string, Note> Notes = new(StringComparer.Ordinal)
    {
        ["N-1"] = new Note("N-1", "Ship the snippets lane", ["work"]),
        ["N-2"] = new Note("N-2", "Buy oat milk", ["home"]),
        ["N-3"] = new Note("N-3", "Review the manifest diff", ["work", "review"]),
    };

    /// <summary>Lists the ids of the notes that carry a tag (every note without one).</summary>
    /// <param name="tag">Only notes with this tag; empty for all.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static NoteIds ListNotes(string tag = "") =>
        new([.. Notes.Values.Where(n => tag.Length == 0 || n.Tags.Contains(tag)).Select(n => n.Id).Order(StringComparer.Ordinal)]);

    /// <summary>Returns one note.</summary>
    /// <param name="id">The note's id.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static Note GetNote(string id) =>
        Notes.TryGetValue(id, out var note) ? note : throw new InvalidOperationException($"No note {id}.");

    /// <summary>Adds a tag to a note.</summary>
    /// <param name="id">The note's id.</param>
    /// <param name="tag">The tag.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Note TagNote(string id, string tag)
    {
        var note = GetNote(id);
        var tagged = note with { Tags = [.. note.Tags.Append(tag).Distinct()] };
        Notes[id] = tagged;
        return tagged;
    }
}
