using McpPlatform.Hosting.Audit;
using McpPlatform.Hosting.Authentication;
using McpPlatform.Hosting.CodeMode;
using McpPlatform.Hosting.Governance.Dlp;
using McpPlatform.Hosting.Governance.Policy;
using McpPlatform.Hosting.Governance.RateLimiting;

namespace McpPlatform.Hosting.Manifest;

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
