namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>How urgent a ticket is.</summary>
public enum TicketPriority
{
    Low,
    Normal,
    High,
}

/// <summary>A ticket to triage or open.</summary>
/// <param name="Title">A short title.</param>
/// <param name="Priority">How urgent the ticket is.</param>
/// <param name="Labels">Optional labels.</param>
public sealed record TicketRequest(string Title, TicketPriority Priority, string[]? Labels = null);

/// <summary>A ticket as the tracker stores it.</summary>
/// <param name="Key">The ticket key, e.g. T-1.</param>
/// <param name="Title">The title.</param>
/// <param name="Priority">How urgent the ticket is.</param>
/// <param name="LabelCount">How many labels the ticket has.</param>
public sealed record Ticket(string Key, string Title, TicketPriority Priority, int LabelCount);
