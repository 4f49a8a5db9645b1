using System.Security.Cryptography;
using System.Text.Json;
using McpPlatform.Governance.Tools;
using McpPlatform.OpenApi;

namespace McpPlatform.Build;

/// <summary>
/// The description of one document's operations the source generator reads (an additional file named
/// <c>&lt;namespace&gt;.mcp-openapi.json</c>) to list them as tools in the manifest it compiles: each operation as the
/// descriptor the server will build from it (<see cref="ApiOperationDescriptors.ToDescriptor"/>), so the manifest
/// and the served tool cannot disagree, and the SHA-256 of the document's bytes.
/// </summary>
internal static class OperationsFile
{
    /// <summary>The suffix the generator looks for.</summary>
    public const string Suffix = ".mcp-openapi.json";

    /// <summary>The file's bytes; <paramref name="credentialSecret"/> is the secret name of the API's credential in the project's appsettings.json (the manifest lists it on every operation).</summary>
    public static byte[] Write(string apiNamespace, string documentHash, IReadOnlyList<ApiOperation> operations, string? credentialSecret = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("namespace", apiNamespace);
            json.WriteString("documentHash", documentHash);
            if (credentialSecret is not null)
            {
                json.WriteString("secret", credentialSecret);
            }

            json.WriteStartArray("operations");
            foreach (var descriptor in operations.Select(o => o.ToDescriptor(apiNamespace)).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                WriteOperation(json, descriptor);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary><c>sha256:</c> and the lower-case hex SHA-256 of the file's bytes, as the manifest records it.</summary>
    public static string DocumentHash(string path) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static void WriteOperation(Utf8JsonWriter json, McpToolDescriptor descriptor)
    {
        var http = descriptor.Http!;
        json.WriteStartObject();
        json.WriteString("name", descriptor.Name);
        json.WriteString("description", descriptor.Description);
        json.WriteString("access", descriptor.Access.ToString().ToLowerInvariant());
        if (descriptor.Idempotent is { } idempotent)
        {
            json.WriteBoolean("idempotent", idempotent);
        }

        if (descriptor.OpenWorld is { } openWorld)
        {
            json.WriteBoolean("openWorld", openWorld);
        }

        json.WriteString("method", http.Method);
        json.WriteString("path", http.Path);
        if (http.OperationId is { } operationId)
        {
            json.WriteString("operationId", operationId);
        }

        json.WriteStartArray("scopes");
        foreach (var scope in descriptor.Scopes)
        {
            json.WriteStringValue(scope);
        }

        json.WriteEndArray();
        json.WritePropertyName("inputSchema");
        json.WriteRawValue(descriptor.InputSchema);
        if (descriptor.OutputSchema is { } output)
        {
            json.WritePropertyName("outputSchema");
            json.WriteRawValue(output);
        }

        json.WriteEndObject();
    }
}
