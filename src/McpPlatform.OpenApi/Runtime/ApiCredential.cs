using System.Net.Http.Headers;
using System.Text;
using McpPlatform.Governance.Secrets;
using McpPlatform.Governance.Tools;

namespace McpPlatform.OpenApi.Runtime;

/// <summary>
/// An API's credential for one call: read from the secret store (through <see cref="SecretAccess"/>, so only the secret
/// the operation's descriptor declares, with its cache and its value-free errors) and put on each request the call sends.
/// It also knows every form the value travels in, so text the API echoes back can be scrubbed of it.
/// </summary>
internal sealed class ApiCredential
{
    /// <summary>What replaces the credential in text the caller sees.</summary>
    public const string Redacted = "[credential]";

    private readonly OpenApiCredentialOptions _options;
    private readonly string? _value;
    private readonly string[] _forms;

    private ApiCredential(OpenApiCredentialOptions options, string? value)
    {
        _options = options;
        _value = value;
        _forms = value is null ? [] : Forms(options, value);
    }

    /// <summary>Reads the credential of <paramref name="options"/> for the tool <paramref name="tool"/>.</summary>
    /// <exception cref="ToolSecretException">The secret is undeclared, missing or the store cannot be reached (message without a value).</exception>
    public static async ValueTask<ApiCredential> ReadAsync(OpenApiCredentialOptions options, SecretAccess secrets, McpToolDescriptor tool, CancellationToken cancellationToken)
    {
        if (options.Kind == OpenApiCredentialKind.None || options.Secret is null)
        {
            return new ApiCredential(options, null);
        }

        var value = await secrets.GetAsync(tool, options.Secret, cancellationToken).ConfigureAwait(false);
        return new ApiCredential(options, value);
    }

    /// <summary>The URL with the API key as a query parameter when it goes there (replacing one of that name).</summary>
    public Uri Apply(Uri url)
    {
        if (_value is null || _options is not { Kind: OpenApiCredentialKind.ApiKey, In: ApiKeyLocation.Query })
        {
            return url;
        }

        var name = Uri.EscapeDataString(_options.Name);
        var kept = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !string.Equals(pair.Split('=')[0], name, StringComparison.Ordinal));
        var query = string.Join('&', kept.Append(name + "=" + Uri.EscapeDataString(_value)));
        return new UriBuilder(url) { Query = query }.Uri;
    }

    /// <summary>Puts the credential on <paramref name="request"/> (its header replaces any of that name).</summary>
    public void Apply(HttpRequestMessage request)
    {
        switch (_options.Kind)
        {
            case OpenApiCredentialKind.Bearer when _value is not null:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _value);
                break;
            case OpenApiCredentialKind.Basic when _value is not null:
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", BasicToken(_options.Username!, _value));
                break;
            case OpenApiCredentialKind.ApiKey when _value is not null && _options.In == ApiKeyLocation.Header:
                request.Headers.Remove(_options.Name);
                request.Headers.TryAddWithoutValidation(_options.Name, _value);
                break;
        }
    }

    /// <summary><paramref name="text"/> with every form of the credential replaced by <see cref="Redacted"/>.</summary>
    public string Scrub(string text)
    {
        foreach (var form in _forms)
        {
            text = text.Replace(form, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    // The value as sent (raw, URL-escaped in a query, Base64 inside Basic), longest first so a longer form is not cut
    // by a shorter one inside it. Values under 4 characters are not scrubbed: they would shred ordinary text, and a
    // credential that short protects nothing.
    private static string[] Forms(OpenApiCredentialOptions options, string value)
    {
        var forms = new List<string> { value, Uri.EscapeDataString(value) };
        if (options.Kind == OpenApiCredentialKind.Basic)
        {
            forms.Add(BasicToken(options.Username!, value));
        }

        return forms.Where(f => f.Length >= 4).Distinct(StringComparer.Ordinal).OrderByDescending(f => f.Length).ToArray();
    }

    private static string BasicToken(string username, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password));
}
