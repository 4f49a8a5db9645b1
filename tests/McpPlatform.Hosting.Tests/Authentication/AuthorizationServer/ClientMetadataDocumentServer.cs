using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Hosting.Tests.Authentication.AuthorizationServer;

/// <summary>
/// Client ID Metadata Documents served over real https on 127.0.0.1 with a self-signed certificate made here, one path per
/// case: a good document, one whose client_id is another URL, one that does not list the redirect URI, an oversized one,
/// one that is not JSON, one that redirects. <see cref="TrustIt"/> makes only this certificate trusted by the
/// authorization server's document HttpClient (the named client's primary handler, set through DI).
/// </summary>
internal sealed class ClientMetadataDocumentServer : IAsyncDisposable
{
    public const string HttpClientName = "McpPlatform.ClientMetadataDocuments";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private ClientMetadataDocumentServer(WebApplication app, X509Certificate2 certificate, Uri baseUri)
    {
        _app = app;
        _certificate = certificate;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public string Url(string path) => new Uri(BaseUri, path).AbsoluteUri;

    public static async Task<ClientMetadataDocumentServer> StartAsync()
    {
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/clients/{name}", (HttpContext context, string name) => Answer(context, name));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new ClientMetadataDocumentServer(app, certificate, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
    }

    /// <summary>For <c>ServerSetup.Services</c>: the document client trusts exactly this certificate, besides the usual roots.</summary>
    public void TrustIt(IServiceCollection services)
    {
        var thumbprint = _certificate.Thumbprint;
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                    errors == SslPolicyErrors.None || string.Equals(presented?.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private static IResult Answer(HttpContext context, string name)
    {
        var self = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}";
        object Document(string clientId, string redirect) => new
        {
            client_id = clientId,
            client_name = "metadata-document client " + name,
            redirect_uris = new[] { redirect },
            grant_types = new[] { "authorization_code", "refresh_token" },
            response_types = new[] { "code" },
            token_endpoint_auth_method = "none",
        };
        return name switch
        {
            "good.json" => Results.Json(Document(self, OAuthBrowser.RedirectUri)),
            "mismatch.json" => Results.Json(Document("https://elsewhere.example/client.json", OAuthBrowser.RedirectUri)),
            "other-redirect.json" => Results.Json(Document(self, "http://127.0.0.1:9/not-the-request")),
            "big.json" => Results.Text(JsonSerializer.Serialize(new { client_id = self, redirect_uris = new[] { OAuthBrowser.RedirectUri }, padding = new string('x', 6000) }), "application/json"),
            "page.json" => Results.Text("<html>not a document</html>", "text/html"),
            "moved.json" => Results.Redirect("/clients/good.json"),
            _ => Results.NotFound(),
        };
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null); // Kestrel needs the key in a loadable form
    }
}
