namespace McpPlatform.Governance.Audit;

/// <summary>
/// How many refused requests (any non-2xx answer of the MCP endpoint) one client address may have
/// audited one by one, bound from <c>McpPlatform:Audit:RefusalLimit</c>. Past <see cref="PermitLimit"/>
/// in a <see cref="Window"/>, the address is answered 429 with Retry-After until the window ends, its
/// refusals are counted instead of written, and one summary record per window says how many.
/// </summary>
public sealed class RefusalLimitOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = AuditOptions.SectionName + ":RefusalLimit";

    /// <summary>The most <see cref="MaxAddresses"/> accepted.</summary>
    public const int MaxAddressesLimit = 1_000_000;

    /// <summary>
    /// Refusals of one address audited one by one per window. Room for ordinary clients behind one
    /// address: an official SDK client opening a Stateful session has its first probe answered 400.
    /// </summary>
    public int PermitLimit { get; set; } = 60;

    /// <summary>The window, from an address's first refusal.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Addresses counted one by one (IPv6 addresses by their /64 network); refusals from further
    /// addresses share one count of <see cref="PermitLimit"/> records per window, so many source
    /// addresses can neither grow the table nor the audit file without bound.
    /// </summary>
    public int MaxAddresses { get; set; } = 1024;
}
