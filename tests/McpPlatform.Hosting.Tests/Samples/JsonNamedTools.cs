using System.Text.Json.Serialization;

namespace McpPlatform.Hosting.Tests.Samples;

/// <summary>A customer whose JSON names are not its C# names.</summary>
/// <param name="Id">The customer id, e.g. C-1.</param>
/// <param name="Name">The name to show.</param>
/// <param name="InternalNote">Never sent or accepted: [JsonIgnore].</param>
public sealed record Customer(
    [property: JsonPropertyName("customer_id")] string Id,
    [property: JsonPropertyName("display-name")] string Name,
    [property: JsonIgnore] string InternalNote = "kept on the server");

/// <summary>A tool whose argument and result carry [JsonPropertyName] and [JsonIgnore].</summary>
public static class JsonNamedTools
{
    /// <summary>Returns the customer with its name in upper case and the note it was bound with.</summary>
    /// <param name="customer">The customer.</param>
    [McpTool(Access = ToolAccess.Read)]
    public static Customer ShoutCustomer(Customer customer) =>
        customer with { Name = customer.Name.ToUpperInvariant() + " (" + customer.InternalNote + ")" };
}
