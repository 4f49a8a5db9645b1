using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace McpPlatform.Cli.Commands;

/// <summary>
/// <c>mcp-platform dev-token</c>: mints an access token from the local development issuer for a
/// server running in the Development environment. The token alone goes to stdout, so
/// <c>TOKEN=$(mcp-platform dev-token)</c> works; everything else goes to stderr.
/// </summary>
internal sealed class DevTokenCommand : Command
{
    /// <summary>The audience when none is given: the sample server's MCP endpoint.</summary>
    public const string DefaultAudience = "http://127.0.0.1:5080/mcp";

    /// <summary>The subject when none is given and $USER is not set.</summary>
    public const string FallbackSubject = "developer";

    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly Option<string> _subject = new("--subject", "-s")
    {
        Description = $"The user the token speaks for (the sub claim). Default: $USER, or '{FallbackSubject}'.",
        HelpName = "user",
        DefaultValueFactory = _ => DefaultSubject(),
    };

    private readonly Option<string> _audience = new("--audience", "-a")
    {
        Description = "The server's canonical resource URI (the aud claim): scheme, host, port and MCP path, "
            + "exactly as the server knows itself, e.g. http://127.0.0.1:5080/mcp. The server rejects tokens for any other audience.",
        HelpName = "uri",
        DefaultValueFactory = _ => DefaultAudience,
    };

    private readonly Option<string[]> _scopes = new("--scope")
    {
        Description = "A scope to grant; repeat the option or give a space-separated list.",
        HelpName = "scope",
        DefaultValueFactory = _ => ["mcp:read"],
    };

    private readonly Option<string[]> _groups = new("--group")
    {
        Description = "A group the user belongs to (the groups claim); repeatable.",
        HelpName = "group",
    };

    private readonly Option<string[]> _roles = new("--role")
    {
        Description = "A role the user holds (the roles claim); repeatable.",
        HelpName = "role",
    };

    private readonly Option<string[]> _claims = new("--claim")
    {
        Description = "An extra claim as name=value, e.g. device_managed=true; repeatable.",
        HelpName = "name=value",
    };

    private readonly Option<string?> _name = new("--name")
    {
        Description = "The user's display name (the name claim).",
        HelpName = "display-name",
    };

    private readonly Option<string?> _email = new("--email")
    {
        Description = "The user's e-mail address (the email claim).",
        HelpName = "address",
    };

    private readonly Option<TimeSpan> _lifetime = new("--lifetime")
    {
        Description = $"How long the token is valid, at most 24 hours: {Duration.Examples}.",
        HelpName = "duration",
        CustomParser = ParseLifetime,
        DefaultValueFactory = _ => DefaultLifetime,
    };

    private readonly Option<string> _keyFile = new("--key-file")
    {
        Description = $"The development issuer's key file, created on first use. Default: ${DevelopmentIssuer.KeyFileEnvironmentVariable}, "
            + "or mcp-platform/dev-issuer.json in your application data folder (~/.config on Linux).",
        HelpName = "path",
        DefaultValueFactory = _ => DevelopmentIssuer.DefaultKeyFile,
    };

    private readonly Option<bool> _json = new("--json")
    {
        Description = "Print {\"token\", \"expires\", \"issuer\", \"audience\"} as JSON instead of the bare token.",
    };

    /// <summary>Creates the command with its options and action.</summary>
    public DevTokenCommand()
        : base("dev-token", "Mints an access token from the local development issuer, which servers trust in the Development environment. "
            + "Prints the token alone on stdout: TOKEN=$(mcp-platform dev-token).")
    {
        _audience.Validators.Add(ValidateAudience);
        _claims.Validators.Add(ValidateClaims);
        Options.Add(_subject);
        Options.Add(_audience);
        Options.Add(_scopes);
        Options.Add(_groups);
        Options.Add(_roles);
        Options.Add(_claims);
        Options.Add(_name);
        Options.Add(_email);
        Options.Add(_lifetime);
        Options.Add(_keyFile);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parseResult)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;

