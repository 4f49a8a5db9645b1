using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Manifest;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Manifest;
using McpPlatform.Portal.Upstreams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Protocol;

namespace McpPlatform.Portal.Quarantine;

/// <summary>
/// Compares what every upstream lists with the approved manifest, on connect and on every <see cref="UpstreamConnection.ToolsChanged"/>
/// (list_changed, reconnect, the refresh interval): an approved tool listed unchanged is offered; one whose definition
/// changed, or that the upstream no longer lists, is quarantined (<see cref="UpstreamToolQuarantine"/>); a tool not in the
/// approved manifest is never offered. Each change is logged, audited (<see cref="AuditRecord.UpstreamChangeKind"/>) and
/// counted once, and the proposal (<c>mcp-manifest.json</c>) is rewritten for a reviewer to diff and approve.
/// </summary>
internal sealed partial class UpstreamToolWatch(
    UpstreamRegistry registry,
    PortalManifest approved,
    UpstreamToolQuarantine quarantine,
    PortalManifestProposal proposal,
    OpenApiOperationPins operations,
    IOptions<PortalOptions> options,
    IServiceProvider services,
    ILogger<UpstreamToolWatch> logger) : IHostedService, IDisposable
{
    /// <summary>The meter the portal's counters are on.</summary>
    public const string MeterName = "McpPlatform.Portal";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Changes = Meter.CreateCounter<long>(
        "mcp_platform.portal.upstream_tool_changes", description: "Upstream tools quarantined because they changed or appeared since approval");

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly ConcurrentDictionary<string, IReadOnlyList<LiveUpstreamTool>?> _live = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _reported = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private long _changeCount;

    /// <summary>How many changes (changed, new or removed tools) were reported since start.</summary>
    public long ChangeCount => Interlocked.Read(ref _changeCount);

    /// <summary>How many times upstream lists were compared (tests wait on it instead of sleeping).</summary>
    public long Comparisons { get; private set; }

    /// <summary>
    /// Reports what start-up decided for the OpenAPI upstreams' operations and writes the proposal with them, then
    /// subscribes before the registry connects (it is registered after this service), so no first listing is missed.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (operations.Live.Count > 0 || operations.Findings.Count > 0)
        {
            await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                foreach (var finding in operations.Findings)
                {
                    await ReportAsync(finding.Namespace, finding.Tool, finding.Change, finding.Reason).ConfigureAwait(false);
                }

                WriteProposal();
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        foreach (var connection in registry.All)
        {
            _live[connection.Namespace] = null;
            connection.ToolsChanged += OnToolsChangedAsync;

            // Registered after the registry after all (an app that added the upstreams first): one already connected is checked now.
            if (connection.Client is not null)
            {
                _ = OnToolsChangedAsync(connection);
            }
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var connection in registry.All)
        {
            connection.ToolsChanged -= OnToolsChangedAsync;
        }

        _stopping.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    /// <summary>Re-reads one upstream's tools and applies the comparison; never throws (an upstream that cannot answer keeps its state).</summary>
    public async Task OnToolsChangedAsync(UpstreamConnection connection)
    {
        IReadOnlyList<Tool> listed;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(connection.Options.Timeout);
            listed = await connection.ListToolsAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is UpstreamException or OperationCanceledException or ObjectDisposedException)
        {
            LogListFailed(logger, connection.Namespace, failure.Message);
            return;
        }

        try
        {
            await _oneAtATime.WaitAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            await CompareAsync(connection.Namespace, connection.Options, listed).ConfigureAwait(false);
        }
        catch (Exception failure)
        {
            // A bug or a hostile definition must not take the portal down; the tools keep their state.
            LogCompareFailed(logger, failure, connection.Namespace);
        }
        finally
        {
            Comparisons++;
            _oneAtATime.Release();
        }
    }

    private async Task CompareAsync(string ns, UpstreamOptions upstream, IReadOnlyList<Tool> listed)
    {
        var live = listed
            .Where(tool => !string.IsNullOrEmpty(tool.Name))
            .DistinctBy(tool => tool.Name, StringComparer.Ordinal)
            .Select(tool => LiveUpstreamTool.From(ns, tool, upstream))
            .ToList();
        _live[ns] = live;
        var byUpstreamName = live.ToDictionary(tool => tool.UpstreamName, StringComparer.Ordinal);
        var approvedHere = approved.Tools.Where(tool => tool.Namespace == ns).ToList();

        foreach (var tool in approvedHere)
        {
            if (!byUpstreamName.TryGetValue(tool.UpstreamName, out var now))
            {
                await HoldAsync(ns, tool.Tool.Name, "removed", $"upstream '{ns}' no longer lists '{tool.UpstreamName}'").ConfigureAwait(false);
            }
            else if (now.DefinitionHash != tool.DefinitionHash)
            {
                await HoldAsync(ns, tool.Tool.Name, "changed:" + now.DefinitionHash, UpstreamChanges.Describe(tool, now)).ConfigureAwait(false);
            }
            else if (now.OfferedName != tool.Tool.Name)
            {
                await HoldAsync(ns, tool.Tool.Name, "renamed:" + now.OfferedName, $"its name on the portal is configured as '{now.OfferedName}' now, not the approved '{tool.Tool.Name}'").ConfigureAwait(false);
            }
            else
            {
                if (quarantine.ReasonFor(tool.Tool.Name) is not null && _reported.TryRemove(tool.Tool.Name, out _))
                {
                    LogReleased(logger, tool.Tool.Name, ns);
                }

                quarantine.Release(tool.Tool.Name);
            }
        }

        var approvedNames = approvedHere.Select(tool => tool.UpstreamName).ToHashSet(StringComparer.Ordinal);
        foreach (var tool in live.Where(tool => !approvedNames.Contains(tool.UpstreamName)))
        {
            // Never offered (not in the approved manifest), but reported: a reviewer decides whether it joins.
            var allowed = UpstreamToolNames.IsAllowed(upstream, tool.UpstreamName) ? "" : " (and not in AllowedTools)";
            await ReportAsync(ns, tool.OfferedName, "new:" + tool.DefinitionHash, $"new tool '{tool.UpstreamName}' of upstream '{ns}' is not in the approved manifest{allowed}").ConfigureAwait(false);
        }

        WriteProposal();
    }

    private async Task HoldAsync(string ns, string tool, string change, string reason)
    {
        quarantine.Hold(tool, reason);
        await ReportAsync(ns, tool, change, reason).ConfigureAwait(false);
    }

    /// <summary>Logs, audits and counts a change once (the same change seen again on the next listing is not reported again).</summary>
    private async Task ReportAsync(string ns, string tool, string change, string reason)
    {
        if (_reported.TryGetValue(tool, out var previous) && previous == change)
        {
            return;
        }

        _reported[tool] = change;
        Interlocked.Increment(ref _changeCount);
        Changes.Add(1, new KeyValuePair<string, object?>("upstream", ns), new KeyValuePair<string, object?>("change", change.Split(':')[0]));
        LogQuarantined(logger, tool, ns, reason);
        if (services.GetService<AuditLog>() is { } audit)
        {
            var record = new AuditRecord
            {
                Kind = AuditRecord.UpstreamChangeKind,
                Method = RequestMethods.ToolsList,
                Tool = tool,
                Upstream = ns,
                Decision = AuditDecisions.Denied,
                Rule = UpstreamToolQuarantine.RuleName,
                Outcome = "quarantined",
                Error = reason,
            };
            try
            {
                await audit.WriteAsync(record, durable: false, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is AuditUnavailableException or OperationCanceledException)
            {
                LogAuditFailed(logger, tool, failure.Message);
            }
        }
    }

    private void WriteProposal()
    {
        if (approved.Path is null)
        {
            return;
        }

        try
        {
            var document = proposal.Build(
                options.Value.Upstreams.Keys.ToDictionary(ns => ns, ns => _live.GetValueOrDefault(ns), StringComparer.Ordinal),
                approved);
            if (PortalManifestProposal.Write(document, approved.ProposalPath))
            {
                LogProposalWritten(logger, approved.ProposalPath, document.Hash);
            }
        }
        catch (Exception failure) when (failure is ManifestFormatException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            LogProposalFailed(logger, approved.ProposalPath, failure.Message);
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Upstream tool {Tool} of {Upstream} quarantined: {Reason}")]
    private static partial void LogQuarantined(ILogger logger, string tool, string upstream, string reason);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Upstream tool {Tool} of {Upstream} matches its approved definition again and is offered")]
    private static partial void LogReleased(ILogger logger, string tool, string upstream);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Could not list the tools of upstream {Upstream}: {Reason}")]
    private static partial void LogListFailed(ILogger logger, string upstream, string reason);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Error, Message = "Comparing the tools of upstream {Upstream} with the approved manifest failed")]
    private static partial void LogCompareFailed(ILogger logger, Exception failure, string upstream);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Wrote the portal's proposed manifest {Path} ({Hash}); review it with 'mcp-platform manifest diff' and approve it with 'mcp-platform manifest approve'")]
    private static partial void LogProposalWritten(ILogger logger, string path, string hash);

    [LoggerMessage(EventId = 7006, Level = LogLevel.Warning, Message = "Could not write the portal's proposed manifest {Path}: {Reason}")]
    private static partial void LogProposalFailed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 7007, Level = LogLevel.Warning, Message = "Could not audit the change of upstream tool {Tool}: {Reason}")]
    private static partial void LogAuditFailed(ILogger logger, string tool, string reason);
}
