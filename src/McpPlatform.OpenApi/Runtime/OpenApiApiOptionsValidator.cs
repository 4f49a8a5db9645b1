using System.Net;
using Microsoft.Extensions.Options;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// Checks one API's settings at start-up, naming the setting: a server whose API has no base URL, a base URL that is
/// plain http to another machine, or a credential without a secret name does not start.
/// </summary>
internal sealed class OpenApiApiOptionsValidator(string apiNamespace) : IValidateOptions<OpenApiApiOptions>
{
    public ValidateOptionsResult Validate(string? name, OpenApiApiOptions options)
    {
        if (!string.Equals(name, apiNamespace, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Skip;
        }

        var section = $"{OpenApiApiOptions.SectionName}:{apiNamespace}";
        var failures = new List<string>();
        if (BaseUrlProblem(options.BaseUrl) is { } problem)
        {
            failures.Add($"{section}:BaseUrl {problem}");
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{section}:Timeout must be between 00:00:00.001 and 00:10:00 (got {options.Timeout}).");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > options.Timeout)
        {
            failures.Add($"{section}:AttemptTimeout must be positive and at most Timeout {options.Timeout} (got {options.AttemptTimeout}).");
        }

        if (options.Retries is < 0 or > 5)
        {
            failures.Add($"{section}:Retries must be between 0 and 5 (got {options.Retries}).");
        }

        if (options.MaxResponseBytes is < 1 or > 256L * 1024 * 1024)
        {
            failures.Add($"{section}:MaxResponseBytes must be between 1 and 268435456 (got {options.MaxResponseBytes}).");
        }

        if (options.MaxRedirects is < 0 or > 10)
        {
            failures.Add($"{section}:MaxRedirects must be between 0 and 10 (got {options.MaxRedirects}).");
        }

        if (options.MaxErrorBodyCharacters is < 0 or > 64 * 1024)
        {
            failures.Add($"{section}:MaxErrorBodyCharacters must be between 0 and 65536 (got {options.MaxErrorBodyCharacters}).");
        }

        failures.AddRange(CredentialProblems(options.Credential, section + ":Credential"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why <paramref name="baseUrl"/> cannot be an API's base URL; null when it can.</summary>
    internal static string? BaseUrlProblem(Uri? baseUrl)
    {
        if (baseUrl is null)
        {
            return "is required: the URL the API's operations are called at (https, or http to a loopback host), e.g. https://api.example.com/v1/.";
        }

        if (!baseUrl.IsAbsoluteUri)
        {
            return $"must be an absolute URL (got '{baseUrl}').";
        }

        var loopbackHttp = baseUrl.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUrl);
        if (baseUrl.Scheme != Uri.UriSchemeHttps && !loopbackHttp)
        {
            return $"must be https (http only to localhost or a loopback address) (got '{baseUrl.GetLeftPart(UriPartial.Authority)}').";
        }

        if (baseUrl.UserInfo.Length > 0 || baseUrl.Query.Length > 0 || baseUrl.Fragment.Length > 0)
        {
            return "must have no user info, query or fragment: credentials come from Credential and the secret store.";
        }

        return null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static IEnumerable<string> CredentialProblems(OpenApiCredentialOptions credential, string section)
    {
        if (!Enum.IsDefined(credential.Kind))
        {
            yield return $"{section}:Kind must be None, Bearer, ApiKey or Basic (got '{credential.Kind}').";
            yield break;
        }

        if (credential.Kind == OpenApiCredentialKind.None)
        {
            yield break;
        }

        if (!IsSecretName(credential.Secret))
        {
            yield return $"{section}:Secret must name the secret store entry holding the {credential.Kind} credential (letters, digits, '-', up to 127), never the value (got '{(credential.Secret is null ? "" : "…")}').";
        }

        if (credential.Kind == OpenApiCredentialKind.ApiKey && !IsToken(credential.Name))
        {
            yield return $"{section}:Name must be the header or query parameter name of the API key (got '{credential.Name}').";
        }

        if (credential.Kind == OpenApiCredentialKind.Basic && (string.IsNullOrEmpty(credential.Username) || credential.Username.Contains(':', StringComparison.Ordinal)))
        {
            yield return $"{section}:Username is required for Basic and must not contain ':'.";
        }
    }

    // Key Vault's rule for secret names, which the local store follows too (docs/secrets.md).
    private static bool IsSecretName(string? name) =>
        name is { Length: > 0 and <= 127 } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    // RFC 9110 token characters: what a header field name may hold (and a sensible query parameter name).
    private static bool IsToken(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
