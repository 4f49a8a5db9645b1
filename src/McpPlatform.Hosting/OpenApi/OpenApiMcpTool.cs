using System.Text.Json;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;
using McpPlatform.Hosting.Tools;
using McpPlatform.OpenApi;
using McpPlatform.OpenApi.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.OpenApi;

/// <summary>
/// One operation of an OpenAPI document as a governed tool (<c>{namespace}_{operation}</c>). It runs only after the gate
/// admitted the call (policy, data rules on the arguments, rate limits, the intent audit record), so like every other tool
/// it is reached through <see cref="GovernedMcpTool"/> only; the gate then applies the result rules and writes the
/// outcome. The call itself is <see cref="OpenApiInvoker"/>'s: host-side, to the configured base URL, with the credential
/// from the secret store that the caller never sees. A non-2xx answer and every failure become a tool error (isError).
/// </summary>
public sealed class OpenApiMcpTool : GovernedMcpTool
{
    /// <summary>Creates the tool of <paramref name="operation"/> in the API declared under <paramref name="apiNamespace"/>.</summary>
    /// <param name="apiNamespace">The API's namespace (the tool name's prefix and its settings' key).</param>
    /// <param name="operation">The operation.</param>
    /// <param name="credentialSecret">The secret store name of the API's credential, declared on the descriptor (the only one the tool may read); null without a credential.</param>
    public OpenApiMcpTool(string apiNamespace, ApiOperation operation, string? credentialSecret)
        : base(Describe(apiNamespace, operation, credentialSecret))
    {
        Namespace = apiNamespace;
        Operation = operation;
    }

    /// <summary>The API's namespace.</summary>
    public string Namespace { get; }

    /// <summary>The operation this tool calls.</summary>
    public ApiOperation Operation { get; }

    /// <inheritdoc />
    public override async ValueTask<CallToolResult> InvokeAsync(RequestContext<CallToolRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var services = request.Services ?? request.Server.Services ?? throw new InvalidOperationException("The MCP server has no service provider.");
        var arguments = request.Params?.Arguments;
        try
        {
            new ToolArguments(arguments).RejectUnknown(Descriptor.ArgumentNames ?? []);
        }
        catch (ToolArgumentException refused)
        {
            return ToolResults.Error(refused.Message);
        }

        try
        {
            return await CallAsync(services.GetRequiredService<OpenApiInvoker>(), arguments, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (HandlerRequests.IsHandlerFailure(failure, cancellationToken))
        {
            // Whatever else goes wrong: a generic error with a correlation id for the caller, the exception in the log
            // (never the API's text or a credential for the caller), its type in the audit record, and the server stays up.
            var record = AuditScope.Current;
            var correlationId = ToolFailure.CorrelationId(record);
            services.GetRequiredService<ILogger<OpenApiMcpTool>>().LogWarning(failure, "OpenAPI tool {ToolName} failed (correlation id {CorrelationId})", Descriptor.Name, correlationId);
            ToolFailure.Audit(record, failure);
            return ToolResults.Error(ToolFailure.Message(Descriptor.Name, failure, correlationId));
        }
    }

    /// <summary>
    /// Calls the API and turns the answer into the tool result; shared with hosts that front an API another way (the portal).
    /// The audit record of the call names the API (<c>Upstream</c>) and how long it took.
    /// </summary>
    internal async ValueTask<CallToolResult> CallAsync(OpenApiInvoker invoker, IDictionary<string, JsonElement>? arguments, CancellationToken cancellationToken)
    {
        var record = AuditScope.Current;
        if (record is not null)
        {
            record.Upstream = Namespace;
        }

        try
        {
            var given = arguments is null ? null : new Dictionary<string, JsonElement>(arguments, StringComparer.Ordinal);
            var response = await invoker.InvokeAsync(Namespace, Operation, Descriptor, given, cancellationToken).ConfigureAwait(false);
            if (record is not null)
            {
                record.UpstreamMs = response.ElapsedMs;
            }

            if (!response.IsSuccess)
            {
                if (record is not null)
                {
                    record.Error = $"openapi: HTTP {response.Status}";
                }

                return ToolResults.Error(response.ErrorMessage(Namespace, Operation, invoker.Settings(Namespace).MaxErrorBodyCharacters));
            }

            return Result(response);
        }
        catch (OpenApiCallException failure)
        {
            if (record is not null)
            {
                record.Error = "openapi: " + failure.Failure;
            }

            return ToolResults.Error(failure.Message);
        }
        catch (ToolSecretException secret)
        {
            // Its text names the tool and the secret, never a value (SecretAccess wrote the audit record's error).
            return ToolResults.Error($"Tool '{Descriptor.Name}' failed: {secret.Message}");
        }
    }

    // JSON answers of an operation with an object output schema are structured content as well as text; everything else is text.
    private CallToolResult Result(ApiResponse response)
    {
        var result = ToolResults.Text(response.Text);
        if (Descriptor.OutputSchema is not null && response.IsJson)
        {
            try
            {
                using var parsed = JsonDocument.Parse(response.Text);
                if (parsed.RootElement.ValueKind == JsonValueKind.Object)
                {
                    result.StructuredContent = parsed.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // Declared JSON that is not: the text alone, as the API sent it.
            }
        }

        return result;
    }

    private static McpToolDescriptor Describe(string apiNamespace, ApiOperation operation, string? credentialSecret)
    {
        var descriptor = operation.ToDescriptor(apiNamespace);
        return credentialSecret is null ? descriptor : descriptor with { Secrets = [credentialSecret] };
    }
}
