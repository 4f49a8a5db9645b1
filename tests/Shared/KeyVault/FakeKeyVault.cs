using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Testing;

/// <summary>
/// A loopback Azure Key Vault for tests: real Kestrel on https://127.0.0.1:PORT with a certificate made
/// in the test, speaking the part of the secrets REST API that <see cref="SecretClient"/> calls
/// (get latest, get a version, list versions), including the bearer challenge the SDK uses to discover
/// the tenant and scope. Only <see cref="Credential"/>'s token is accepted.
/// </summary>
/// <example>
/// <code>
/// await using var vault = await FakeKeyVault.StartAsync();
/// vault.SetSecret("jira-token", "s3cret");
/// var client = new SecretClient(vault.VaultUri, vault.Credential, vault.CreateClientOptions());
/// </code>
/// </example>
internal sealed class FakeKeyVault : IAsyncDisposable
{
    /// <summary>The tenant named in the challenge's <c>authorization</c> parameter.</summary>
    public const string TenantId = "00000000-0000-0000-0000-00000000feed";

    /// <summary>The resource named in the challenge; the SDK asks for <c>{resource}/.default</c>.</summary>
    public const string Resource = "https://vault.azure.net";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<StoredVersion>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<HttpClient> _clients = [];
    private HttpStatusCode? _failure;
    private int _requests;
    private int _challenges;
    private int _rejectedTokens;
    private string? _lastApiVersion;
    private int _stopped;
    private int _disposed;

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
        Credential = new FakeTokenCredential("fake-kv-token-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The vault URI, <c>https://127.0.0.1:PORT/</c>.</summary>
    public Uri VaultUri { get; private set; } = null!;

    /// <summary>The credential whose token this vault accepts.</summary>
    public FakeTokenCredential Credential { get; }

    /// <summary>The server certificate (public part), to trust exactly this vault.</summary>
    public X509Certificate2 Certificate => _certificate;

    /// <summary>Every request that reached the vault, challenged or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests without a bearer token, answered with the 401 challenge.</summary>
    public int ChallengeCount => Volatile.Read(ref _challenges);

    /// <summary>Requests with a bearer token other than <see cref="Credential"/>'s, answered 401.</summary>
    public int RejectedTokenCount => Volatile.Read(ref _rejectedTokens);

    /// <summary>The <c>api-version</c> query parameter of the latest request (accepted, whatever it is).</summary>
    public string? LastApiVersion => Volatile.Read(ref _lastApiVersion);

    /// <summary>Starts the vault on a free port of 127.0.0.1 with a fresh self-signed certificate.</summary>
    public static async Task<FakeKeyVault> StartAsync(CancellationToken cancellationToken = default)
    {
        var certificate = LoopbackCertificate.Create();
        var app = LoopbackWebApp.Create(typeof(FakeKeyVault).Assembly.GetName().Name!, listen => listen.UseHttps(certificate));
        var vault = new FakeKeyVault(app, certificate);
        app.Run(vault.HandleAsync);

        try
        {
            await app.StartAsync(cancellationToken);
            vault.ReadBoundAddress();
            return vault;
        }
        catch
        {
            await vault.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds a new version of <paramref name="name"/> (creating the secret, or rotating it); returns the version id.</summary>
    public string SetSecret(string name, string value)
    {
        var version = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            if (!_secrets.TryGetValue(name, out var versions))
            {
                versions = [];
                _secrets[name] = versions;
            }

            versions.Add(new StoredVersion(version, value, DateTimeOffset.UtcNow));
        }

        return version;
    }

    /// <summary>From now on every authenticated request is answered with <paramref name="status"/> (an outage, or access denied).</summary>
    public void FailWith(HttpStatusCode status)
    {
        lock (_gate)
        {
            _failure = status;
        }
    }

    /// <summary>Ends <see cref="FailWith"/>: requests are served again.</summary>
    public void StopFailing()
    {
        lock (_gate)
        {
            _failure = null;
        }
    }

    /// <summary>
    /// Client options for this vault: challenge resource verification off (the host is 127.0.0.1, not
    /// *.vault.azure.net), a transport that trusts exactly this vault's certificate and ignores proxies,
    /// and quick retries so outage tests stay fast.
    /// </summary>
    public SecretClientOptions CreateClientOptions()
    {
        var thumbprint = _certificate.GetCertHashString();
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            SslOptions =
            {
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && string.Equals(presented.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        };
        var http = new HttpClient(handler);
        lock (_gate)
        {
            _clients.Add(http);
        }

        var options = new SecretClientOptions
        {
            DisableChallengeResourceVerification = true,
            Transport = new HttpClientTransport(http),
        };
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    /// <summary>Takes the vault off the network (connections are refused); clients made by <see cref="CreateClientOptions"/> stay usable.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        await LoopbackWebApp.StopAsync(_app);
    }

    /// <summary>Stops the listener and disposes the certificate and the clients it made; safe to call twice.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        await _app.DisposeAsync();
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                client.Dispose();
            }

            _clients.Clear();
        }

        _certificate.Dispose();
    }

