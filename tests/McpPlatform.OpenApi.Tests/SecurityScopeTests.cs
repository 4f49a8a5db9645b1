namespace McpPlatform.OpenApi.Tests;

/// <summary>
/// OAuth scopes from security requirements onto descriptors: alternatives are OR (a scope is required when every
/// alternative requires it), schemes within one requirement are AND, only oauth2/openIdConnect carry scopes, and an
/// operation's own security replaces the document's.
/// </summary>
public sealed class SecurityScopeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mcpplatform-openapi-scopes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Scopes_follow_the_security_requirements()
    {
        var path = Path.Combine(_folder, "scopes.yaml");
        File.WriteAllText(path, """
            openapi: 3.1.0
            info: { title: Scopes, version: 1.0.0 }
            security:
              - oauth: ["pets:read"]
            paths:
              /pets:
                get:
                  operationId: listPets
                  responses: { "200": { description: ok } }
                post:
                  operationId: addPet
                  security:
                    - oauth: ["pets:read", "pets:write"]
                      oidc: ["openid"]
                  responses: { "201": { description: ok } }
                delete:
                  operationId: clearPets
                  security:
                    - oauth: ["pets:admin", "pets:write"]
                    - oidc: ["pets:write"]
                  responses: { "204": { description: ok } }
              /health:
                get:
                  operationId: health
                  security:
                    - oauth: ["pets:read"]
                    - {}
                  responses: { "200": { description: ok } }
              /keyed:
                get:
                  operationId: keyed
                  security:
                    - key: []
                  responses: { "200": { description: ok } }
            components:
              securitySchemes:
                oauth:
                  type: oauth2
                  flows: { clientCredentials: { tokenUrl: "https://example.com/token", scopes: { "pets:read": r, "pets:write": w, "pets:admin": a } } }
                oidc: { type: openIdConnect, openIdConnectUrl: "https://example.com/.well-known/openid-configuration" }
                key: { type: apiKey, in: header, name: X-Key }
            """);

        var operations = OpenApiOperationCatalog.Load(path);

        Assert.Equal(["pets:read"], operations.Named("list_pets").Scopes);
        Assert.Equal(["openid", "pets:read", "pets:write"], operations.Named("add_pet").Scopes);
        Assert.Equal(["pets:write"], operations.Named("clear_pets").Scopes);
        Assert.Empty(operations.Named("health").Scopes);
        Assert.Empty(operations.Named("keyed").Scopes);
        Assert.Equal(["openid", "pets:read", "pets:write"], operations.Named("add_pet").ToDescriptor("pets").Scopes);
    }
}
