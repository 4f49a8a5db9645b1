using McpPlatform.Governance.Prompts;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Prompts;

/// <summary>
/// Base class of every prompt the source generator emits. The generated subclass binds the
/// arguments and calls the method; this class owns the protocol description and turns failures
/// into JSON-RPC errors without stack traces.
/// </summary>
public abstract class GeneratedMcpPrompt : McpServerPrompt
{
    private readonly Prompt _protocolPrompt;

    /// <summary>Creates the prompt from its compile-time descriptor.</summary>
    protected GeneratedMcpPrompt(McpPromptDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
        _protocolPrompt = new Prompt
        {
            Name = descriptor.Name,
            Title = descriptor.Title,
            Description = descriptor.Description,
            Arguments = descriptor.Arguments.Count == 0
                ? null
                : [.. descriptor.Arguments.Select(a => new PromptArgument { Name = a.Name, Description = a.Description, Required = a.Required })],
        };
    }

    /// <summary>What the generator knew about this prompt.</summary>
    public McpPromptDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override Prompt ProtocolPrompt => _protocolPrompt;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <inheritdoc />
    public sealed override async ValueTask<GetPromptResult> GetAsync(
        RequestContext<GetPromptRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await GetCoreAsync(new PromptInvocation(request, Descriptor), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HandlerRequests.IsHandlerFailure(ex, cancellationToken))
        {
            HandlerRequests.Logger<GeneratedMcpPrompt, GetPromptRequestParams>(request).LogWarning(ex, "Prompt {PromptName} failed", Descriptor.Name);
            throw new McpProtocolException($"Prompt '{Descriptor.Name}' failed: {ex.Message}", McpErrorCode.InternalError);
        }
    }

    /// <summary>Binds the arguments, calls the prompt method and converts its result.</summary>
    protected abstract ValueTask<GetPromptResult> GetCoreAsync(PromptInvocation invocation, CancellationToken cancellationToken);
}
