namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>
/// The tools the tests serve, compiled by the McpPlatform generator like any consumer's:
/// one per shape of argument, result and access class the platform must get right.
/// </summary>
[McpToolSet("Samples", Description = "Sample tools for the hosting tests.")]
public static class SampleTools
{
    /// <summary>The message <see cref="Explode"/> fails with.</summary>
    public const string ExplosionMessage = "The reactor is offline";

    /// <summary>Returns the text it was given.</summary>
    /// <param name="text">Any text.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static string Echo(string text) => text;

    /// <summary>Adds two integers.</summary>
    /// <param name="a">The first addend.</param>
    /// <param name="b">The second addend.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static int AddNumbers(int a, int b) => a + b;

    /// <summary>Decides whether a ticket is escalated.</summary>
    /// <param name="ticket">The ticket to triage.</param>
    /// <param name="threshold">Tickets at or above this priority are escalated.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static string TriageTicket(TicketRequest ticket, TicketPriority threshold) =>
        $"{ticket.Title}|{ticket.Priority}|{ticket.Labels?.Length ?? 0}|{(ticket.Priority >= threshold ? "escalate" : "queue")}";

    /// <summary>Gets a ticket by key.</summary>
    /// <param name="key">The ticket key, e.g. T-1.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static Ticket GetTicket(string key) => new(key, "Printer on fire", TicketPriority.High, 2);

    /// <summary>Opens a ticket.</summary>
    /// <param name="ticket">The ticket to open.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Ticket OpenTicket(TicketRequest ticket, [FromServices] ToolInvocations invocations)
    {
        invocations.Record("open_ticket");
        return new("T-100", ticket.Title, ticket.Priority, ticket.Labels?.Length ?? 0);
    }

    /// <summary>Deletes a ticket for good.</summary>
    /// <param name="key">The ticket key, e.g. T-1.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string DeleteTicket(string key, [FromServices] ToolInvocations invocations)
    {
        invocations.Record("delete_ticket:" + key);
        return "deleted " + key;
    }

    /// <summary>Always fails.</summary>
    /// <param name="reason">Why it should fail (ignored).</param>
    [McpTool(Access = ToolAccess.Read)]
    public static string Explode(string reason) => throw new InvalidOperationException(ExplosionMessage);
}
