using McpPlatform.Governance;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Manifest;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace McpPlatform.Generators.Tests.Harness;

/// <summary>
/// The start-up pinning check of a server whose catalog is a build's generated tools plus what it serves beside them at
/// run time (OpenAPI operations, snippets), with default options and the given configuration and environment.
/// </summary>
internal static class ServedPinning
{
    public static ManifestPinning Create(
        GeneratorRun build, IEnumerable<McpToolDescriptor> served, IConfiguration configuration, string environment, string contentRoot, string approvedPath)
    {
        var generated = build.LoadCatalog().Descriptors;
        var catalog = new ToolDescriptorSet(generated.Concat(served))
        {
            ManifestHash = generated.ManifestHash,
            ManifestAssemblies = generated.ManifestAssemblies,
        };
        var effective = new EffectiveManifest(
            catalog,
            configuration,
            Options.Create(new PolicyOptions()),
            Options.Create(new DlpOptions()),
            Options.Create(new RateLimitOptions()),
            Options.Create(new CodeModeOptions()),
            Options.Create(new AuditOptions()),
            Options.Create(new RefusalLimitOptions()),
            Options.Create(new McpPlatformOptions()),
            Options.Create(new ResourceServerOptions()));
        return new ManifestPinning(
            catalog, effective, Options.Create(new ManifestPinningOptions { ApprovedPath = approvedPath }), new Environment(environment, contentRoot), NullLogger<ManifestPinning>.Instance);
    }

    /// <summary>Writes the build's manifest as approved by a reviewer.</summary>
    public static void Approve(GeneratorRun build, string approvedPath) =>
        ApprovedManifest.Create(ManifestDocument.Parse(build.ManifestText(), "mcp-manifest.json"), "reviewer@example.com", DateTimeOffset.UnixEpoch).Write(approvedPath);

    private sealed class Environment(string name, string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "Sample.Server";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
