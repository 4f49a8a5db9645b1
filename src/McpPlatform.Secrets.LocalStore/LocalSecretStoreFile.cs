using System.Globalization;
using System.Text.Json;
using McpPlatform.Governance;
using McpPlatform.Governance.Secrets;

namespace McpPlatform.Secrets.LocalStore;

/// <summary>
/// The local secret store's <c>secrets.json</c>:
/// <c>{ "secrets": { "NAME": { "version", "updated", "protected" } } }</c>, where <c>protected</c> is the
/// Data Protection payload in base64. Replaced atomically (temporary file, then a move), owner-only on Unix,
/// with a lock file that serialises writers across processes.
/// </summary>
internal static class LocalSecretStoreFile
{
    private const string LockFileName = ".secrets.lock";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(25);

    /// <summary>A stored secret: its current version, when it was set and the encrypted value.</summary>
    public sealed record Entry(string Version, DateTimeOffset Updated, string Protected);

    /// <summary>The current time to the second, as written to the file.</summary>
    public static DateTimeOffset Now() => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    /// <summary>The secrets in <paramref name="path"/> by name (case-insensitive, sorted); empty when the file does not exist.</summary>
    public static SortedDictionary<string, Entry> Read(string path)
    {
        var entries = new SortedDictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretProviderException($"The local secret store file '{path}' cannot be read: {e.Message}", e);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("secrets", out var secrets)
                || secrets.ValueKind != JsonValueKind.Object)
            {
                throw Corrupt(path, "it has no \"secrets\" object");
            }

            foreach (var secret in secrets.EnumerateObject())
            {
                if (!LocalSecretStore.IsValidName(secret.Name))
                {
                    throw Corrupt(path, $"'{secret.Name}' is not a valid secret name");
                }

                if (secret.Value.ValueKind != JsonValueKind.Object)
                {
                    throw Corrupt(path, $"the secret '{secret.Name}' is not an object");
                }

                var version = RequiredString(path, secret, "version");
                var updatedText = RequiredString(path, secret, "updated");
                if (!DateTimeOffset.TryParse(updatedText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var updated))
                {
                    throw Corrupt(path, $"the secret '{secret.Name}' has an 'updated' that is not a date");
                }

                if (!entries.TryAdd(secret.Name, new Entry(version, updated, RequiredString(path, secret, "protected"))))
                {
                    throw Corrupt(path, $"the secret '{secret.Name}' appears more than once");
                }
            }

            return entries;
        }
        catch (JsonException e)
        {
            // Position only: the parser's message can quote file content.
            throw Corrupt(path, $"it is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="entries"/>: temporary file, then a move.</summary>
    public static void Write(string path, SortedDictionary<string, Entry> entries)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            WriteOwnerOnly(temporary, Serialize(entries));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretProviderException($"The local secret store file '{path}' cannot be written: {e.Message}", e);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Creates <paramref name="directory"/> (mode 700 on Unix) when it does not exist.</summary>
    public static void CreateOwnerOnlyDirectory(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            else
            {
                System.IO.Directory.CreateDirectory(directory, OwnerOnlyDirectory);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretProviderException($"The local secret store folder '{directory}' cannot be created: {e.Message}", e);
        }
    }

    /// <summary>Makes the Data Protection key files owner-only on Unix (best effort; Windows protects them with DPAPI).</summary>
    public static void RestrictKeyFiles(string keysDirectory)
    {
        if (OperatingSystem.IsWindows() || !System.IO.Directory.Exists(keysDirectory))
        {
            return;
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(keysDirectory))
        {
            try
            {
                File.SetUnixFileMode(file, OwnerOnlyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process may be replacing the file; it is restricted on its next write.
            }
        }
    }

    /// <summary>Waits for the store's writer lock (a lock file opened exclusively); dispose to release.</summary>
    public static async ValueTask<IDisposable> AcquireLockAsync(string directory, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            if (TryLock(directory, deadline) is { } acquired)
            {
                return acquired;
            }

            await Task.Delay(LockRetryDelay, cancellationToken);
        }
    }

    /// <summary>Waits for the store's writer lock without async; dispose to release.</summary>
    public static IDisposable AcquireLock(string directory)
    {
        var deadline = DateTime.UtcNow + LockTimeout;
        while (true)
        {
            if (TryLock(directory, deadline) is { } acquired)
            {
                return acquired;
            }

            Thread.Sleep(LockRetryDelay);
        }
    }

    private static FileStream? TryLock(string directory, DateTime deadline)
    {
        var path = Path.Combine(directory, LockFileName);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            return new FileStream(path, options);
        }
        catch (IOException e) when (DateTime.UtcNow < deadline && e is not DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretProviderException(
                $"The local secret store '{directory}' is locked by another writer or the lock file '{path}' cannot be opened: {e.Message}", e);
        }
    }

    private static string RequiredString(string path, JsonProperty secret, string name) =>
        secret.Value.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrEmpty(value.GetString())
            ? value.GetString()!
            : throw Corrupt(path, $"the secret '{secret.Name}' has no '{name}' string");

    private static SecretProviderException Corrupt(string path, string reason) =>
        new($"The local secret store file '{path}' is corrupt: {reason}. "
            + "Restore it from a backup, or delete it and set the secrets again with 'mcp-platform secrets set NAME'.");

    private static byte[] Serialize(SortedDictionary<string, Entry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("secrets");
            foreach (var (name, entry) in entries)
            {
                writer.WriteStartObject(name);
                writer.WriteString("version", entry.Version);
                writer.WriteString("updated", entry.Updated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                writer.WriteString("protected", entry.Protected);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteOwnerOnly(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Owner-only from the first byte, not after the fact.
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnlyFile);
        }
    }
}
