using System.Text.Json;

namespace McpPlatform.Conformance.Tests;

/// <summary>One check of a conformance scenario, as the suite writes it to checks.json.</summary>
public sealed record ConformanceCheck(string Id, string Name, string Description, string Status, string? ErrorMessage)
{
    public const string Success = "SUCCESS";
    public const string Failure = "FAILURE";
    public const string Warning = "WARNING";
    public const string Info = "INFO";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Informational checks (requests sent, events seen) pass or fail nothing.</summary>
    public bool IsInformational => Status == Info;

    public static IReadOnlyList<ConformanceCheck> ParseAll(string json) =>
        JsonSerializer.Deserialize<List<ConformanceCheck>>(json, Json)
        ?? throw new InvalidDataException("checks.json holds no array of checks.");

    public override string ToString() =>
        $"[{Status}] {Id} ({Name}): {Description}" + (string.IsNullOrEmpty(ErrorMessage) ? string.Empty : $" -- {ErrorMessage}");
}
