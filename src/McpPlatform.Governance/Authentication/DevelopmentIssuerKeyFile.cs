using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace McpPlatform.Governance.Authentication;

/// <summary>
/// The development issuer's key file: JSON with the key id (<c>kid</c>), when it was made
/// (<c>created</c>) and the RSA private key as PKCS#8 PEM (<c>privateKey</c>). Created atomically
/// (temporary file, then a move that never replaces an existing file) and, on Unix, readable by
/// its owner only.
/// </summary>
internal static class DevelopmentIssuerKeyFile
{
    private const int KeySizeInBits = 2048;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Reads the key at <paramref name="path"/>, or creates it when the file does not exist.</summary>
    public static StoredKey LoadOrCreate(string path) => File.Exists(path) ? Load(path) : Create(path);

    private static StoredKey Create(string path)
    {
        var directory = Path.GetDirectoryName(path)
            ?? throw new ArgumentException($"The key file path '{path}' has no folder.", nameof(path));
        CreateDirectory(directory);

        using var rsa = RSA.Create(KeySizeInBits);
        var keyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var created = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var content = Serialize(keyId, created, rsa.ExportPkcs8PrivateKeyPem());

        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteOwnerOnly(temporary, content);
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created the file first: everyone uses its key.
                return Load(path);
            }

            return new StoredKey(keyId, created, rsa.ExportParameters(includePrivateParameters: true));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static StoredKey Load(string path)
    {
        var content = File.ReadAllText(path, Encoding.UTF8);
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Malformed(path, "it is not a JSON object");
            }

            var keyId = RequiredString(path, root, "kid");
            var createdText = RequiredString(path, root, "created");
            if (!DateTimeOffset.TryParse(createdText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var created))
            {
                throw Malformed(path, $"'created' is not a date: '{createdText}'");
            }

            var pem = RequiredString(path, root, "privateKey");
            using var rsa = RSA.Create();
            try
            {
                rsa.ImportFromPem(pem);
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                throw Malformed(path, "'privateKey' is not an RSA private key in PEM");
            }

            if (rsa.KeySize < KeySizeInBits)
            {
                throw Malformed(path, $"the RSA key has {rsa.KeySize} bits, fewer than {KeySizeInBits}");
            }

            RSAParameters parameters;
            try
            {
                parameters = rsa.ExportParameters(includePrivateParameters: true);
            }
            catch (CryptographicException)
            {
                throw Malformed(path, "'privateKey' holds a public key only");
            }

            return new StoredKey(keyId, created, parameters);
        }
        catch (JsonException e)
        {
            throw Malformed(path, $"it is not valid JSON: {e.Message}");
        }
    }

    private static string RequiredString(string path, JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Malformed(path, $"'{name}' is missing or not a non-empty string");

    private static InvalidOperationException Malformed(string path, string reason) =>
        new($"The development issuer key file '{path}' is malformed: {reason.TrimEnd('.')}. Delete it to generate a new key (tokens minted with the old key stop validating).");

    private static string Serialize(string keyId, DateTimeOffset created, string privateKeyPem)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("kid", keyId);
            writer.WriteString("created", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            writer.WriteString("privateKey", privateKeyPem);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    private static void WriteOwnerOnly(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the first byte, not after the fact.
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(Encoding.UTF8.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }

    /// <summary>A key read from or written to the file.</summary>
    internal sealed record StoredKey(string KeyId, DateTimeOffset Created, RSAParameters PrivateKey);
}
