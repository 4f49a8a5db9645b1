using System.Text.Json;

namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>
/// Tools the governance tests call: one that shows what it learns about its caller, one that calls
/// out over HTTP (to see what it forwards), and one that counts its runs (to see what limits stop).
/// </summary>
[McpToolSet("Caller", Description = "Sample tools that look at their caller and the outside world.")]
public static class CallerTools
{
    /// <summary>The pass-through claim <see cref="WhoAmI"/> reports.</summary>
    public const string DeviceClaim = "device_managed";

    /// <summary>Describes the caller: subject, groups, client and device claim.</summary>
    [McpTool("whoami", Access = ToolAccess.Read)]
    public static CallerSummary WhoAmI(CallerIdentity caller) => new(
        caller.Subject,
        [.. caller.Groups],
        caller.ClientId,
        caller.Claims.TryGetValue(DeviceClaim, out var device) ? string.Join(",", device) : null,
        caller.IsAuthenticated);

    /// <summary>Fetches a URL with a plain HttpClient and returns the response body.</summary>
    /// <param name="url">The URL to fetch.</param>
    [McpTool("fetch_url", Access = ToolAccess.Read, OpenWorld = true)]
    public static async Task<string> FetchUrl(string url, IHttpClientFactory httpClients, CancellationToken cancellationToken)
    {
        using var http = httpClients.CreateClient();
        return await http.GetStringAsync(new Uri(url), cancellationToken);
    }

    /// <summary>Counts its own runs.</summary>
    [McpTool("count_call", Access = ToolAccess.Read)]
    public static int CountCall([FromServices] ToolInvocations invocations) => invocations.Record("count_call");
}

/// <summary>What <see cref="CallerTools.WhoAmI"/> saw.</summary>
/// <param name="Subject">The caller's subject.</param>
/// <param name="Groups">The caller's groups.</param>
/// <param name="ClientId">The OAuth client id.</param>
/// <param name="DeviceManaged">The device_managed claim, when passed through.</param>
/// <param name="IsAuthenticated">Whether the identity came from a validated token.</param>
public sealed record CallerSummary(string Subject, string[] Groups, string? ClientId, string? DeviceManaged, bool IsAuthenticated)
{
    /// <summary>Reads the tool's structured result.</summary>
    public static CallerSummary From(JsonElement structured) =>
        structured.Deserialize<CallerSummary>(new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