    private void ReadBoundAddress()
    {
        VaultUri = new Uri($"https://127.0.0.1:{LoopbackWebApp.BoundAddress(_app, "The fake Key Vault").Port}/");
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        Volatile.Write(ref _lastApiVersion, context.Request.Query["api-version"].ToString());

        // The SDK's first request carries no token: the challenge tells it the tenant and the scope.
        var authorization = context.Request.Headers.Authorization.ToString();
        const string bearerPrefix = "Bearer ";
        if (!authorization.StartsWith(bearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _challenges);
            await Challenge(context, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.");
            return;
        }

        if (!string.Equals(authorization[bearerPrefix.Length..].Trim(), Credential.Token, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _rejectedTokens);
            await Challenge(context, "Unauthorized", "AKV10032: Invalid issuer.");
            return;
        }

        HttpStatusCode? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure is { } status)
        {
            await Error(context, status, status.ToString(), $"The fake vault is simulating HTTP {(int)status}.");
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            await Error(context, HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "The fake vault only serves GET.");
            return;
        }

        // /secrets/{name}[/] , /secrets/{name}/{version} , /secrets/{name}/versions
        var segments = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length is < 2 or > 3 || !string.Equals(segments[0], "secrets", StringComparison.OrdinalIgnoreCase))
        {
            await Error(context, HttpStatusCode.NotFound, "NotFound", $"The fake vault does not serve {context.Request.Path}.");
            return;
        }

        var name = segments[1];
        List<StoredVersion>? versions;
        lock (_gate)
        {
            versions = _secrets.TryGetValue(name, out var stored) ? [.. stored] : null;
        }

        if (versions is null)
        {
            await Error(context, HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.");
            return;
        }

        if (segments.Length == 3 && string.Equals(segments[2], "versions", StringComparison.OrdinalIgnoreCase))
        {
            var items = new JsonArray(versions.Select(version => (JsonNode)new JsonObject
            {
                ["id"] = SecretId(name, version.Id),
                ["attributes"] = Attributes(version),
            }).ToArray());
            await Json(context, HttpStatusCode.OK, new JsonObject { ["value"] = items, ["nextLink"] = null });
            return;
        }

        var selected = segments.Length == 2
            ? versions[^1]
            : versions.FirstOrDefault(version => string.Equals(version.Id, segments[2], StringComparison.OrdinalIgnoreCase));
        if (selected is null)
        {
            await Error(context, HttpStatusCode.NotFound, "SecretNotFound", $"A secret with (name/id) {name}/{segments[2]} was not found in this key vault.");
            return;
        }

        await Json(context, HttpStatusCode.OK, new JsonObject
        {
            ["value"] = selected.Value,
            ["id"] = SecretId(name, selected.Id),
            ["attributes"] = Attributes(selected),
        });
    }

    private string SecretId(string name, string version) => new Uri(VaultUri, $"secrets/{name}/{version}").ToString();

    private static JsonObject Attributes(StoredVersion version) => new()
    {
        ["enabled"] = true,
        ["created"] = version.Created.ToUnixTimeSeconds(),
        ["updated"] = version.Created.ToUnixTimeSeconds(),
        ["recoveryLevel"] = "Recoverable+Purgeable",
    };

    private static Task Challenge(HttpContext context, string code, string message)
    {
        context.Response.Headers.WWWAuthenticate =
            $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"{Resource}\"";
        return Error(context, HttpStatusCode.Unauthorized, code, message);
    }

    private static Task Error(HttpContext context, HttpStatusCode status, string code, string message) =>
        Json(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static async Task Json(HttpContext context, HttpStatusCode status, JsonObject body)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private sealed record StoredVersion(string Id, string Value, DateTimeOffset Created);
}
