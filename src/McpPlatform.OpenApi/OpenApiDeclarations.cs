using System.Reflection;

namespace McpPlatform.OpenApi;

/// <summary>
/// The OpenAPI documents a server assembly was built with. For each <c>McpOpenApi</c> item the build copies the
/// document to <c>openapi/&lt;namespace&gt;.&lt;ext&gt;</c> in the build and publish output and compiles
/// <c>[assembly: AssemblyMetadata("McpPlatform.OpenApi", "&lt;namespace&gt;=openapi/&lt;namespace&gt;.&lt;ext&gt;")]</c>
/// into the assembly; the runtime reads the declarations back from there, so it serves exactly the documents
/// the build checked and put into the manifest, never a file found by searching.
/// </summary>
public static class OpenApiDeclarations
{
    /// <summary>The AssemblyMetadata key the build writes (McpPlatform.Hosting.targets).</summary>
    public const string MetadataKey = "McpPlatform.OpenApi";

    /// <summary>
    /// The declarations compiled into <paramref name="assembly"/>, sorted by namespace, with paths resolved against
    /// <paramref name="baseDirectory"/> (default <see cref="AppContext.BaseDirectory"/>, where the build and publish
    /// put the documents). Empty when the project declares no document.
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is malformed, a namespace is invalid or repeated, or a path leaves the base directory.</exception>
    public static IReadOnlyList<OpenApiDeclaration> FromAssembly(Assembly assembly, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var values = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Where(a => a.Key == MetadataKey)
            .Select(a => a.Value ?? "");
        return Parse(values, baseDirectory ?? AppContext.BaseDirectory, assembly.GetName().Name ?? "the assembly");
    }

    /// <summary>Parses <c>&lt;namespace&gt;=&lt;relative path&gt;</c> values; see <see cref="FromAssembly"/>.</summary>
    /// <exception cref="InvalidOperationException">A value is malformed, a namespace is invalid or repeated, or a path leaves the base directory.</exception>
    public static IReadOnlyList<OpenApiDeclaration> Parse(IEnumerable<string> values, string baseDirectory, string source)
    {
        ArgumentNullException.ThrowIfNull(values);
        var root = Path.GetFullPath(baseDirectory);
        var declarations = new Dictionary<string, OpenApiDeclaration>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? "" : value[..separator];
            var relative = separator < 0 ? "" : value[(separator + 1)..];
            if (!OpenApiNamespaces.IsValid(name) || relative.Length == 0)
            {
                throw Malformed(source, value, "expected '<namespace>=<relative path>' with a namespace of [a-z0-9_] starting with a letter");
            }

            if (Path.IsPathRooted(relative))
            {
                throw Malformed(source, value, "the path must be relative to the application's base directory");
            }

            var full = Path.GetFullPath(Path.Combine(root, relative));
            if (!full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw Malformed(source, value, "the path leaves the application's base directory");
            }

            if (!declarations.TryAdd(name, new OpenApiDeclaration(name, full)))
            {
                throw Malformed(source, value, $"the namespace '{name}' is declared twice");
            }
        }

        return [.. declarations.Values.OrderBy(d => d.Namespace, StringComparer.Ordinal)];
    }

    private static InvalidOperationException Malformed(string source, string value, string why) =>
        new($"{source}: the OpenAPI declaration [AssemblyMetadata(\"{MetadataKey}\", \"{value}\")] cannot be used: {why}.");
}
