using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Every bound options object the manifest's <c>governance</c> member is worked out from, after every configuration
/// provider and options callback: what <see cref="EffectiveGovernance"/> and the <see cref="PinnedSettings"/> read.
/// </summary>
internal sealed record BoundGovernanceOptions(
    PolicyOptions Policy,
    DlpOptions Dlp,
    RateLimitOptions RateLimits,
    CodeModeOptions CodeMode,
    AuditOptions Audit,
    RefusalLimitOptions RefusalLimit,
    McpPlatformOptions Platform,
    ResourceServerOptions Authentication);
