using System.Text.Json;
using System.Text.Json.Nodes;

namespace McpPlatform.Testing;

/// <summary>Turns <see cref="TestTokenOptions"/> into the JSON payload of an access token (RFC 9068 claims).</summary>
internal static class TokenPayload
{
    public static string ToJson(TestTokenOptions options, string issuer)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = options.Expires ?? now + options.Lifetime;
        var notBefore = options.NotBefore ?? Earliest(now - TestTokenOptions.DefaultBackdating, expires - options.Lifetime);
        var issuedAt = options.IssuedAt ?? notBefore;

        var payload = new JsonObject
        {
            ["iss"] = options.IssuerOverride ?? issuer,
            ["aud"] = options.Audience,
            ["iat"] = issuedAt.ToUnixTimeSeconds(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["jti"] = options.TokenId ?? Guid.NewGuid().ToString("N"),
        };
        AddIfPresent(payload, "sub", options.Subject);
        AddIfPresent(payload, "client_id", options.ClientId);
        AddIfPresent(payload, "name", options.Name);
        AddIfPresent(payload, "email", options.Email);
        if (options.Scopes.Count > 0)
        {
            payload["scope"] = string.Join(' ', options.Scopes);
        }

        AddArrayIfAny(payload, "groups", options.Groups);
        AddArrayIfAny(payload, "roles", options.Roles);

        foreach (var (name, value) in options.Claims)
        {
            if (value is null)
            {
                payload.Remove(name);
            }
            else
            {
                payload[name] = JsonSerializer.SerializeToNode(value, value.GetType());
            }
        }

        return payload.ToJsonString();
    }

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static void AddIfPresent(JsonObject payload, string name, string? value)
    {
        if (value is not null)
        {
            payload[name] = value;
        }
    }

    private static void AddArrayIfAny(JsonObject payload, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            payload[name] = new JsonArray([.. values.Select(value => JsonValue.Create(value))]);
        }
    }
}
