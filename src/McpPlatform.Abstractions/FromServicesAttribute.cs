namespace McpPlatform;

/// <summary>
/// Marks a tool parameter that is resolved from dependency injection instead of the
/// caller's arguments. Interface and abstract parameter types are treated as services
/// without this attribute; use it for concrete service classes.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class FromServicesAttribute : Attribute
{
}
