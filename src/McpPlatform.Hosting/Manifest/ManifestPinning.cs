using System.Reflection;
using McpPlatform.Hosting.Tools;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Manifest;

/// <summary>
/// At start-up, before Kestrel binds, compares the manifest hash compiled into the tool catalog with the
/// approved manifest. Outside Development (or with <c>RequireApproval=true</c>) a missing, tampered or different
/// approval stops the server with a message naming the differences; otherwise it is logged as a warning.
/// </summary>
internal sealed partial class ManifestPinning(
    McpToolCatalog catalog,
    IOptions<ManifestPinningOptions> options,
    IHostEnvironment environment,
    ILogger<ManifestPinning> logger) : IHostedLifecycleService
{
    private const string HowToApprove =
        "To approve: run 'mcp-platform manifest approve' in the project folder (a reviewer turns mcp-manifest.json into "
        + ManifestFiles.ApprovedFileName + "), commit that file and rebuild.";

    // Runs before any hosted service starts, so a refused server never accepts a connection.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Verify();
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Refuses (throws) or logs, as the environment and <see cref="ManifestPinningOptions.RequireApproval"/> say.</summary>
    /// <exception cref="InvalidOperationException">Approval is required and the tool surface is not the approved one.</exception>
    internal void Verify()
    {
        var required = options.Value.RequireApproval ?? !environment.IsDevelopment();
        if (!required && !environment.IsDevelopment())
        {
            LogApprovalNotRequired(logger, environment.EnvironmentName);
        }

        var (approved, problem) = Check();
        if (problem is null)
        {
            LogApproved(logger, approved!.Manifest.Hash, approved.Approval.Reviewer, approved.Approval.ApprovedAt);
            return;
        }

        if (required)
        {
            throw new InvalidOperationException(
                $"{ManifestPinningOptions.SectionName}: this server's tool surface is not approved, so it does not start in the '{environment.EnvironmentName}' environment. "
                + problem + Environment.NewLine + HowToApprove);
        }

        LogNotApproved(logger, problem + Environment.NewLine + HowToApprove);
    }

    /// <summary>The approved manifest when it matches; otherwise what is wrong (with the differences when known).</summary>
    private (ApprovedManifest? Approved, string? Problem) Check()
    {
        if (catalog.ManifestHash is not { } compiledHash)
        {
            return (null, "The tool catalog carries no compiled manifest hash (it was assembled by hand or combined, or the McpPlatform "
                + "source generator did not run), so it cannot be matched against an approved manifest.");
        }

        var candidates = ApprovedPathCandidates();
        var path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return (null, $"No approved manifest: {string.Join(" and ", candidates.Select(c => $"'{c}'"))} "
                + (candidates.Count == 1 ? "does" : "do") + $" not exist ({ManifestPinningOptions.SectionName}:{nameof(ManifestPinningOptions.ApprovedPath)}).");
        }

        ApprovedManifest approved;
        try
        {
            approved = ApprovedManifest.Load(path);
        }
        catch (ManifestTamperedException tampered)
        {
            return (null, $"The approved manifest '{path}' was modified after approval and is rejected: {tampered.Message}");
        }
        catch (Exception failure) when (failure is ManifestFormatException or IOException or UnauthorizedAccessException)
        {
            return (null, $"The approved manifest '{path}' cannot be read: {failure.Message}");
        }

        if (string.Equals(approved.Manifest.Hash, compiledHash, StringComparison.Ordinal))
        {
            return (approved, null);
        }

        var compiled = FindCompiledManifest(compiledHash);
        var differences = compiled is null
            ? ManifestPinningDifferences.DescribeNames(approved.Manifest, catalog.Descriptors.Select(d => d.Name))
            : ManifestPinningDifferences.Describe(approved.Manifest, compiled);
        var summary = $"The compiled manifest ({compiledHash}) differs from the approved one ({approved.Manifest.Hash}, '{path}', "
            + $"approved by {approved.Approval.Reviewer} at {approved.Approval.ApprovedAt:yyyy-MM-ddTHH:mm:ssZ}).";
        return (null, differences.Count == 0
            ? summary
            : summary + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  " + d)));
    }

    private List<string> ApprovedPathCandidates()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.ApprovedPath))
        {
            return [Path.GetFullPath(options.Value.ApprovedPath, environment.ContentRootPath)];
        }

        return new[] { AppContext.BaseDirectory, environment.ContentRootPath }
            .Select(folder => Path.GetFullPath(Path.Combine(folder, ManifestFiles.ApprovedFileName)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The manifest the generator embedded in the assembly that defines the catalog's tools, when its hash is the catalog's.</summary>
    private ManifestDocument? FindCompiledManifest(string compiledHash)
    {
        var assemblies = catalog.Tools.Select(t => t.GetType().Assembly).Append(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct();
        foreach (var assembly in assemblies)
        {
            foreach (var metadata in assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (metadata.Key != ManifestFiles.AssemblyMetadataKey || metadata.Value is null)
                {
                    continue;
                }

                try
                {
                    var manifest = ManifestDocument.Parse(metadata.Value, $"{assembly.GetName().Name} (compiled manifest)");
                    if (manifest.Hash == compiledHash)
                    {
                        return manifest;
                    }
                }
                catch (ManifestFormatException)
                {
                    // Not the manifest this catalog was built with; the name-only comparison still helps.
                }
            }
        }

        return null;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "The tool surface is not approved; starting anyway because approval is not required here. {Details}")]
    private static partial void LogNotApproved(ILogger logger, string details);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Tool surface matches the approved manifest {Hash} (approved by {Reviewer} at {ApprovedAt:u})")]
    private static partial void LogApproved(ILogger logger, string hash, string reviewer, DateTimeOffset approvedAt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "McpPlatform:Manifest:RequireApproval=false: the '{Environment}' server starts even when its tool surface is not the approved one")]
    private static partial void LogApprovalNotRequired(ILogger logger, string environment);
}
