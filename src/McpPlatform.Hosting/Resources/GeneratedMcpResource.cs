using System.Text.RegularExpressions;
using McpPlatform.Governance.Resources;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Resources;

/// <summary>
/// Base class of every resource the source generator emits. The generated subclass calls the
/// method and converts its result; this class owns the protocol description, URI matching, and
/// turns failures into JSON-RPC errors without stack traces.
/// </summary>
public abstract class GeneratedMcpResource : McpServerResource
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();
    private readonly ResourceTemplate _protocolTemplate;
    private readonly UriTemplate? _template;

    /// <summary>Creates the resource from its compile-time descriptor.</summary>
    protected GeneratedMcpResource(McpResourceDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Descriptor = descriptor;
        _template = descriptor.IsTemplated ? new UriTemplate(descriptor.Uri) : null;
        _protocolTemplate = new ResourceTemplate
        {
            Name = descriptor.Name,
            Title = descriptor.Title,
            UriTemplate = descriptor.Uri,
            Description = descriptor.Description,
            MimeType = descriptor.MimeType,
        };
    }

    /// <summary>What the generator knew about this resource.</summary>
    public McpResourceDescriptor Descriptor { get; }

    /// <inheritdoc />
    public override ResourceTemplate ProtocolResourceTemplate => _protocolTemplate;

    /// <inheritdoc />
    public override IReadOnlyList<object> Metadata => [];

    /// <summary>The URI template, or null for a fixed URI.</summary>
    internal UriTemplate? Template => _template;

    /// <inheritdoc />
    /// <remarks>
    /// The SDK asks this before the platform's filter runs; the filter then resolves the URI itself
    /// (<see cref="McpResourceCatalog.TryFindResource"/>) and serves the resource it authorised. A
    /// match that runs out of time answers true so the SDK stops looking further and the filter,
    /// meeting the same timeout, refuses the read.
    /// </remarks>
    public override bool IsMatch(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        try
        {
            return MatchVariables(uri) is not null;
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>The template variables of <paramref name="uri"/> (empty for a fixed URI), or null when it is not this resource's.</summary>
    /// <exception cref="RegexMatchTimeoutException">Matching the template took too long: undecided, not "no match".</exception>
    public IReadOnlyDictionary<string, string>? MatchVariables(string uri) =>
        _template is null
            ? string.Equals(uri, Descriptor.Uri, StringComparison.Ordinal) ? NoVariables : null
            : _template.Match(uri);

    /// <inheritdoc />
    public sealed override async ValueTask<ReadResourceResult> ReadAsync(
        RequestContext<ReadResourceRequestParams> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.Params?.Uri ?? throw new McpProtocolException("resources/read needs a uri.", McpErrorCode.InvalidParams);
        IReadOnlyDictionary<string, string> variables;
        try
        {
            variables = MatchVariables(uri) ?? throw new McpProtocolException($"Resource not found: '{uri}'", McpErrorCode.ResourceNotFound);
        }
        catch (RegexMatchTimeoutException)
        {
            throw Governance.CatalogRefusals.UriTemplateTimedOut();
        }

        try
        {
            return await ReadCoreAsync(new ResourceRead(request, Descriptor, variables), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (HandlerRequests.IsHandlerFailure(ex, cancellationToken))
        {
            HandlerRequests.Logger<GeneratedMcpResource, ReadResourceRequestParams>(request).LogWarning(ex, "Resource {ResourceName} failed", Descriptor.Name);
            throw new McpProtocolException($"Resource '{Descriptor.Name}' failed: {ex.Message}", McpErrorCode.InternalError);
        }
    }

    /// <summary>Calls the resource method and converts its result.</summary>
    protected abstract ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken);
}
