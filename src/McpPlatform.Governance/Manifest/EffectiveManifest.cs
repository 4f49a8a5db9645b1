using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Audit;
using McpPlatform.Governance.Authentication;
using McpPlatform.Governance.CodeMode;
using McpPlatform.Governance.Dlp;
using McpPlatform.Governance.Policy;
using McpPlatform.Governance.RateLimiting;
using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Manifest;

/// <summary>
/// The manifest this server enforces: the compiled manifest (the tool surface) with its <c>governance</c> member
/// replaced by the governance the bound options give. Its hash equals the compiled hash when nothing at run time
/// changed the governance, and differs as soon as appsettings.{Environment}.json, an environment variable or the
/// command line does; the audit log records it, so a record names what was actually enforced.
/// </summary>
internal sealed class EffectiveManifest
{
    private readonly ToolDescriptorSet _catalog;
    private readonly IConfiguration _configuration;
    private readonly IOptions<PolicyOptions> _policy;
    private readonly IOptions<DlpOptions> _dlp;
    private readonly Lazy<ManifestGovernance> _governance;
    private readonly Lazy<ManifestDocument?> _compiled;
    private readonly Lazy<string?> _hash;

    public EffectiveManifest(
        ToolDescriptorSet catalog,
        IConfiguration configuration,
        IOptions<PolicyOptions> policy,
        IOptions<DlpOptions> dlp,
        IOptions<RateLimitOptions> rateLimits,
        IOptions<CodeModeOptions> codeMode,
        IOptions<AuditOptions> audit,
        IOptions<RefusalLimitOptions> refusalLimit,
        IOptions<McpPlatformOptions> platform,
        IOptions<ResourceServerOptions> authentication)
    {
        _catalog = catalog;
        _configuration = configuration;
        _policy = policy;
        _dlp = dlp;

        // Read on first use, after start-up validation: invalid options fail there, with their own message.
        _governance = new(() => EffectiveGovernance.From(new BoundGovernanceOptions(
            policy.Value, dlp.Value, rateLimits.Value, codeMode.Value, audit.Value, refusalLimit.Value, platform.Value, authentication.Value)));
        _compiled = new(FindCompiled);
        _hash = new(ComputeHash);
    }

    /// <summary>The governance the server enforces.</summary>
    public ManifestGovernance Governance => _governance.Value;

    /// <summary>The manifest the generator compiled into the tools' assembly, when its hash is the catalog's.</summary>
    public ManifestDocument? Compiled => _compiled.Value;

    /// <summary>
    /// The hash of the compiled manifest with the effective governance in it; the compiled hash when the compiled manifest
    /// carries no governance (built by an older generator); null when the catalog has no compiled manifest.
    /// </summary>
    public string? Hash => _hash.Value;

    /// <summary>
    /// Which configuration provider supplied <paramref name="setting"/> (a <see cref="GovernanceDifference.Setting"/>,
    /// rules named in brackets), e.g. <c>appsettings.Production.json</c> or <c>environment variable McpPlatform__Dlp__Enabled</c>.
    /// </summary>
    public string SourceOf(string setting) => ConfigurationSources.Describe(_configuration, ConfigurationKey(setting));

    /// <summary>Turns <c>…:Rules[name]…</c> into the configuration key of that rule (<c>…:Rules:2…</c>).</summary>
    internal string ConfigurationKey(string setting)
    {
        var open = setting.IndexOf('[', StringComparison.Ordinal);
        var close = setting.IndexOf(']', StringComparison.Ordinal);
        if (open < 0 || close < open)
        {
            return setting;
        }

        var section = setting[..open];
        var name = setting[(open + 1)..close];
        var rest = setting[(close + 1)..];
        if (section == PolicyOptions.SectionName + ":Rules")
        {
            var index = (_policy.Value.Rules ?? []).FindIndex(r => string.Equals(r.Name, name, StringComparison.Ordinal));
            return index < 0 ? section : $"{section}:{index}{rest}";
        }

        var dlpIndex = (_dlp.Value.Rules ?? []).FindIndex(r => string.Equals(r.Name.Trim(), name, StringComparison.OrdinalIgnoreCase));
        if (dlpIndex >= 0)
        {
            return $"{section}:{dlpIndex}{rest}";
        }

        // A built-in rule that no configured rule replaces is missing because the built-ins were switched off.
        return _dlp.Value.DisableBuiltIns ? DlpOptions.SectionName + ":" + nameof(DlpOptions.DisableBuiltIns) : section;
    }

    private string? ComputeHash()
    {
        if (Compiled is not { } compiled)
        {
            return _catalog.ManifestHash;
        }

        if (compiled.Governance is null)
        {
            return compiled.Hash;
        }

        var manifest = JsonNode.Parse(compiled.Root.GetRawText())!.AsObject();
        manifest["governance"] = EffectiveGovernance.ToJson(Governance);
        return ManifestDocument.ComputeHash(JsonSerializer.SerializeToElement(manifest));
    }

    private ManifestDocument? FindCompiled()
    {
        if (_catalog.ManifestHash is not { } compiledHash)
        {
            return null;
        }

        var assemblies = _catalog.ManifestAssemblies.Append(Assembly.GetEntryAssembly()).OfType<Assembly>().Distinct();
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
                    // Not the manifest this catalog was built with; pinning still compares hashes.
                }
            }
        }

        return null;
    }
}
