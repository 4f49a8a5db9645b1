using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using McpPlatform.Governance;
using McpPlatform.Governance.Secrets;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace McpPlatform.Secrets.LocalStore;

/// <summary>
/// The per-user encrypted secret store for local runs: one <c>secrets.json</c> in a folder outside the
/// repository (default <see cref="DefaultDirectory"/>), each value encrypted with ASP.NET Core Data
/// Protection whose keys live beside it in <c>keys/</c>. Every set makes a new version.
/// </summary>
/// <remarks>
/// The file is replaced atomically (temporary file, then a move) and, on Unix, the folder is mode 700 and
/// the files mode 600. Writers take a lock file so two processes do not lose each other's updates.
/// Neither exceptions nor <see cref="object.ToString"/> ever carry a value.
/// </remarks>
public sealed partial class LocalSecretStore : IDevelopmentSecretStore
{
    /// <summary>The provider name in messages and the audit log.</summary>
    public const string ProviderName = "local-store";

    /// <summary>The environment variable that, when set, replaces <see cref="DefaultDirectory"/>.</summary>
    public const string DirectoryEnvironmentVariable = "MCP_PLATFORM_SECRETS_DIR";

    /// <summary>The Data Protection purpose string the values are encrypted under.</summary>
    public const string ProtectionPurpose = "McpPlatform.LocalSecretStore.v1";

    /// <summary>The store file's name inside the store folder.</summary>
    public const string FileName = "secrets.json";

    /// <summary>The Data Protection key folder's name inside the store folder.</summary>
    public const string KeysFolderName = "keys";

    /// <summary>What a valid secret name looks like, in words (Azure Key Vault's rules).</summary>
    public const string NameRules = "1 to 127 letters, digits and '-', starting with a letter or digit (Azure Key Vault secret name rules)";

    private readonly Lazy<IDataProtector> _protector;

