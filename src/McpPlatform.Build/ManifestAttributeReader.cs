using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace McpPlatform.Build;

/// <summary>
/// Reads <c>[assembly: AssemblyMetadata(key, value)]</c> values from a compiled assembly's
/// metadata without loading it (the assembly targets the consumer's runtime, not MSBuild's).
/// </summary>
internal static class ManifestAttributeReader
{
    private const string AttributeNamespace = "System.Reflection";
    private const string AttributeName = "AssemblyMetadataAttribute";

    /// <summary>The values of every AssemblyMetadata attribute whose key is <paramref name="key"/>, in metadata order.</summary>
    /// <exception cref="BadImageFormatException">The file is not a .NET assembly.</exception>
    public static IReadOnlyList<string?> ReadValues(string assemblyPath, string key)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
        {
            throw new BadImageFormatException("The file has no .NET metadata.", assemblyPath);
        }

        var metadata = pe.GetMetadataReader();
        if (!metadata.IsAssembly)
        {
            throw new BadImageFormatException("The file is a module, not an assembly.", assemblyPath);
        }

        var values = new List<string?>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(metadata, attribute.Constructor))
            {
                continue;
            }

            // Blob: prolog 0x0001, then the constructor's two string arguments (key, value).
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                throw new BadImageFormatException("An AssemblyMetadata attribute has a malformed value.", assemblyPath);
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
            _ => default(EntityHandle),
        };

        return type.Kind switch
        {
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle @namespace, StringHandle name) =>
        metadata.StringComparer.Equals(name, AttributeName) && metadata.StringComparer.Equals(@namespace, AttributeNamespace);
}
