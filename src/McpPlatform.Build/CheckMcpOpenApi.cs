using McpPlatform.OpenApi;
using Microsoft.Build.Framework;

namespace McpPlatform.Build;

/// <summary>
/// Reads every declared OpenAPI document with <see cref="OpenApiOperationCatalog"/> (and its access overrides from
/// the project's appsettings.json, <see cref="OpenApiAccessSettings"/>), reports every problem as an error whose code
/// says what sort of problem it is, with the document as the file and the JSON pointer in the message, and writes
/// each document's operations for the source generator (<see cref="OperationsFile"/>), only when the bytes change.
/// </summary>
public sealed class CheckMcpOpenApi : Microsoft.Build.Utilities.Task
{
    /// <summary>The resolved documents (<see cref="ResolveMcpOpenApi.Resolved"/>), with <c>Namespace</c> metadata.</summary>
    [Required]
    public ITaskItem[] Documents { get; set; } = [];

    /// <summary>Where <c>&lt;namespace&gt;.mcp-openapi.json</c> files are written (under obj/).</summary>
    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>The project's appsettings.json; empty or missing means no access overrides.</summary>
    public string? AppSettingsPath { get; set; }

    /// <summary>The error code of each sort of document problem.</summary>
    public static string CodeOf(OpenApiProblemKind kind) => kind switch
    {
        OpenApiProblemKind.FileMissing => "MCPB104",
        OpenApiProblemKind.Invalid => "MCPB110",
        OpenApiProblemKind.Unreadable => "MCPB111",
        OpenApiProblemKind.UnsupportedVersion => "MCPB112",
        OpenApiProblemKind.UnresolvedReference => "MCPB113",
        OpenApiProblemKind.UnsupportedReference => "MCPB114",
        OpenApiProblemKind.ParameterWithoutSchema => "MCPB115",
        OpenApiProblemKind.UnsupportedExtension => "MCPB116",
        _ => "MCPB110",
    };

    /// <inheritdoc />
    public override bool Execute()
    {
        foreach (var document in Documents)
        {
            Check(document.ItemSpec, document.GetMetadata("Namespace"));
        }

        return !Log.HasLoggedErrors;
    }

    private void Check(string path, string apiNamespace)
    {
        var overrides = OpenApiAccessOverrides.None;
        string? secret = null;
        if (!string.IsNullOrEmpty(AppSettingsPath) && File.Exists(AppSettingsPath))
        {
            try
            {
                overrides = OpenApiAccessSettings.ReadFile(AppSettingsPath, apiNamespace);
                secret = OpenApiAccessSettings.ReadCredentialSecretFile(AppSettingsPath, apiNamespace);
            }
            catch (OpenApiSettingsException problem)
            {
                Log.Error("MCPB120", AppSettingsPath, $"{problem.Problem} ({OpenApiAccessSettings.SectionOf(apiNamespace)}, the access overrides of '{Path.GetFileName(path)}').");
                return;
            }
        }

        IReadOnlyList<ApiOperation> operations;
        try
        {
            operations = OpenApiOperationCatalog.Load(path, overrides);
        }
        catch (OpenApiDocumentException unusable)
        {
            foreach (var problem in unusable.Problems)
            {
                Log.Error(CodeOf(problem.Kind), problem.File, $"{problem.Pointer}: {problem.Message}");
            }

            return;
        }

        if (!ReportUnknownOverrides(path, apiNamespace, overrides, operations))
        {
            return;
        }

        var target = Path.Combine(OutputDirectory, apiNamespace + OperationsFile.Suffix);
        try
        {
            var written = FileContent.WriteIfChanged(target, OperationsFile.Write(apiNamespace, OperationsFile.DocumentHash(path), operations, secret));
            Log.LogMessage(MessageImportance.Low, $"OpenAPI '{path}': {operations.Count} operations as {apiNamespace}_*{(written ? "" : " (unchanged)")}.");
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            Log.Error("MCPB130", target, $"The operations of '{path}' could not be written for the source generator: {failure.Message}");
        }
    }

    /// <summary>An override that names no operation or tag of the document is a typo that would silently leave the method's class in place.</summary>
    private bool ReportUnknownOverrides(string path, string apiNamespace, OpenApiAccessOverrides overrides, IReadOnlyList<ApiOperation> operations)
    {
        var ok = true;
        foreach (var key in overrides.ByOperation.Keys.Where(k => !operations.Any(o => o.OperationId == k || o.Name == k)))
        {
            Log.Error("MCPB121", AppSettingsPath, $"{OpenApiAccessSettings.OperationKey(apiNamespace, key)}: '{Path.GetFileName(path)}' has no operation with operationId or name '{key}'.");
            ok = false;
        }

        foreach (var key in overrides.ByTag.Keys.Where(k => !operations.Any(o => o.Tags.Contains(k, StringComparer.Ordinal))))
        {
            Log.Error("MCPB121", AppSettingsPath, $"{OpenApiAccessSettings.TagKey(apiNamespace, key)}: no operation of '{Path.GetFileName(path)}' has the tag '{key}'.");
            ok = false;
        }

        return ok;
    }
}
