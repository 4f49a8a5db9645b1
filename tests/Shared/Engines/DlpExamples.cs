using System.Text.Json;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Testing;

/// <summary>
/// Tools, sample secrets and helpers the DLP tests share (Governance.Tests and Hosting.Tests). SDK-free: the
/// MCP result helpers are Hosting.Tests' part of this class (Dlp/DlpResultExamples.cs).
/// </summary>
internal static partial class DlpExamples
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

    public static DlpEngine DefaultEngine { get; } = Engine();

    public static Dictionary<string, JsonElement> Arguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!;

    public static Dictionary<string, JsonElement> Argument(string name, string value) =>
        new() { [name] = JsonSerializer.SerializeToElement(value) };

    public static string Json(IDictionary<string, JsonElement>? arguments) => JsonSerializer.Serialize(arguments);

    public static DlpOptions Options(params DlpRule[] rules) => new() { Rules = [.. rules] };
}
