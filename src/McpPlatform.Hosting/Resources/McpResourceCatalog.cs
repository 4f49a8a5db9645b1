using System.Diagnostics.CodeAnalysis;
using McpPlatform.Governance.Prompts;
using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Prompts;

namespace McpPlatform.Hosting.Resources;

/// <summary>
/// The resources, prompts and completion sources one server exposes, as generated at compile
/// time. Resource URIs and prompt names are unique (the generator reports duplicates; this
/// check also covers catalogs assembled by hand).
/// </summary>
public sealed class McpResourceCatalog
{
    private readonly Dictionary<string, GeneratedMcpResource> _fixed;
    private readonly GeneratedMcpResource[] _templated;
    private readonly Dictionary<string, GeneratedMcpPrompt> _prompts;
    private readonly Dictionary<(McpCompletionTargetKind, string, string), McpCompletionSource> _completions;

    /// <summary>Creates a catalog, refusing duplicate URIs, prompt names and completion targets.</summary>
    public McpResourceCatalog(
        IEnumerable<GeneratedMcpResource> resources,
        IEnumerable<GeneratedMcpPrompt> prompts,
        IEnumerable<McpCompletionSource> completions)
    {
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentNullException.ThrowIfNull(completions);
        Resources = [.. resources.OrderBy(r => r.Descriptor.Name, StringComparer.Ordinal).ThenBy(r => r.Descriptor.Uri, StringComparer.Ordinal)];
        Prompts = [.. prompts.OrderBy(p => p.Descriptor.Name, StringComparer.Ordinal)];
        Completions = [.. completions];
        _fixed = new Dictionary<string, GeneratedMcpResource>(StringComparer.Ordinal);
        foreach (var resource in Resources.Where(r => !r.Descriptor.IsTemplated))
        {
            if (!_fixed.TryAdd(resource.Descriptor.Uri, resource))
            {
                throw new ArgumentException($"Resource URI '{resource.Descriptor.Uri}' is used by more than one resource.", nameof(resources));
            }
        }

        var templates = Resources.Where(r => r.Descriptor.IsTemplated).ToArray();
        var duplicateTemplate = templates.GroupBy(r => r.Descriptor.Uri, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateTemplate is not null)
        {
            throw new ArgumentException($"Resource URI template '{duplicateTemplate.Key}' is used by more than one resource.", nameof(resources));
        }

        // Precedence among overlapping templates: the most literal text first (files://secret/{name}
        // before files://{owner}/{name}), then by name, so one URI always resolves to one resource.
        _templated = [.. templates
            .OrderByDescending(r => r.Template!.LiteralLength)
            .ThenBy(r => r.Descriptor.Name, StringComparer.Ordinal)];
        _prompts = new Dictionary<string, GeneratedMcpPrompt>(StringComparer.Ordinal);
        foreach (var prompt in Prompts)
        {
            if (!_prompts.TryAdd(prompt.Descriptor.Name, prompt))
            {
                throw new ArgumentException($"Prompt name '{prompt.Descriptor.Name}' is used by more than one prompt.", nameof(prompts));
            }
        }

        _completions = [];
        foreach (var completion in Completions)
        {
            if (!_completions.TryAdd((completion.Kind, completion.Target, completion.Argument), completion))
            {
                throw new ArgumentException($"More than one completion source for '{completion.Argument}' of '{completion.Target}'.", nameof(completions));
            }
        }
    }

    /// <summary>An empty catalog.</summary>
    public static McpResourceCatalog Empty { get; } = new([], [], []);

    /// <summary>The resources, sorted by name.</summary>
    public IReadOnlyList<GeneratedMcpResource> Resources { get; }

    /// <summary>The prompts, sorted by name.</summary>
    public IReadOnlyList<GeneratedMcpPrompt> Prompts { get; }

    /// <summary>The completion sources.</summary>
    public IReadOnlyList<McpCompletionSource> Completions { get; }

    /// <summary>
    /// The one resource that serves <paramref name="uri"/>, and its variables: a fixed URI equal to it
    /// (ordinal), else the first template that matches, most specific first (the most literal text,
    /// then by name). The platform serves exactly the resource found here.
    /// </summary>
    /// <exception cref="System.Text.RegularExpressions.RegexMatchTimeoutException">
    /// A template that comes before any match took too long to decide: the URI cannot be resolved
    /// (a later template that matches may not be the resource meant).
    /// </exception>
    public bool TryFindResource(
        string uri,
        [NotNullWhen(true)] out GeneratedMcpResource? resource,
        [NotNullWhen(true)] out IReadOnlyDictionary<string, string>? variables)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (_fixed.TryGetValue(uri, out resource))
        {
            variables = resource.MatchVariables(uri)!;
            return true;
        }

        foreach (var template in _templated)
        {
            if (template.MatchVariables(uri) is { } matched)
            {
                resource = template;
                variables = matched;
                return true;
            }
        }

        resource = null;
        variables = null;
        return false;
    }

    /// <summary>The resource declared with exactly this URI or URI template.</summary>
    public GeneratedMcpResource? ResourceDeclaredAs(string uriOrTemplate) =>
        _fixed.TryGetValue(uriOrTemplate, out var resource)
            ? resource
            : _templated.FirstOrDefault(t => string.Equals(t.Descriptor.Uri, uriOrTemplate, StringComparison.Ordinal));

    /// <summary>Finds a prompt by name.</summary>
    public bool TryGetPrompt(string name, [NotNullWhen(true)] out GeneratedMcpPrompt? prompt) => _prompts.TryGetValue(name, out prompt);

    /// <summary>Finds the completion source for an argument of a prompt or a variable of a URI template.</summary>
    public McpCompletionSource? CompletionFor(McpCompletionTargetKind kind, string target, string argument) =>
        _completions.GetValueOrDefault((kind, target, argument));
}
