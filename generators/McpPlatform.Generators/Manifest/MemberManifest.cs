using System.Linq;
using McpPlatform.Generators.Json;
using McpPlatform.Generators.Model;

namespace McpPlatform.Generators.Manifest
{
    /// <summary>
    /// The manifest entries of resources and prompts. Both are Read access and are governed as the
    /// tools <c>resource:&lt;name&gt;</c> (tool set <c>resources</c>) and <c>prompt:&lt;name&gt;</c>
    /// (tool set <c>prompts</c>), so grantedBy lists the rules that match those names.
    /// </summary>
    internal static class MemberManifest
    {
        private const string Read = "read";

        public static JsonValue Resource(ResourceModel resource, GovernanceConfig config)
        {
            var value = JsonValue.Object().Add("name", JsonValue.String(resource.Name));
            if (!string.IsNullOrEmpty(resource.Title))
            {
                value.Add("title", JsonValue.String(resource.Title!));
            }

            value.Add(resource.IsTemplated ? "uriTemplate" : "uri", JsonValue.String(resource.Uri))
                .Add("description", JsonValue.String(resource.Description ?? string.Empty));
            if (!string.IsNullOrEmpty(resource.MimeType))
            {
                value.Add("mimeType", JsonValue.String(resource.MimeType!));
            }

            return value
                .Add("access", JsonValue.String(Read))
                .Add("grantedBy", JsonValue.Strings(GovernanceRules.GrantedBy("resource:" + resource.Name, "resources", Read, config.Policy)));
        }

        public static JsonValue Prompt(PromptModel prompt, GovernanceConfig config)
        {
            var value = JsonValue.Object().Add("name", JsonValue.String(prompt.Name));
            if (!string.IsNullOrEmpty(prompt.Title))
            {
                value.Add("title", JsonValue.String(prompt.Title!));
            }

            var arguments = prompt.Parameters
                .Where(p => p.Source == ParameterSource.Argument)
                .Select(p =>
                {
                    var argument = JsonValue.Object().Add("name", JsonValue.String(p.Name));
                    if (!string.IsNullOrEmpty(p.Description))
                    {
                        argument.Add("description", JsonValue.String(p.Description!));
                    }

                    return argument.Add("required", JsonValue.Bool(p.IsRequired));
                });
            return value
                .Add("description", JsonValue.String(prompt.Description ?? string.Empty))
                .Add("arguments", JsonValue.Array(arguments))
                .Add("access", JsonValue.String(Read))
                .Add("grantedBy", JsonValue.Strings(GovernanceRules.GrantedBy("prompt:" + prompt.Name, "prompts", Read, config.Policy)));
        }
    }
}
