using System.Net;
using McpPlatform.Governance;
using Microsoft.Extensions.Options;

namespace McpPlatform.Hosting.Security;

/// <summary>Refuses to start with a proxy address or network that does not parse, naming the setting.</summary>
internal sealed class ForwardedHeadersSettingsValidator : IValidateOptions<McpPlatformOptions>
{
    private const string Section = McpPlatformOptions.SectionName + ":ForwardedHeaders";

    public ValidateOptionsResult Validate(string? name, McpPlatformOptions options)
    {
        var settings = options.ForwardedHeaders;
        var failures = new List<string>();
        for (var i = 0; i < settings.KnownProxies.Length; i++)
        {
            if (!IPAddress.TryParse(settings.KnownProxies[i], out _))
            {
                failures.Add($"{Section}:KnownProxies:{i} must be an IP address, e.g. 10.0.0.5 (got '{settings.KnownProxies[i]}').");
            }
        }

        for (var i = 0; i < settings.KnownNetworks.Length; i++)
        {
            if (!IPNetwork.TryParse(settings.KnownNetworks[i], out _))
            {
                failures.Add($"{Section}:KnownNetworks:{i} must be a network in CIDR form, e.g. 10.0.0.0/24 (got '{settings.KnownNetworks[i]}').");
            }
        }

        if (settings.Enabled && settings.KnownProxies.Length == 0 && settings.KnownNetworks.Length == 0)
        {
            failures.Add($"{Section}:Enabled=true needs {Section}:KnownProxies or {Section}:KnownNetworks naming the reverse proxy; headers from any other address are ignored.");
        }

        if (settings.ForwardLimit is < 1 or > 10)
        {
            failures.Add($"{Section}:ForwardLimit must be between 1 and 10 (got {settings.ForwardLimit}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
