using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using McpPlatform.Governance.Manifest;

namespace McpPlatform.Testing;

/// <summary>
/// Builds manifests for tests as JSON nodes: <see cref="Tool"/> and <see cref="Create"/> give a valid shape,
/// tests change any member, and <see cref="Seal"/> fills <c>inputSchemaHash</c> and <c>hash</c> with the
/// platform's <see cref="CanonicalJson"/>, so no hash is written by hand.
/// </summary>
internal static class TestManifest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Tool(string name, string access = "read", string? description = null) => new()
    {
        ["name"] = name,
        ["title"] = $"Title of {name}",
        ["description"] = description ?? $"Does {name}.",
        ["toolSet"] = "issues",
        ["access"] = access,
        ["requiredScopes"] = access switch
        {
            "read" => Strings("mcp:read"),
            "write" => Strings("mcp:read", "mcp:write"),
            _ => Strings("mcp:destructive", "mcp:read"),
        },
        ["grantedBy"] = access == "read" ? Strings("default-read") : Strings("editors"),
        ["inputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["jql"] = new JsonObject { ["type"] = "string" } },
            ["required"] = Strings("jql"),
        },
        ["outputSchema"] = new JsonObject { ["type"] = "object" },
        ["secrets"] = Strings("jira-token"),
        ["dataRules"] = new JsonArray(
            DataRule("api-key", "block", "redact"),
            DataRule("email", "redact", "redact")),
        ["codeMode"] = new JsonObject { ["exposed"] = true, ["name"] = name },
    };

    /// <summary>A fixed-URI resource; pass <paramref name="uriTemplate"/> for a templated one instead.</summary>
    public static JsonObject Resource(string name, string? uriTemplate = null, string? description = null)
    {
        var resource = new JsonObject { ["name"] = name, ["title"] = $"Title of {name}" };
        if (uriTemplate is null)
        {
            resource["uri"] = $"docs://{name}";
        }
        else
        {
            resource["uriTemplate"] = uriTemplate;
        }

        resource["description"] = description ?? $"The {name} document.";
        resource["mimeType"] = "text/markdown";
        resource["access"] = "read";
        resource["grantedBy"] = Strings("default-read");
        return resource;
    }

    public static JsonObject Prompt(string name, string? description = null) => new()
    {
        ["name"] = name,
        ["title"] = $"Title of {name}",
        ["description"] = description ?? $"Asks for {name}.",
        ["arguments"] = new JsonArray(Argument("change", "The change to review.", required: true), Argument("tone", null, required: false)),
        ["access"] = "read",
        ["grantedBy"] = Strings("default-read"),
    };

    public static JsonObject Argument(string name, string? description, bool required)
    {
        var argument = new JsonObject { ["name"] = name };
        if (description is not null)
        {
            argument["description"] = description;
        }

        argument["required"] = required;
        return argument;
    }

    /// <summary>The standard tools plus two resources (one templated) and a prompt.</summary>
    public static JsonObject WithResourcesAndPrompts()
    {
        var manifest = Standard();
        manifest["resources"] = new JsonArray(Resource("handbook"), Resource("ticket", "tickets://{project}/{id}"));
        manifest["prompts"] = new JsonArray(Prompt("review_change"));
        return Seal(manifest);
    }

    public static JsonObject Resource(this JsonObject manifest, string name) =>
        manifest["resources"]!.AsArray().Single(r => (string)r!["name"]! == name)!.AsObject();

    public static JsonObject Prompt(this JsonObject manifest, string name) =>
        manifest["prompts"]!.AsArray().Single(p => (string)p!["name"]! == name)!.AsObject();

    public static JsonObject DataRule(string name, string arguments, string results) =>
        new() { ["name"] = name, ["arguments"] = arguments, ["results"] = results };

    public static JsonArray Strings(params string[] items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    /// <summary>A sealed manifest with the given tools (sorted by name).</summary>
    public static JsonObject Create(params JsonObject[] tools)
    {
        var manifest = new JsonObject
        {
            ["manifestVersion"] = 1,
            ["server"] = new JsonObject { ["name"] = "Acme.Jira", ["version"] = "1.0.0" },
            ["codeMode"] = new JsonObject { ["enabled"] = true, ["default"] = "tools" },
            ["tools"] = new JsonArray(tools.OrderBy(t => (string)t["name"]!, StringComparer.Ordinal).Select(t => (JsonNode)t).ToArray()),
            ["hash"] = "sha256:" + new string('0', 64),
        };
        return Seal(manifest);
    }

    /// <summary>The usual three tools: a read, a write and a destructive one.</summary>
    public static JsonObject Standard() =>
        Create(Tool("issues_search"), Tool("issues_create", "write"), Tool("issues_delete", "destructive"));

    /// <summary>Recomputes every <c>inputSchemaHash</c> and the manifest <c>hash</c> after a change.</summary>
    public static JsonObject Seal(JsonObject manifest)
    {
        foreach (var tool in manifest["tools"]!.AsArray())
        {
            tool!["inputSchemaHash"] = CanonicalJson.Sha256(Element(tool["inputSchema"]!));
        }

        // Keep the documented member order: hash last, inputSchemaHash right after inputSchema.
        foreach (var tool in manifest["tools"]!.AsArray().Select(t => t!.AsObject()))
        {
            Reorder(tool, ["name", "title", "description", "toolSet", "access", "requiredScopes", "grantedBy", "inputSchema", "inputSchemaHash", "outputSchema", "outputSchemaHash", "secrets", "dataRules", "codeMode", "upstream", "openapi"]);
        }

        manifest["hash"] = ManifestDocument.ComputeHash(Element(manifest));
        Reorder(manifest, ["manifestVersion", "server", "codeMode", "tools", "resources", "prompts", "hash"]);
        return manifest;
    }

    /// <summary>Gives a tool the <c>upstream</c> section a portal writes: it comes from <paramref name="ns"/>'s tool <paramref name="tool"/>.</summary>
    public static JsonObject FromUpstream(this JsonObject toolNode, string ns, string tool, string definitionHash)
    {
        toolNode["upstream"] = new JsonObject { ["namespace"] = ns, ["tool"] = tool, ["definitionHash"] = definitionHash };
        return toolNode;
    }

    /// <summary>Gives a tool the <c>openapi</c> section the build writes for an operation of the document declared as <paramref name="ns"/>.</summary>
    public static JsonObject FromOpenApi(this JsonObject toolNode, string ns, string method, string path, string? operationId, string documentHash)
    {
        var section = new JsonObject { ["namespace"] = ns, ["method"] = method, ["path"] = path };
        if (operationId is not null)
        {
            section["operationId"] = operationId;
        }

        section["scopes"] = new JsonArray();
        section["documentHash"] = documentHash;
        toolNode["toolSet"] = ns;
        toolNode["openapi"] = section;
        return toolNode;
    }

    public static JsonObject Tool(this JsonObject manifest, string name) =>
        manifest["tools"]!.AsArray().Single(t => (string)t!["name"]! == name)!.AsObject();

    public static string Text(JsonNode node) => node.ToJsonString(Indented).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";

    public static string Write(JsonNode node, string path)
    {
        File.WriteAllText(path, Text(node));
        return path;
    }

    public static ManifestDocument Parse(JsonNode node) => ManifestDocument.Parse(Text(node), "test-manifest.json");

    public static JsonElement Element(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>The 1-based line of the first line of <paramref name="text"/> that contains <paramref name="fragment"/>.</summary>
    public static int LineOf(string text, string fragment)
    {
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{fragment}' is not in the text");
        return index + 1;
    }

    private static void Reorder(JsonObject node, string[] order)
    {
        var members = node.ToList();
        node.Clear();
        foreach (var (name, value) in members.OrderBy(m => Array.IndexOf(order, m.Key) is var i && i < 0 ? int.MaxValue : i))
        {
            node[name] = value;
        }
    }
}
