using McpPlatform.OpenApi;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace McpPlatform.Build;

/// <summary>
/// Turns the project's <c>&lt;McpOpenApi Include="apis/petstore.yaml" Namespace="petstore" /&gt;</c> items into the
/// documents the build ships: each with its namespace (the <c>Namespace</c> metadata, else the file name made
/// into <c>[a-z0-9_]</c>) and its place in the output, <c>openapi/&lt;namespace&gt;.&lt;ext&gt;</c>. Cheap (no document
/// is read here), so it runs in every build; <see cref="CheckMcpOpenApi"/> reads and checks the documents.
/// </summary>
public sealed class ResolveMcpOpenApi : Microsoft.Build.Utilities.Task
{
    /// <summary>The folder the documents are copied to, under the build and publish output.</summary>
    public const string OutputFolder = "openapi";

    /// <summary>The <c>McpOpenApi</c> items.</summary>
    [Required]
    public ITaskItem[] Documents { get; set; } = [];

    /// <summary>
    /// The documents, item spec the full path, with metadata <c>Namespace</c> and <c>OutputRelativePath</c>
    /// (<c>openapi/petstore.yaml</c>, always with <c>/</c>), in namespace order.
    /// </summary>
    [Output]
    public ITaskItem[] Resolved { get; private set; } = [];

    /// <inheritdoc />
    public override bool Execute()
    {
        var resolved = new List<TaskItem>();
        var byNamespace = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in Documents)
        {
            var path = document.GetMetadata("FullPath");
            var declared = document.GetMetadata("Namespace").Trim();
            var name = declared.Length > 0 ? declared : OpenApiNamespaces.FromFileName(path);
            if (!OpenApiNamespaces.IsValid(name))
            {
                Log.Error(declared.Length > 0 ? "MCPB101" : "MCPB102", path, declared.Length > 0
                    ? $"McpOpenApi '{document.ItemSpec}': Namespace '{declared}' is not usable: use [a-z0-9_], starting with a letter, at most {OpenApiNamespaces.MaxLength} characters (it prefixes the tool names: {declared}_<operation>)."
                    : $"McpOpenApi '{document.ItemSpec}': no namespace can be made from the file name; set one: <McpOpenApi Include=\"{document.ItemSpec}\" Namespace=\"my_api\" />.");
                continue;
            }

            if (byNamespace.TryGetValue(name, out var other))
            {
                Log.Error("MCPB103", path,
                    $"McpOpenApi '{document.ItemSpec}': the namespace '{name}' is already used by '{other}'; namespaces must be unique (set Namespace=\"…\" on one of them).");
                continue;
            }

            byNamespace.Add(name, document.ItemSpec);
            if (!File.Exists(path))
            {
                Log.Error("MCPB104", path, $"McpOpenApi '{document.ItemSpec}': the OpenAPI document does not exist.");
                continue;
            }

            var item = new TaskItem(path);
            item.SetMetadata("Namespace", name);
            item.SetMetadata("OutputRelativePath", $"{OutputFolder}/{name}{Path.GetExtension(path).ToLowerInvariant()}");
            resolved.Add(item);
        }

        Resolved = [.. resolved.OrderBy(i => i.GetMetadata("Namespace"), StringComparer.Ordinal)];
        return !Log.HasLoggedErrors;
    }
}
