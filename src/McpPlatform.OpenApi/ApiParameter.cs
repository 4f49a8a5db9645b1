namespace McpPlatform.OpenApi;

/// <summary>Where a parameter goes in the HTTP request.</summary>
public enum ApiParameterLocation
{
    /// <summary>Substituted into the path template (<c>/pets/{petId}</c>).</summary>
    Path,

    /// <summary>Appended to the query string.</summary>
    Query,

    /// <summary>Sent as a request header.</summary>
    Header,

    /// <summary>The request body (the <c>body</c> argument).</summary>
    Body,
}

/// <summary>
/// One argument of an operation and where the runtime puts it: the argument name in the input schema and the
/// name and location in the HTTP request. They differ when two parameters share a name (<c>id</c> in the path
/// and in the query become <c>path_id</c> and <c>query_id</c>).
/// </summary>
/// <param name="Argument">The property name in the input schema.</param>
/// <param name="Name">The parameter's name in the HTTP request (<c>body</c> for the request body).</param>
/// <param name="Location">Where it goes.</param>
/// <param name="Required">Whether the document requires it.</param>
public sealed record ApiParameter(string Argument, string Name, ApiParameterLocation Location, bool Required);
