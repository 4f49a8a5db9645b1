namespace McpPlatform.Hosting.Tests.Approval;

/// <summary>The system clock moved forward by <see cref="Shift"/>: lets a test reach a deadline without waiting for it.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Shift { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
