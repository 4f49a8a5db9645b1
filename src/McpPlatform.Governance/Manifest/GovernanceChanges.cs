namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The server-wide governance changes between two manifests for <see cref="ManifestDiff"/> (<c>manifest diff</c>,
/// <c>verify</c>, and the start-up refusal): a weaker setting is high risk, a stronger one low, any other change medium.
/// </summary>
internal static class GovernanceChanges
{
    public static void Compare(ManifestDocument approved, ManifestDocument current, List<ManifestChange> changes)
    {
        if (approved.Governance is null || current.Governance is null)
        {
            if (approved.Governance is null && current.Governance is not null)
            {
                changes.Add(new(ManifestChangeKind.GovernanceChanged, null, ManifestRisk.Medium,
                    "governance (policy rules, data rules, rate limits, Code Mode limits, audit) recorded for the first time: review the governance section"));
            }
            else if (approved.Governance is not null)
            {
                changes.Add(new(ManifestChangeKind.GovernanceChanged, null, ManifestRisk.Medium, "governance no longer recorded: the server's configuration is not pinned"));
            }

            return;
        }

        foreach (var difference in GovernanceComparison.Compare(approved.Governance, current.Governance).OrderBy(d => d.Direction))
        {
            var (kind, risk, label) = difference.Direction switch
            {
                GovernanceDirection.Weaker => (ManifestChangeKind.GovernanceWeakened, ManifestRisk.High, "weaker"),
                GovernanceDirection.Stronger => (ManifestChangeKind.GovernanceStrengthened, ManifestRisk.Low, "stronger"),
                _ => (ManifestChangeKind.GovernanceChanged, ManifestRisk.Medium, "changed"),
            };
            changes.Add(new(kind, null, risk, $"{difference.Setting} {difference.Approved} → {difference.Effective} ({label}: {difference.Why})"));
        }
    }
}
