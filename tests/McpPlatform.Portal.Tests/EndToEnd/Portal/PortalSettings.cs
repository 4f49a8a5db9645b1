using System.Globalization;

namespace McpPlatform.Portal.Tests.EndToEnd.Portal;

/// <summary>
/// The portal's configuration as appsettings.json would hold it (<c>McpPlatform:Portal:...</c>, policy rules), built
/// up by the tests and fed to the host as in-memory configuration.
/// </summary>
internal sealed class PortalSettings
{
    private const string Upstreams = "McpPlatform:Portal:Upstreams:";
    private const string Audiences = "McpPlatform:Portal:Audiences:";

    private int _rules;

    /// <summary>The configuration keys and values.</summary>
    public Dictionary<string, string?> Values { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the host's Program.cs adds to the portal's MCP server after <c>AddMcpPortal</c> (e.g. an event stream store).</summary>
    public Action<Microsoft.Extensions.DependencyInjection.IMcpServerBuilder>? Server { get; set; }

    /// <summary>Secrets to put in the portal's secret store before it starts (upstream credentials).</summary>
    public Dictionary<string, string> Secrets { get; } = new(StringComparer.Ordinal);

    /// <summary>A remote upstream over Streamable HTTP, every tool allowed unless <paramref name="allowedTools"/> says otherwise.</summary>
    public PortalSettings HttpUpstream(string @namespace, Uri url, string[]? allowedTools = null, string? bearerToken = null)
    {
        Values[Upstreams + @namespace + ":Url"] = url.AbsoluteUri;
        Allow(@namespace, allowedTools ?? ["*"]);
        if (bearerToken is not null)
        {
            // The token lives in the portal's secret store; configuration only names it.
            var secret = @namespace + "-upstream-token";
            Secrets[secret] = bearerToken;
            Values[Upstreams + @namespace + ":Credentials:Kind"] = "Bearer";
            Values[Upstreams + @namespace + ":Credentials:Secret"] = secret;
        }

        return this;
    }

    /// <summary>A local upstream the portal launches over stdio.</summary>
    public PortalSettings StdioUpstream(
        string @namespace, string command, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string[]? allowedTools = null)
    {
        Values[Upstreams + @namespace + ":Command"] = command;
        Indexed(Upstreams + @namespace + ":Arguments", arguments);
        foreach (var (name, value) in environment)
        {
            Values[Upstreams + @namespace + ":Environment:" + name] = value;
        }

        Allow(@namespace, allowedTools ?? ["*"]);
        return this;
    }

    /// <summary>Any other per-upstream setting, e.g. <c>RestartDelay</c>.</summary>
    public PortalSettings Upstream(string @namespace, string setting, string value)
    {
        Values[Upstreams + @namespace + ":" + setting] = value;
        return this;
    }

    /// <summary>An audience endpoint at <paramref name="path"/> narrowed to <paramref name="tools"/> and <paramref name="access"/>.</summary>
    public PortalSettings Audience(string name, string path, string[] tools, string[] access, string[]? groups = null)
    {
        Values[Audiences + name + ":Path"] = path;
        Indexed(Audiences + name + ":Tools", tools);
        Indexed(Audiences + name + ":Access", access);
        Indexed(Audiences + name + ":Groups", groups ?? []);
        return this;
    }

    /// <summary>A policy rule granting <paramref name="access"/> on <paramref name="tools"/> to <paramref name="groups"/>.</summary>
    public PortalSettings Rule(string name, string[] groups, string[] tools, string[] access, string[]? scopes = null)
    {
        var rule = $"McpPlatform:Policy:Rules:{_rules++}:";
        Values[rule + "Name"] = name;
        Indexed(rule + "Groups", groups);
        Indexed(rule + "Tools", tools);
        Indexed(rule + "Access", access);
        Indexed(rule + "Scopes", scopes ?? []);
        return this;
    }

    /// <summary>Any other setting.</summary>
    public PortalSettings Set(string key, string? value)
    {
        Values[key] = value;
        return this;
    }

    private void Allow(string @namespace, string[] tools) => Indexed(Upstreams + @namespace + ":AllowedTools", tools);

    private void Indexed(string key, IEnumerable<string> values)
    {
        var index = 0;
        foreach (var value in values)
        {
            Values[key + ":" + index.ToString(CultureInfo.InvariantCulture)] = value;
            index++;
        }
    }
}
