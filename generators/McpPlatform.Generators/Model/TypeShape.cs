namespace McpPlatform.Generators.Model
{
    /// <summary>What JSON a C# type is read from and written to.</summary>
    internal enum ShapeKind
    {
        String,
        Integer,
        Number,
        Boolean,
        Enum,
        Uuid,
        DateTime,
        Array,
        Object,
        /// <summary>A dictionary with string keys: a JSON object whose values share one shape (<see cref="TypeShape.Element"/>).</summary>
        Dictionary,
    }

    /// <summary>How a collection is materialised when read.</summary>
    internal enum CollectionKind
    {
        None,
        Array,
        List,
    }

    /// <summary>
    /// The JSON shape of a type. Scalars name their JsonArgumentReader method; arrays hold their
    /// element shape; objects refer to an <see cref="ObjectModel"/> by key, which keeps recursive
    /// types finite.
    /// </summary>
    internal sealed record TypeShape(
        ShapeKind Kind,
        string TypeName,
        bool IsNullable,
        bool IsNullableValueType,
        string? ReaderMethod = null,
        TypeShape? Element = null,
        CollectionKind Collection = CollectionKind.None,
        string? ObjectKey = null,
        EquatableArray<string> EnumMembers = default)
    {
        /// <summary>The type as written in generated code, with '?' where it is nullable.</summary>
        public string NullableTypeName => IsNullable ? TypeName + "?" : TypeName;
    }
}
