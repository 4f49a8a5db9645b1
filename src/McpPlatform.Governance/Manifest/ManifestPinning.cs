using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// At start-up, before Kestrel binds, compares the manifest hash compiled into the tool catalog with the
/// approved manifest, then the governance the server will actually enforce (its bound options) with the governance
/// the approved manifest records. Outside Development (or with <c>RequireApproval=true</c>) a missing, tampered or
/// different approval, or a weaker effective governance, stops the server with a message naming the differences
/// (and, for governance, each setting's source); otherwise it is logged as a warning.
/// </summary>
internal sealed partial class ManifestPinning(
    ToolDescriptorSet catalog,
    EffectiveManifest effective,
    IOptions<ManifestPinningOptions> options,
    IHostEnvironment environment,
    ILogger<ManifestPinning> logger) : IHostedLifecycleService
{
    private const string HowToApprove =
        "To approve: run 'mcp-platform manifest approve' in the project folder (a reviewer turns mcp-manifest.json into "
        + ManifestFiles.ApprovedFileName + "), commit that file and rebuild.";

    private const string HowToApproveGovernance =
        "Remove the override at the source named above, or put the setting into the project's appsettings.json, rebuild and have a reviewer "
        + "approve the new manifest ('mcp-platform manifest approve').";

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
            VerifyGovernance(approved, required);
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

    /// <summary>
    /// Compares the effective governance with the approved one: weaker refuses (or warns when approval is not required),
    /// stronger or merely different is logged at Information, each with the configuration source that set it.
    /// </summary>
    private void VerifyGovernance(ApprovedManifest approved, bool required)
    {
        if (approved.Manifest.Governance is not { } approvedGovernance)
        {
            LogNoGovernanceRecorded(logger, approved.Manifest.Hash);
            return;
        }

        var differences = GovernanceComparison.Compare(approvedGovernance, effective.Governance);
        if (differences.Count == 0)
        {
            LogGovernanceMatches(logger, effective.Hash ?? approved.Manifest.Hash);
            return;
        }

        var notWeaker = differences.Where(d => d.Direction != GovernanceDirection.Weaker).ToList();
        if (notWeaker.Count > 0)
        {
            LogGovernanceStronger(logger, effective.Hash ?? "(none)", Lines(notWeaker));
        }

        var weaker = differences.Where(d => d.Direction == GovernanceDirection.Weaker).ToList();
        if (weaker.Count == 0)
        {
            return;
        }

        var details = $"The governance this server would enforce (effective manifest {effective.Hash}) is weaker than the approved manifest "
            + $"({approved.Manifest.Hash}, approved by {approved.Approval.Reviewer} at {approved.Approval.ApprovedAt:yyyy-MM-ddTHH:mm:ssZ}):"
            + Environment.NewLine + Lines(weaker) + Environment.NewLine + HowToApproveGovernance;
        if (required)
        {
            throw new InvalidOperationException(
                $"{ManifestPinningOptions.SectionName}: this server's effective governance is not approved, so it does not start in the '{environment.EnvironmentName}' environment. " + details);
        }

        LogGovernanceWeaker(logger, details);
    }

    private string Lines(IEnumerable<GovernanceDifference> differences) => string.Join(Environment.NewLine, differences.Select(d =>
        $"  [{(d.Direction == GovernanceDirection.Weaker ? "weaker" : d.Direction == GovernanceDirection.Stronger ? "stronger" : "changed")}] {d.Setting}: "
        + $"approved {d.Approved}, effective {d.Effective} (source: {effective.SourceOf(d.Setting)}): {d.Why}"));

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
        catch (ManifestEarlierFormException earlier)
        {
            return (null, $"The approved manifest '{path}' is of the earlier canonical form and must be approved again: {earlier.Message}");
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
            return ServedOperationsDiffer() is { } operations ? (null, operations) : (approved, null);
        }

        var compiled = effective.Compiled;
        var differences = compiled is null
            ? ManifestPinningDifferences.DescribeNames(approved.Manifest, catalog.Select(d => d.Name))
            : ManifestPinningDifferences.Describe(approved.Manifest, compiled);
        var summary = $"The compiled manifest ({compiledHash}) differs from the approved one ({approved.Manifest.Hash}, '{path}', "
            + $"approved by {approved.Approval.Reviewer} at {approved.Approval.ApprovedAt:yyyy-MM-ddTHH:mm:ssZ}).";
        return (null, differences.Count == 0
            ? summary
            : summary + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  " + d)));
    }

    /// <summary>
    /// The served OpenAPI operations must be the ones the compiled (and approved) manifest lists: the document is read at
    /// start-up and the access overrides come from the configuration, so either may differ from what the build read.
    /// </summary>
    private string? ServedOperationsDiffer()
    {
        if (ServedSnippetsDiffer() is { } snippets)
        {
            return snippets;
        }

        if (catalog.OpenApiOperationsPinnedByHost || !catalog.Any(t => t.Origin == ToolOrigin.OpenApi))
        {
            return null;
        }

        if (effective.Compiled is not { } compiled)
        {
            return "The server serves OpenAPI operations, but the compiled manifest cannot be found in the tools' assemblies to compare them with.";
        }

        var differences = OpenApiSurface.Differences(compiled, catalog, effective.SourceOf);
        return differences.Count == 0
            ? null
            : "The OpenAPI operations this server would serve are not the ones in its compiled and approved manifest:"
                + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  " + d))
                + Environment.NewLine + "Rebuild with the document and access overrides the server runs with (or remove the override at the source named above).";
    }

    /// <summary>The served snippets must be the scripts the compiled (and approved) manifest pins: they are read from the output folder at start-up.</summary>
    private string? ServedSnippetsDiffer()
    {
        if (!catalog.Any(t => t.Origin == ToolOrigin.Snippet))
        {
            return null;
        }

        if (effective.Compiled is not { } compiled)
        {
            return "The server serves snippets, but the compiled manifest cannot be found in the tools' assemblies to compare them with.";
        }

        var differences = SnippetSurface.Differences(compiled, catalog);
        return differences.Count == 0
            ? null
            : "The snippets this server would serve are not the ones in its compiled and approved manifest:"
                + Environment.NewLine + string.Join(Environment.NewLine, differences.Select(d => "  " + d))
                + Environment.NewLine + "Rebuild with the scripts the server runs, and approve the manifest (mcp-platform manifest approve).";
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

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "The tool surface is not approved; starting anyway because approval is not required here. {Details}")]
    private static partial void LogNotApproved(ILogger logger, string details);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Tool surface matches the approved manifest {Hash} (approved by {Reviewer} at {ApprovedAt:u})")]
    private static partial void LogApproved(ILogger logger, string hash, string reviewer, DateTimeOffset approvedAt);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "McpPlatform:Manifest:RequireApproval=false: the '{Environment}' server starts even when its tool surface is not the approved one")]
    private static partial void LogApprovalNotRequired(ILogger logger, string environment);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Effective governance matches the approved manifest; effective manifest hash {Hash}")]
    private static partial void LogGovernanceMatches(ILogger logger, string hash);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Effective governance differs from the approved manifest without weakening it (effective manifest hash {Hash}):\n{Details}")]
    private static partial void LogGovernanceStronger(ILogger logger, string hash, string details);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "The effective governance is weaker than approved; starting anyway because approval is not required here. {Details}")]
    private static partial void LogGovernanceWeaker(ILogger logger, string details);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "The approved manifest {Hash} records no governance (it was generated by an older McpPlatform), so run-time configuration is not compared with it; rebuild and re-approve")]
    private static partial void LogNoGovernanceRecorded(ILogger logger, string hash);
}
