using System.Collections.Concurrent;

namespace McpPlatform.Fixtures.Rollback;

/// <summary>A card as the tools return it.</summary>
/// <param name="Id">The card's id, assigned on creation.</param>
/// <param name="Board">The board it is on.</param>
/// <param name="Title">Its title.</param>
public sealed record Card(string Id, string Board, string Title);

/// <summary>
/// Cards on boards, with inverses: <c>create_card</c> is undone by <c>delete_card</c> (board from the arguments,
/// id from the result); <c>pin_card</c> by <c>unpin_card</c>, which always fails (a failing inverse);
/// <c>archive_board</c> has no inverse. Each test uses its own board, so tests running at once do not meet.
/// </summary>
[McpToolSet("cards", Description = "Cards on boards, for rollback tests.")]
public static class CardTools
{
    private static readonly ConcurrentDictionary<string, Card> Cards = new(StringComparer.Ordinal);
    private static readonly ConcurrentQueue<string> History = new();
    private static int _next;

    /// <summary>Opens a card on a board and returns it with its new id.</summary>
    /// <param name="board">The board.</param>
    /// <param name="title">The title.</param>
    [McpTool(Access = ToolAccess.Write, Revert = nameof(DeleteCard))]
    public static Card CreateCard(string board, string title)
    {
        var card = new Card($"C-{Interlocked.Increment(ref _next)}", board, title);
        Cards[card.Id] = card;
        History.Enqueue($"{board} created {card.Id}");
        return card;
    }

    /// <summary>Deletes a card from a board.</summary>
    /// <param name="board">The board.</param>
    /// <param name="id">The card's id.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static string DeleteCard(string board, string id)
    {
        if (!Cards.TryGetValue(id, out var card) || card.Board != board)
        {
            throw new InvalidOperationException($"No card {id} on {board}.");
        }

        Cards.TryRemove(id, out _);
        History.Enqueue($"{board} deleted {id}");
        return "deleted " + id;
    }

    /// <summary>Pins a card to the top of its board.</summary>
    /// <param name="board">The board.</param>
    /// <param name="id">The card's id.</param>
    [McpTool(Access = ToolAccess.Write, Revert = nameof(UnpinCard))]
    public static string PinCard(string board, string id)
    {
        History.Enqueue($"{board} pinned {id}");
        return "pinned " + id;
    }

    /// <summary>Unpins a card; this board service refuses it, so rollbacks that need it fail here.</summary>
    /// <param name="board">The board.</param>
    /// <param name="id">The card's id.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static string UnpinCard(string board, string id) =>
        throw new InvalidOperationException($"Pins on {board} cannot be removed.");

    /// <summary>Archives a whole board; it cannot be undone.</summary>
    /// <param name="board">The board.</param>
    [McpTool(Access = ToolAccess.Destructive)]
    public static string ArchiveBoard(string board)
    {
        History.Enqueue($"{board} archived");
        return "archived " + board;
    }

    /// <summary>Lists the cards on a board.</summary>
    /// <param name="board">The board.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static IReadOnlyList<Card> ListCards(string board) =>
        [.. Cards.Values.Where(t => t.Board == board).OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>What happened on one board, in order (for tests).</summary>
    public static IReadOnlyList<string> HistoryOf(string board) =>
        [.. History.Where(h => h.StartsWith(board + " ", StringComparison.Ordinal)).Select(h => h[(board.Length + 1)..])];
}
