namespace McpPlatform.Portal.Tests.EndToEnd.Upstreams;

/// <summary>
/// The upstream whose tool description a test changes while the portal runs (node/mutable-server.mjs over stdio):
/// its tool <c>lookup</c> takes its description from a file, and the server sends list_changed when the file changes.
/// </summary>
internal sealed class MutableUpstream : IDisposable
{
    /// <summary>The description the portal's manifest approves.</summary>
    public const string ApprovedDescription = "Looks up a value by key.";

    private readonly TemporaryFolder _folder = new();

    public MutableUpstream() => File.WriteAllText(DescriptionFile, ApprovedDescription);

    /// <summary>The file <c>lookup</c>'s description is read from; unique per instance, so it also marks the process.</summary>
    public string DescriptionFile => _folder.Combine("lookup-description.txt");

    /// <summary>The command line the portal launches it with.</summary>
    public string Command => NodePeers.Node;

    /// <summary>The arguments: the script.</summary>
    public string[] Arguments => [NodePeers.Script("mutable-server.mjs")];

    /// <summary>Its environment: the SDK it imports and the description file.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["MCP_SDK_DIR"] = NodePeers.SdkDirectory,
        ["DESCRIPTION_FILE"] = DescriptionFile,
    };

    /// <summary>Changes <c>lookup</c>'s description; the running server notices and announces list_changed.</summary>
    public void SetDescription(string description)
    {
        // Written beside and moved, so the server never reads a half-written file.
        var next = DescriptionFile + ".next";
        File.WriteAllText(next, description);
        File.Move(next, DescriptionFile, overwrite: true);
    }

    public void Dispose() => _folder.Dispose();
}
