using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Resources;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.CodeMode;

/// <summary>
/// The resources the <c>codemode.resources</c> tests read, written the way the generator writes
/// them (subclasses of the generated base) so the test project's generated tool surface stays as it
/// is: a text page holding an email address, a binary logo and a templated page.
/// </summary>
internal static class CodeModeResourcesCatalog
{
    public const string WelcomeUri = "docs://welcome";
    public const string LogoUri = "docs://logo";
    public const string PageTemplate = "docs://pages/{slug}";
    public const string Email = "jane.doe@example.com";

    /// <summary>The logo's bytes; base64 <c>AQID+g==</c>.</summary>
    public static readonly byte[] LogoBytes = [1, 2, 3, 250];

    public static McpResourceCatalog Catalog { get; } = new([new WelcomeResource(), new LogoResource(), new PageResource()], [], []);

    /// <summary>Registers the catalog on a test server's services.</summary>
    public static void Register(IServiceCollection services) => PlatformResources.Add(services.AddMcpServer(), Catalog);

    private sealed class WelcomeResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "welcome",
        Uri = WelcomeUri,
        Description = "The welcome page.",
        MimeType = "text/markdown",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, $"# Welcome\nQuestions to {Email}."));
    }

    private sealed class LogoResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "logo",
        Uri = LogoUri,
        Description = "The company logo.",
        MimeType = "image/png",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, LogoBytes));
    }

    private sealed class PageResource() : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = "page",
        Uri = PageTemplate,
        Description = "One handbook page by slug.",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, "page " + read.Variable("slug")));
    }
}
