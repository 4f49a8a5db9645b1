using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace McpPlatform.Testing;

/// <summary>
/// A read-only container registry (the distribution API's manifest and blob GETs) on 127.0.0.1
/// serving one tiny linux/amd64 base image, so <c>dotnet publish -t:PublishContainer</c> runs with
/// no network: pass <see cref="BaseImage"/> as ContainerBaseImage and <see cref="Host"/> in
/// DOTNET_CONTAINER_INSECURE_REGISTRIES (plain HTTP).
/// </summary>
internal sealed class LoopbackContainerRegistry : IAsyncDisposable
{
    public const string Repository = "dotnet/aspnet";
    public const string Tag = "10.0";
    public const string MarkerFile = "etc/mcp-platform-test-base";

    private const string ManifestMediaType = "application/vnd.docker.distribution.manifest.v2+json";
    private readonly WebApplication _app;

    private LoopbackContainerRegistry(WebApplication app, string host)
    {
        _app = app;
        Host = host;
    }

    /// <summary>host:port of the registry.</summary>
    public string Host { get; }

    public string BaseImage => $"{Host}/{Repository}:{Tag}";

    public static async Task<LoopbackContainerRegistry> StartAsync()
    {
        var (manifest, blobs) = BuildBaseImage();
        var app = LoopbackWebApp.Create("LoopbackContainerRegistry");
        app.MapGet("/v2/", () => Results.Json(new { }));
        app.MapMethods($"/v2/{Repository}/manifests/{{reference}}", ["GET", "HEAD"], (string reference) =>
            reference == Tag || reference == Digest(manifest) ? Blob(manifest, ManifestMediaType) : Results.NotFound());
        app.MapMethods($"/v2/{Repository}/blobs/{{digest}}", ["GET", "HEAD"], (string digest) =>
            blobs.TryGetValue(digest, out var blob) ? Blob(blob, "application/octet-stream") : Results.NotFound());
        await app.StartAsync();
        var address = LoopbackWebApp.BoundAddress(app, "The container registry");
        return new LoopbackContainerRegistry(app, address.Authority);
    }

    public async ValueTask DisposeAsync()
    {
        await LoopbackWebApp.StopAsync(_app);
        await _app.DisposeAsync();
    }

    private static IResult Blob(byte[] content, string mediaType) => new DigestResult(content, mediaType);

    /// <summary>One layer holding <see cref="MarkerFile"/>, an image config naming it, and the manifest.</summary>
    private static (byte[] Manifest, Dictionary<string, byte[]> Blobs) BuildBaseImage()
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, MarkerFile) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes("base image for McpPlatform tests\n")) };
            writer.WriteEntry(entry);
        }

        var layer = tar.ToArray();
        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(layer);
        }

        var compressedLayer = gzipped.ToArray();
        var config = JsonSerializer.SerializeToUtf8Bytes(new
        {
            architecture = "amd64",
            os = "linux",
            config = new { Env = new[] { "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080" }, WorkingDir = "/" },
            rootfs = new { type = "layers", diff_ids = new[] { Digest(layer) } },
        });
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            schemaVersion = 2,
            mediaType = ManifestMediaType,
            config = new { mediaType = "application/vnd.docker.container.image.v1+json", size = config.Length, digest = Digest(config) },
            layers = new[] { new { mediaType = "application/vnd.docker.image.rootfs.diff.tar.gzip", size = compressedLayer.Length, digest = Digest(compressedLayer) } },
        });
        return (manifest, new Dictionary<string, byte[]> { [Digest(config)] = config, [Digest(compressedLayer)] = compressedLayer });
    }

    private static string Digest(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The blob with the Docker-Content-Digest header registries send.</summary>
    private sealed class DigestResult(byte[] content, string mediaType) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = mediaType;
            context.Response.ContentLength = content.Length;
            context.Response.Headers["Docker-Content-Digest"] = Digest(content);
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(content);
            }
        }
    }
}
