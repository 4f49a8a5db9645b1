using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using McpPlatform.Hosting.Manifest;

namespace McpPlatform.Cli.Tokens;

/// <summary>
/// Reads the governance manifest the generator embeds in a server assembly
/// (<c>[assembly: AssemblyMetadata("McpPlatform.Manifest", json)]</c>) from its metadata, without loading it:
/// the assembly may target another runtime, and measuring must not run its code.
/// </summary>
internal static class AssemblyManifest
{
    /// <summary>The manifest JSON embedded in <paramref name="assemblyPath"/>.</summary>
    /// <exception cref="TokenInputException">The file is not a .NET assembly, or carries no manifest (or more than one).</exception>
    public static string ReadJson(string assemblyPath)
    {
        List<string?> values;
        try
        {
            values = ReadMetadataValues(assemblyPath, ManifestFiles.AssemblyMetadataKey);
        }
        catch (BadImageFormatException e)
        {
            throw new TokenInputException($"'{assemblyPath}' is not a .NET assembly ({e.Message.TrimEnd('.')}).", e);
        }

        return values switch
        {
            [{ Length: > 0 } json] => json,
            [] => throw new TokenInputException(
                $"'{assemblyPath}' has no McpPlatform manifest (no AssemblyMetadata \"{ManifestFiles.AssemblyMetadataKey}\"): "
                + "it is not an McpPlatform server, or was built with a generator that does not embed one. "
                + $"Pass the server's built assembly (bin/<configuration>/<framework>/<name>.dll), its {ManifestFiles.ManifestFileName}, or --url of the running server."),
            [_] => throw new TokenInputException($"'{assemblyPath}' carries an empty McpPlatform manifest."),
            _ => throw new TokenInputException($"'{assemblyPath}' carries {values.Count} McpPlatform manifests; only the generator may add one."),
        };
    }

    private static List<string?> ReadMetadataValues(string assemblyPath, string key)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("it has no .NET metadata");
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new BadImageFormatException("it is a module, not an assembly");
        }

        var values = new List<string?>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
            {
                continue;
            }

            // The value blob: prolog 0x0001, then the constructor's two serialized strings (key, value).
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                throw new BadImageFormatException("an AssemblyMetadata attribute has a malformed value");
            }

            if (blob.ReadSerializedString() == key)
            {
                values.Add(blob.ReadSerializedString());
            }
        }

        return values;
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader metadata, EntityHandle constructor)
    {
        var type = constructor.Kind switch
        {
            HandleKind.MemberReference => metadata.GetMemberReference((MemberReferenceHandle)constructor).Parent,
            HandleKind.MethodDefinition => metadata.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType(),
            _ => default,
        };

        var (ns, name) = type.Kind switch
        {
            HandleKind.TypeReference => (metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => (metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => (default(StringHandle), default(StringHandle)),
        };

        return !name.IsNil
            && metadata.StringComparer.Equals(name, "AssemblyMetadataAttribute")
            && metadata.StringComparer.Equals(ns, "System.Reflection");
    }
}
