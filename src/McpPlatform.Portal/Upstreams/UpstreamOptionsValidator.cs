using System.Text.RegularExpressions;
using McpPlatform.Governance.Tools;
using McpPlatform.Portal.Configuration;
using McpPlatform.Portal.Credentials;
using Microsoft.Extensions.Options;

namespace McpPlatform.Portal.Upstreams;

/// <summary>
/// Fails start-up on an upstream the portal could not reach or authenticate to as configured, with a message naming the
/// upstream and the setting: a bad namespace, neither or both of Url and Command, a non-http(s) Url, an incomplete
/// credential, limits that make no sense, prompt aliases or offered resource URI prefixes that collide; and an audience's tool pattern with a misplaced '*'.
/// </summary>
internal sealed partial class UpstreamOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options)
    {
        var failures = new List<string>();
        foreach (var (space, upstream) in options.Upstreams)
        {
            Validate(space, upstream, failures);
        }

        RelayNamesValidation.Validate(options, failures);
        foreach (var (audience, settings) in options.Audiences)
        {
            ValidateAudienceTools(audience, settings, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Validate(string space, UpstreamOptions upstream, List<string> failures)
    {
        var at = $"McpPlatform:Portal:Upstreams:{space}";
        if (!NamespacePattern().IsMatch(space))
        {
            failures.Add($"Upstream '{space}': the namespace must be lower-case letters, digits and '-' (it prefixes the upstream's tool names).");
        }

        if (upstream is null)
        {
            failures.Add($"Upstream '{space}': {at} is empty; set Url or Command.");
            return;
        }

        var hasUrl = upstream.Url is not null;
        var hasCommand = !string.IsNullOrWhiteSpace(upstream.Command);
        if (hasUrl == hasCommand)
        {
            failures.Add($"Upstream '{space}': set exactly one of {at}:Url (a Streamable HTTP endpoint) and {at}:Command (a local process over stdio).");
        }

        if (hasUrl && (!upstream.Url!.IsAbsoluteUri || (upstream.Url.Scheme != Uri.UriSchemeHttp && upstream.Url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"Upstream '{space}': {at}:Url must be an absolute http or https URL (got '{upstream.Url}').");
        }

        if (hasUrl && upstream.Url!.IsAbsoluteUri && !string.IsNullOrEmpty(upstream.Url.UserInfo))
        {
            failures.Add($"Upstream '{space}': {at}:Url must not carry credentials; use {at}:Credentials with a secret store name.");
        }

        if (!hasCommand && upstream.Environment.Count > 0)
        {
            failures.Add($"Upstream '{space}': {at}:Environment applies only to a Command upstream.");
        }

        foreach (var (variable, value) in upstream.Environment)
        {
            if (value is not null && value.StartsWith(UpstreamEnvironment.SecretPrefix, StringComparison.Ordinal) && value.Length == UpstreamEnvironment.SecretPrefix.Length)
            {
                failures.Add($"Upstream '{space}': {at}:Environment:{variable} names no secret after '{UpstreamEnvironment.SecretPrefix}'.");
            }
        }

        ValidateCredentials(space, at + ":Credentials", upstream.Credentials ?? new UpstreamCredentialOptions(), hasUrl, failures);
        ValidateLimits(space, at, upstream, failures);
    }

    // Audiences name tools as policy rules do (ToolPatterns); a misplaced '*' would silently offer nothing.
    private static void ValidateAudienceTools(string audience, PortalAudienceOptions settings, List<string> failures)
    {
        foreach (var entry in settings.Tools ?? [])
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                failures.Add($"Audience '{audience}': {PortalOptions.SectionName}:Audiences:{audience}:Tools contains an empty entry.");
            }
            else if (ToolPatterns.WildcardProblem(entry.Trim()) is { } problem)
            {
                failures.Add($"Audience '{audience}': {PortalOptions.SectionName}:Audiences:{audience}:Tools contains '{entry}', but {problem}.");
            }
        }
    }

    private static void ValidateCredentials(string space, string at, UpstreamCredentialOptions credentials, bool http, List<string> failures)
    {
        var kind = UpstreamCredentialKindNames.Normalize(credentials.Kind);
        if (kind is null)
        {
            failures.Add($"Upstream '{space}': {at}:Kind must be None, Bearer, ApiKey, ClientCredentials or TokenExchange (got '{credentials.Kind}').");
            return;
        }

        if (kind == UpstreamCredentialKinds.None)
        {
            return;
        }

        if (!http)
        {
            failures.Add($"Upstream '{space}': {at}:Kind {kind} applies only to a Url upstream; give a Command upstream its secrets through Environment values 'secret:<name>'.");
            return;
        }

        if (string.IsNullOrWhiteSpace(credentials.Secret))
        {
            failures.Add($"Upstream '{space}': {at}:Secret must name the secret store entry for {kind} (the name, never the value).");
        }

        if (kind == UpstreamCredentialKinds.ApiKey && string.IsNullOrWhiteSpace(credentials.Header))
        {
            failures.Add($"Upstream '{space}': {at}:Header must name the header the API key goes in.");
        }

        if (kind is UpstreamCredentialKinds.ClientCredentials or UpstreamCredentialKinds.TokenExchange)
        {
            var endpoint = credentials.TokenEndpoint;
            if (endpoint is null || !endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Upstream '{space}': {at}:TokenEndpoint must be the authorization server's absolute http(s) token endpoint for {kind}.");
            }

            if (string.IsNullOrWhiteSpace(credentials.ClientId))
            {
                failures.Add($"Upstream '{space}': {at}:ClientId must be the portal's client id at the authorization server for {kind}.");
            }
        }
    }

    private static void ValidateLimits(string space, string at, UpstreamOptions upstream, List<string> failures)
    {
        void Positive(TimeSpan value, string setting)
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"Upstream '{space}': {at}:{setting} must be positive (got {value}).");
            }
        }

        Positive(upstream.Timeout, nameof(UpstreamOptions.Timeout));
        Positive(upstream.ConnectTimeout, nameof(UpstreamOptions.ConnectTimeout));
        Positive(upstream.RefreshInterval, nameof(UpstreamOptions.RefreshInterval));
        Positive(upstream.BreakDuration, nameof(UpstreamOptions.BreakDuration));
        Positive(upstream.RestartDelay, nameof(UpstreamOptions.RestartDelay));
        if (upstream.MaxRestartDelay < upstream.RestartDelay)
        {
            failures.Add($"Upstream '{space}': {at}:MaxRestartDelay must be at least RestartDelay (got {upstream.MaxRestartDelay} < {upstream.RestartDelay}).");
        }

        if (upstream.MaxResultBytes <= 0)
        {
            failures.Add($"Upstream '{space}': {at}:MaxResultBytes must be positive (got {upstream.MaxResultBytes}).");
        }

        if (upstream.BreakAfterFailures < 1)
        {
            failures.Add($"Upstream '{space}': {at}:BreakAfterFailures must be at least 1 (got {upstream.BreakAfterFailures}).");
        }

        if (upstream.CallsPerMinute < 0)
        {
            failures.Add($"Upstream '{space}': {at}:CallsPerMinute must be 0 (no limit) or more (got {upstream.CallsPerMinute}).");
        }
    }

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespacePattern();
}
