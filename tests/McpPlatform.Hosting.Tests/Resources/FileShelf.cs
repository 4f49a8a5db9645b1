using McpPlatform.Governance.Resources;
using McpPlatform.Hosting.Resources;
using McpPlatform.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Hosting.Tests.Resources;

/// <summary>
/// A resource catalog written the way the generator writes one, whose URI templates overlap on
/// purpose: <c>files://{owner}/{name}</c> (any_file, open to every reader) and the more specific
/// <c>files://secret/{name}</c> (secret_file, support only), plus <c>docs://{name}</c> (open)
/// overlapped by a template whose match backtracks for ever on a long name (a_slow_doc, support
/// only), and a completion that suggests an email address.
/// </summary>
public static class FileShelf
{
    public const string SecretRule = "secret-files";
    public const string Email = "jane.doe@example.com";

    /// <summary>A URI both file templates match: the secret one is the more specific.</summary>
    public const string SecretPlanUri = "files://secret/plan";

    /// <summary>
    /// A URI docs://{name} matches, while a_slow_doc's pattern (six adjacent variables, then '!')
    /// backtracks through every split of the 4000 characters and times out
    /// (4000: under Code Mode's URI length limit).
    /// </summary>
    public static readonly string SlowDocUri = "docs://" + new string('a', 4000);

    public static McpResourceCatalog Catalog { get; } = new(
        [
            new FileResource("any_file", "files://{owner}/{name}", read => $"any file {read.Variable("owner")}/{read.Variable("name")}"),
            new FileResource("secret_file", "files://secret/{name}", read => $"secret file {read.Variable("name")}"),
            new FileResource("doc", "docs://{name}", read => "doc " + read.Variable("name").Length),
            new FileResource("a_slow_doc", "docs://{a}{b}{c}{d}{e}{f}!", _ => "slow doc"),
        ],
        [],
        [
            new McpCompletionSource(McpCompletionTargetKind.ResourceTemplate, "files://{owner}/{name}", "owner", (c, _) =>
                ValueTask.FromResult<IEnumerable<string>>([Email, "ops"])),
        ]);

    /// <summary>
    /// Default read access off: every reader may read any_file and doc; only support may read
    /// secret_file and a_slow_doc.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Policy { get; } = new Dictionary<string, string?>
    {
        ["McpPlatform:Policy:DefaultRead"] = "false",
        ["McpPlatform:Policy:Rules:0:Name"] = "open-files",
        ["McpPlatform:Policy:Rules:0:Tools:0"] = "resource:any_file",
        ["McpPlatform:Policy:Rules:0:Tools:1"] = "resource:doc",
        ["McpPlatform:Policy:Rules:0:Access:0"] = "Read",
        ["McpPlatform:Policy:Rules:1:Name"] = SecretRule,
        ["McpPlatform:Policy:Rules:1:Groups:0"] = GovernedPolicy.SupportGroup,
        ["McpPlatform:Policy:Rules:1:Tools:0"] = "resource:secret_file",
        ["McpPlatform:Policy:Rules:1:Tools:1"] = "resource:a_slow_doc",
        ["McpPlatform:Policy:Rules:1:Access:0"] = "Read",
    };

    /// <summary>Registers the catalog on a test server's services.</summary>
    public static void Register(IServiceCollection services) => PlatformResources.Add(services.AddMcpServer(), Catalog);

    private sealed class FileResource(string name, string uri, Func<ResourceRead, string> text) : GeneratedMcpResource(new McpResourceDescriptor
    {
        Name = name,
        Uri = uri,
        Description = "A file: " + name,
        MimeType = "text/plain",
    })
    {
        protected override ValueTask<ReadResourceResult> ReadCoreAsync(ResourceRead read, CancellationToken cancellationToken) =>
            ValueTask.FromResult(ResourceResults.From(read, text(read)));
    }
}
