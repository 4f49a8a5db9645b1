namespace McpPlatform.Governance.Audit;

/// <summary>
/// The replica id of this process in a fleet: in every audit record (so a central sink can tell replicas' chains apart)
/// and in the audit folder's <c>{Replica}</c>. Kubernetes gives a pod's name through the downward API as <c>POD_NAME</c>
/// (the generated deployment sets it) and as <c>HOSTNAME</c>; Azure Container Apps sets <c>CONTAINER_APP_REPLICA_NAME</c>.
/// </summary>
public static class AuditReplica
{
    /// <summary>The environment variables read, in order, when no replica id is configured.</summary>
    public static readonly IReadOnlyList<string> EnvironmentVariables = ["POD_NAME", "CONTAINER_APP_REPLICA_NAME", "HOSTNAME"];

    /// <summary><paramref name="configured"/>, or the first of <see cref="EnvironmentVariables"/> that is set, or the machine name.</summary>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim();
        }

        foreach (var name in EnvironmentVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                return value.Trim();
            }
        }

        return Environment.MachineName;
    }

    /// <summary><paramref name="replica"/> as one folder name: letters, digits, '.', '-' and '_' kept, anything else '_'.</summary>
    public static string FolderName(string replica)
    {
        var name = string.Create(replica.Length, replica, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && i > 0) ? c : '_';
            }
        });
        return name.Length == 0 ? "_" : name;
    }
}
