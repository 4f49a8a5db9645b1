using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace McpPlatform.Hosting.Health;

/// <summary>
/// The body of <c>/healthz/live</c> and <c>/healthz/ready</c>: the overall status and, per check, its status and a
/// short reason: <c>{"status":"unhealthy","checks":[{"name":"audit","status":"unhealthy","description":"..."}]}</c>.
/// The endpoints are anonymous, so no exception text, stack trace or address goes out: a check that threw is
/// described by its exception type only (the health check service logs the rest).
/// </summary>
internal static class HealthResponseWriter
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", StatusName(report.Status));
        json.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("status", StatusName(entry.Status));
            json.WriteString("description", Describe(entry));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }

    private static string StatusName(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };

    // The health check service describes a check that threw by the exception's message, which may hold anything.
    private static string? Describe(HealthReportEntry entry) =>
        entry.Exception is { } failure && (entry.Description is null || entry.Description == failure.Message)
            ? $"the check failed ({failure.GetType().Name})"
            : entry.Description;
}