        var keyFile = Path.GetFullPath(parseResult.GetRequiredValue(_keyFile));
        var existed = File.Exists(keyFile);
        DevelopmentIssuer issuer;
        try
        {
            issuer = DevelopmentIssuer.LoadOrCreate(keyFile);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        if (!existed)
        {
            error.WriteLine($"Created the development issuer key {issuer.KeyFile} (kid {issuer.KeyId}).");
        }

        var request = new DevelopmentTokenRequest(parseResult.GetRequiredValue(_subject), parseResult.GetRequiredValue(_audience))
        {
            Scopes = SplitScopes(parseResult.GetValue(_scopes)),
            Groups = parseResult.GetValue(_groups) ?? [],
            Roles = parseResult.GetValue(_roles) ?? [],
            Name = parseResult.GetValue(_name),
            Email = parseResult.GetValue(_email),
            Claims = (parseResult.GetValue(_claims) ?? []).Select(Claim).ToDictionary(c => c.Name, c => c.Value, StringComparer.Ordinal),
            Lifetime = parseResult.GetValue(_lifetime),
        };

        if (new Uri(request.Audience).AbsolutePath == "/")
        {
            error.WriteLine($"warning: the audience {request.Audience} has no path; a server's resource URI normally ends with its MCP path, e.g. {DefaultAudience}.");
        }

        string token;
        try
        {
            token = issuer.MintToken(request);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }

        var expires = new DateTimeOffset(new JsonWebToken(token).ValidTo, TimeSpan.Zero);
        if (parseResult.GetValue(_json))
        {
            var document = new JsonObject
            {
                ["token"] = token,
                ["expires"] = expires.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["issuer"] = DevelopmentIssuer.IssuerName,
                ["audience"] = request.Audience,
            };
            output.WriteLine(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            output.WriteLine(token);
        }

        error.WriteLine(
            $"Development token for '{request.Subject}', audience {request.Audience}, scope '{string.Join(' ', request.Scopes)}', "
            + $"expires {expires:yyyy-MM-dd HH:mm:ss}Z.");
        return ExitCodes.Success;
    }

    private static string DefaultSubject()
    {
        var user = Environment.GetEnvironmentVariable("USER");
        if (string.IsNullOrWhiteSpace(user))
        {
            user = Environment.GetEnvironmentVariable("USERNAME");
        }

        return string.IsNullOrWhiteSpace(user) ? FallbackSubject : user;
    }

    private static TimeSpan ParseLifetime(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (!Duration.TryParse(text, out var lifetime))
        {
            result.AddError($"--lifetime: '{text}' is not a duration; use e.g. {Duration.Examples}.");
            return default;
        }

        if (lifetime <= TimeSpan.Zero || lifetime > DevelopmentIssuer.MaxLifetime)
        {
            result.AddError($"--lifetime: '{text}' is out of range; a development token lives more than 0 and at most 24h.");
            return default;
        }

        return lifetime;
    }

    private static void ValidateAudience(OptionResult result)
    {
        var text = result.GetValueOrDefault<string>();
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            result.AddError($"--audience: '{text}' is not an absolute http or https URI; give the server's resource URI, e.g. {DefaultAudience}.");
        }
        else if (uri.Fragment.Length > 0)
        {
            result.AddError($"--audience: '{text}' has a fragment; a resource URI has none (RFC 8707).");
        }
    }

    private static void ValidateClaims(OptionResult result)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in result.Tokens)
        {
            if (!ClaimAssignment.TryParse(token.Value, out var claim))
            {
                result.AddError($"--claim: '{token.Value}' is not name=value; e.g. --claim device_managed=true.");
            }
            else if (DevelopmentIssuer.ReservedClaims.Contains(claim.Name))
            {
                result.AddError($"--claim: '{claim.Name}' is set by the development issuer; use the option for it (e.g. --subject, --scope, --group) instead.");
            }
            else if (!seen.Add(claim.Name))
            {
                result.AddError($"--claim: '{claim.Name}' is given more than once.");
            }
        }
    }

    private static ClaimAssignment Claim(string text) =>
        ClaimAssignment.TryParse(text, out var claim) ? claim : throw new InvalidOperationException($"Unvalidated claim '{text}'.");

    private static string[] SplitScopes(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToArray();
}
