using Microsoft.EntityFrameworkCore;

namespace McpPlatform.Hosting.Authentication.AuthorizationServer;

/// <summary>
/// OpenIddict's entities (registered clients, authorizations, codes and refresh tokens) in an in-memory Entity Framework
/// Core database: a development authorization server forgets everything when it stops, and clients register again.
/// </summary>
internal sealed class AuthorizationStore(DbContextOptions<AuthorizationStore> options) : DbContext(options);