    /// <summary>Creates a store on <paramref name="directory"/>; nothing is created on disk until a secret is set.</summary>
    /// <param name="directory">The store folder; <see cref="DefaultDirectory"/> when null or blank.</param>
    public LocalSecretStore(string? directory = null)
    {
        Directory = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        FilePath = Path.Combine(Directory, FileName);
        KeysDirectory = Path.Combine(Directory, KeysFolderName);
        _protector = new Lazy<IDataProtector>(CreateProtector, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// The store folder when none is given: <c>$MCP_PLATFORM_SECRETS_DIR</c>, or <c>mcp-platform/secrets</c>
    /// in the user's application data folder (<c>~/.config</c> on Linux, <c>%APPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultDirectory => UserDataPaths.Resolve(DirectoryEnvironmentVariable, "secrets");

    /// <inheritdoc/>
    public string Name => ProviderName;

    /// <summary>The store folder (absolute).</summary>
    public string Directory { get; }

    /// <summary>The store file, <c>secrets.json</c> in <see cref="Directory"/>.</summary>
    public string FilePath { get; }

    /// <summary>The Data Protection key folder, <c>keys/</c> in <see cref="Directory"/>.</summary>
    public string KeysDirectory { get; }

    /// <summary>Opens the store on <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    /// <param name="directory">The store folder; <see cref="DefaultDirectory"/> when null or blank.</param>
    /// <returns>The store.</returns>
    public static LocalSecretStore Open(string? directory = null) => new(directory);

    /// <summary>Whether <paramref name="name"/> is a valid secret name (<see cref="NameRules"/>).</summary>
    /// <param name="name">The candidate name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidName(string? name) => name is not null && ValidName().IsMatch(name);

    /// <summary>Stores <paramref name="value"/> under <paramref name="name"/> as a new version.</summary>
    /// <param name="name">The secret name (<see cref="NameRules"/>).</param>
    /// <param name="value">The value; encrypted before it touches the disk.</param>
    /// <param name="cancellationToken">Cancels waiting for another writer's lock.</param>
    /// <returns>The new version.</returns>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    /// <exception cref="SecretProviderException">The store file is corrupt or cannot be written.</exception>
    public async Task<string> SetAsync(string name, string value, CancellationToken cancellationToken = default)
    {
        EnsureValidName(name);
        ArgumentNullException.ThrowIfNull(value);

        LocalSecretStoreFile.CreateOwnerOnlyDirectory(Directory);
        LocalSecretStoreFile.CreateOwnerOnlyDirectory(KeysDirectory);
        var protectedValue = Protect(value);

        using var writeLock = await LocalSecretStoreFile.AcquireLockAsync(Directory, cancellationToken);
        var entries = LocalSecretStoreFile.Read(FilePath);
        var version = Guid.NewGuid().ToString("N");
        entries.Remove(name); // names are case-insensitive; the latest spelling wins
        entries[name] = new LocalSecretStoreFile.Entry(version, LocalSecretStoreFile.Now(), protectedValue);
        LocalSecretStoreFile.Write(FilePath, entries);
        LocalSecretStoreFile.RestrictKeyFiles(KeysDirectory);
        return version;
    }

    /// <summary>The stored secrets' names, versions and last update, sorted by name; never the values.</summary>
    /// <returns>The secrets; empty when the store does not exist yet.</returns>
    /// <exception cref="SecretProviderException">The store file is corrupt or unreadable.</exception>
    public IReadOnlyList<(string Name, string Version, DateTimeOffset Updated)> List() =>
        LocalSecretStoreFile.Read(FilePath).Select(e => (e.Key, e.Value.Version, e.Value.Updated)).ToList();

    /// <summary>Deletes the secret <paramref name="name"/> with all its history.</summary>
    /// <param name="name">The secret name.</param>
    /// <returns>True when it existed.</returns>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    /// <exception cref="SecretProviderException">The store file is corrupt or cannot be written.</exception>
    public bool Remove(string name)
    {
        EnsureValidName(name);
        if (!File.Exists(FilePath))
        {
            return false;
        }

        using var writeLock = LocalSecretStoreFile.AcquireLock(Directory);
        var entries = LocalSecretStoreFile.Read(FilePath);
        if (!entries.Remove(name))
        {
            return false;
        }

        LocalSecretStoreFile.Write(FilePath, entries);
        return true;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The name is not valid.</exception>
    /// <exception cref="SecretProviderException">The store file is corrupt or the value no longer decrypts.</exception>
    public ValueTask<SecretValue?> GetSecretAsync(string name, CancellationToken cancellationToken)
    {
        EnsureValidName(name);
        cancellationToken.ThrowIfCancellationRequested();
        var entries = LocalSecretStoreFile.Read(FilePath);
        if (!entries.TryGetValue(name, out var entry))
        {
            return ValueTask.FromResult<SecretValue?>(null);
        }

        return ValueTask.FromResult<SecretValue?>(new SecretValue(Unprotect(name, entry.Protected), entry.Version));
    }

    /// <summary>Names the store, never a value.</summary>
    /// <returns>A description of the store.</returns>
    public override string ToString() => $"LocalSecretStore({Directory})";

    private static void EnsureValidName(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid secret name: use {NameRules}.", nameof(name));
        }
    }

    private IDataProtector CreateProtector()
    {
        LocalSecretStoreFile.CreateOwnerOnlyDirectory(Directory);
        LocalSecretStoreFile.CreateOwnerOnlyDirectory(KeysDirectory);

        // What DataProtectionProvider.Create (Data Protection's Extensions package) sets up, so stores written
        // before keep opening: keys in the store's keys folder, DPAPI-encrypted for the current user on Windows.
        var services = new ServiceCollection();
        var builder = services.AddDataProtection()
            .SetApplicationName(ProtectionPurpose)
            .PersistKeysToFileSystem(new DirectoryInfo(KeysDirectory));
        if (OperatingSystem.IsWindows())
        {
            builder.ProtectKeysWithDpapi();
        }

        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectionPurpose);
    }

    private string Protect(string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        try
        {
            return Convert.ToBase64String(_protector.Value.Protect(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private string Unprotect(string name, string protectedValue)
    {
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(protectedValue);
        }
        catch (FormatException)
        {
            throw new SecretProviderException(
                $"The secret '{name}' in the local secret store file '{FilePath}' is corrupt (its protected value is not base64). "
                + $"Set it again with 'mcp-platform secrets set {name}'.");
        }

        byte[] plain;
        try
        {
            plain = _protector.Value.Unprotect(cipher);
        }
        catch (CryptographicException e)
        {
            throw new SecretProviderException(
                $"The secret '{name}' in the local secret store file '{FilePath}' cannot be decrypted with the keys in '{KeysDirectory}' "
                + "(were the keys deleted, or the store copied from another user or machine?). "
                + $"Set it again with 'mcp-platform secrets set {name}'.",
                e);
        }

        try
        {
            return Encoding.UTF8.GetString(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,126}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValidName();
}
