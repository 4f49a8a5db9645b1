using Microsoft.Extensions.Configuration;

namespace McpPlatform.OpenApi;

/// <summary>
/// Where a reviewer sets access classes for operations whose HTTP method says the wrong thing: configuration key
/// <c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;:Access</c>, with <c>Operations</c> (by operationId or tool name) and
/// <c>Tags</c>, each value <c>Read</c>, <c>Write</c> or <c>Destructive</c>:
/// <code>
/// "McpPlatform": { "OpenApi": { "Apis": { "petstore": { "Access": {
///   "Operations": { "searchPets": "Read" }, "Tags": { "admin": "Destructive" } } } } } }
/// </code>
/// One reader for both sides: the build reads the project's appsettings.json with it (the access classes in
/// mcp-manifest.json), the server its whole configuration (the access classes it enforces), and start-up pinning
/// refuses a server whose effective classes differ from the approved manifest, naming the configuration source.
/// </summary>
public static class OpenApiAccessSettings
{
    /// <summary>The section that holds one entry per declared namespace (the runtime's per-API settings live there too).</summary>
    public const string ApisSection = "McpPlatform:OpenApi:Apis";

    /// <summary>The configuration key of the overrides of <paramref name="apiNamespace"/>.</summary>
    public static string SectionOf(string apiNamespace) => $"{ApisSection}:{apiNamespace}:Access";

    /// <summary>The configuration key of one operation's override (<c>…:Access:Operations:searchPets</c>).</summary>
    public static string OperationKey(string apiNamespace, string operation) => $"{SectionOf(apiNamespace)}:Operations:{operation}";

    /// <summary>The configuration key of one tag's override (<c>…:Access:Tags:admin</c>).</summary>
    public static string TagKey(string apiNamespace, string tag) => $"{SectionOf(apiNamespace)}:Tags:{tag}";

    /// <summary>The overrides configured for <paramref name="apiNamespace"/>; <see cref="OpenApiAccessOverrides.None"/> when there are none.</summary>
    /// <exception cref="OpenApiSettingsException">A value is not Read, Write or Destructive.</exception>
    public static OpenApiAccessOverrides Read(IConfiguration configuration, string apiNamespace)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionOf(apiNamespace));
        return new OpenApiAccessOverrides
        {
            ByOperation = Entries(section.GetSection("Operations")),
            ByTag = Entries(section.GetSection("Tags")),
        };
    }

    /// <summary>Reads the overrides from one JSON settings file (the project's appsettings.json), as configuration reads it.</summary>
    /// <exception cref="OpenApiSettingsException">The file is not valid JSON, or a value is not Read, Write or Destructive.</exception>
    public static OpenApiAccessOverrides ReadFile(string appSettingsPath, string apiNamespace)
    {
        var configuration = Load(appSettingsPath);
        try
        {
            return Read(configuration, apiNamespace);
        }
        catch (OpenApiSettingsException problem)
        {
            throw new OpenApiSettingsException(appSettingsPath, problem.Problem);
        }
    }

    /// <summary>
    /// The secret store name of the API's credential (<c>McpPlatform:OpenApi:Apis:&lt;namespace&gt;:Credential:Secret</c>
    /// when <c>Credential:Kind</c> is set and not <c>None</c>), or null: the name the manifest lists for every operation
    /// of the document (never the value, which only the secret store holds).
    /// </summary>
    public static string? CredentialSecret(IConfiguration configuration, string apiNamespace)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var credential = configuration.GetSection($"{ApisSection}:{apiNamespace}:Credential");
        var kind = credential["Kind"]?.Trim();
        var secret = credential["Secret"]?.Trim();
        return string.IsNullOrEmpty(kind) || string.Equals(kind, "None", StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(secret) ? null : secret;
    }

    /// <summary><see cref="CredentialSecret(IConfiguration, string)"/> from one JSON settings file (the project's appsettings.json).</summary>
    /// <exception cref="OpenApiSettingsException">The file is not valid JSON.</exception>
    public static string? ReadCredentialSecretFile(string appSettingsPath, string apiNamespace) =>
        CredentialSecret(Load(appSettingsPath), apiNamespace);

    private static IConfiguration Load(string appSettingsPath)
    {
        try
        {
            return new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(appSettingsPath), optional: false, reloadOnChange: false).Build();
        }
        catch (Exception failure) when (failure is FormatException or InvalidDataException or IOException or System.Text.Json.JsonException)
        {
            throw new OpenApiSettingsException(appSettingsPath, $"cannot be read as JSON: {failure.Message}");
        }
    }

    private static Dictionary<string, ToolAccess> Entries(IConfigurationSection section)
    {
        var entries = new Dictionary<string, ToolAccess>(StringComparer.Ordinal);
        foreach (var child in section.GetChildren())
        {
            entries[child.Key] = Parse(child);
        }

        return entries;
    }

    private static ToolAccess Parse(IConfigurationSection entry) => entry.Value?.Trim().ToLowerInvariant() switch
    {
        "read" => ToolAccess.Read,
        "write" => ToolAccess.Write,
        "destructive" => ToolAccess.Destructive,
        _ => throw new OpenApiSettingsException("configuration", $"{entry.Path}: expected Read, Write or Destructive, found '{entry.Value}'"),
    };
}
