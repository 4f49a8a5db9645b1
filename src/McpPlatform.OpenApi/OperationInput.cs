using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace McpPlatform.OpenApi;

/// <summary>
/// The arguments object of an operation: one property per path, query and header parameter (path-level
/// parameters included, the operation's own winning on the same name and location) and the request body as
/// <c>body</c>. Cookie parameters are left out: a caller never sets cookies on the API's behalf.
/// </summary>
internal static class OperationInput
{
    /// <summary>The input schema and where each argument goes.</summary>
    public sealed record Result(JsonObject Schema, IReadOnlyList<ApiParameter> Parameters);

    public static Result Build(
        OpenApiSchemas schemas,
        IList<IOpenApiParameter>? pathParameters,
        Microsoft.OpenApi.OpenApiOperation operation,
        string pathPointer,
        string pointer,
        string file,
        List<OpenApiProblem> problems)
    {
        var declared = Merge(pathParameters, operation.Parameters, pathPointer, pointer);
        var candidates = new List<(ApiParameterLocation Location, string Name, bool Required, JsonNode Schema)>();
        foreach (var (parameter, parameterPointer) in declared)
        {
            if (parameter.Name is not { Length: > 0 } name || Location(parameter.In) is not { } location)
            {
                continue;
            }

            var schema = ParameterSchema(schemas, parameter, parameterPointer, file, problems);
            if (!string.IsNullOrWhiteSpace(parameter.Description) && schema is JsonObject described && !described.ContainsKey("description"))
            {
                described["description"] = parameter.Description.Trim();
            }

            // A path parameter is always required (OpenAPI says so even where a document forgets it).
            candidates.Add((location, name, parameter.Required || location == ApiParameterLocation.Path, schema));
        }

        if (operation.RequestBody is { } body)
        {
            var media = JsonMedia(body.Content) ?? body.Content?.FirstOrDefault(m => m.Value.Schema is not null);
            if (media is { Value.Schema: { } bodySchema } found)
            {
                var bodyPointer = $"{pointer}/requestBody/content/{OpenApiSchemas.EscapeToken(found.Key)}/schema";
                candidates.Add((ApiParameterLocation.Body, "body", body.Required, schemas.Resolve(bodySchema, bodyPointer)));
            }
        }

        // Two parameters with one name (id in the path and in the query, or a parameter called "body") get the
        // location as a prefix; names that are unique stay as the document wrote them.
        var counts = candidates.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var properties = new JsonObject();
        var required = new JsonArray();
        var parameters = new List<ApiParameter>();
        foreach (var (location, name, isRequired, schema) in candidates)
        {
            var argument = counts[name] > 1 ? location.ToString().ToLowerInvariant() + "_" + name : name;
            properties[argument] = schema;
            if (isRequired)
            {
                required.Add(argument);
            }

            parameters.Add(new ApiParameter(argument, name, location, isRequired));
        }

        var input = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            input["required"] = required;
        }

        input["additionalProperties"] = false;
        return new Result(input, parameters);
    }

    /// <summary>The first media type that carries JSON (<c>application/json</c>, <c>application/problem+json</c>, ...).</summary>
    public static KeyValuePair<string, IOpenApiMediaType>? JsonMedia(IDictionary<string, IOpenApiMediaType>? content)
    {
        foreach (var media in content ?? new Dictionary<string, IOpenApiMediaType>())
        {
            var type = media.Key.Split(';')[0].Trim();
            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                return media;
            }
        }

        return null;
    }

    private static List<(IOpenApiParameter Parameter, string Pointer)> Merge(IList<IOpenApiParameter>? pathLevel, IList<IOpenApiParameter>? operationLevel, string pathPointer, string pointer)
    {
        var merged = new List<(IOpenApiParameter, string)>();
        var own = operationLevel ?? [];
        for (var i = 0; i < (pathLevel?.Count ?? 0); i++)
        {
            var shared = pathLevel![i];
            if (!own.Any(p => p.Name == shared.Name && p.In == shared.In))
            {
                merged.Add((shared, $"{pathPointer}/parameters/{i}"));
            }
        }

        for (var i = 0; i < own.Count; i++)
        {
            merged.Add((own[i], $"{pointer}/parameters/{i}"));
        }

        return merged;
    }

    private static ApiParameterLocation? Location(ParameterLocation? location) => location switch
    {
        ParameterLocation.Path => ApiParameterLocation.Path,
        ParameterLocation.Query => ApiParameterLocation.Query,
        ParameterLocation.Header => ApiParameterLocation.Header,
        _ => null,
    };

    private static JsonNode ParameterSchema(OpenApiSchemas schemas, IOpenApiParameter parameter, string pointer, string file, List<OpenApiProblem> problems)
    {
        if (parameter.Schema is { } schema)
        {
            return schemas.Resolve(schema, pointer + "/schema");
        }

        if (JsonMedia(parameter.Content) is { Value.Schema: { } contentSchema })
        {
            return schemas.Resolve(contentSchema, pointer + "/content");
        }

        problems.Add(new(file, pointer, $"The parameter '{parameter.Name}' has neither a schema nor JSON content.", OpenApiProblemKind.ParameterWithoutSchema));
        return new JsonObject();
    }
}
