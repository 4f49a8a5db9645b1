namespace McpPlatform.Generators.Model
{
    /// <summary>A record or class used as a tool argument or result.</summary>
    internal sealed record ObjectModel(
        string Key,
        string TypeName,
        string SimpleName,
        string? Description,
        bool IsRecord,
        bool IsValueType,
        EquatableArray<PropertyModel> Properties,
        EquatableArray<ConstructorArgument> ConstructorArguments);

    /// <summary>A property as JSON sees it.</summary>
    internal sealed record PropertyModel(
        string ClrName,
        string JsonName,
        TypeShape Shape,
        string? Description,
        bool IsRequired,
        bool IsReadable,
        bool IsBindable,
        PropertyBinding Binding,
        string? DefaultJson);

    /// <summary>How a property receives its value when the object is read.</summary>
    internal enum PropertyBinding
    {
        /// <summary>Output only (getter, no setter, not a constructor parameter).</summary>
        None,
        Constructor,
        RequiredInit,
        Setter,
        OptionalInit,
    }

    /// <summary>A constructor parameter and the property it fills.</summary>
    internal sealed record ConstructorArgument(string JsonName, string ClrName, TypeShape Shape, bool IsRequired, string? DefaultLiteral);
}
