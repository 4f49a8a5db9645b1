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

    /// <summary>
    /// A property as JSON sees it: <see cref="JsonName"/> is its [JsonPropertyName] or camelCase name;
    /// <see cref="IsReadable"/> puts it in results, <see cref="IsBindable"/> in arguments.
    /// </summary>
    internal sealed record PropertyModel(
        string ClrName,
        string JsonName,
        TypeShape Shape,
        string? Description,
        bool IsRequired,
        bool IsReadable,
        bool IsBindable,
        PropertyBinding Binding,
        string? DefaultJson,
        PropertyOmission Omission = PropertyOmission.Never);

    /// <summary>When a result leaves a readable property out ([JsonIgnore(Condition = WhenWritingNull/WhenWritingDefault)]).</summary>
    internal enum PropertyOmission
    {
        Never,
        WhenNull,

        /// <summary>A non-nullable value type equal to default(T); reference and nullable types use <see cref="WhenNull"/>.</summary>
        WhenDefault,
    }

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

    /// <summary>
    /// A constructor parameter and the property it fills. A property ignored on read ([JsonIgnore]) has no
    /// <see cref="Shape"/>; its parameter gets <see cref="IgnoredValue"/>, as System.Text.Json passes the default.
    /// </summary>
    internal sealed record ConstructorArgument(string JsonName, string ClrName, TypeShape? Shape, bool IsRequired, string? DefaultLiteral, string? IgnoredValue = null);
}
