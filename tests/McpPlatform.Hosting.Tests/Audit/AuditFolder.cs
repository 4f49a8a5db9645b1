namespace McpPlatform.Hosting.Tests.Audit;

/// <summary>A temp audit folder a test owns, so it can read the records after the server has stopped.</summary>
public sealed class AuditFolder : IDisposable
{
    public AuditFolder() => Path = Directory.CreateTempSubdirectory("mcpplatform-audit-test-").FullName;

    /// <summary>The absolute path, for <c>McpPlatform:Audit:Directory</c>.</summary>
    public string Path { get; }

    /// <summary>The records written so far (read after the server has been disposed, so they are flushed).</summary>
    public AuditTrail Read() => AuditTrail.Read(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
