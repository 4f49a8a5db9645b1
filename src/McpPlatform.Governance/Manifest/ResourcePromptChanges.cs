namespace McpPlatform.Governance.Manifest;

/// <summary>
/// Classifies the changes to one resource or prompt for <see cref="ManifestDiff"/>. Both are read access, so a new one
/// is medium and a removed one low; a changed description, title or argument description is high (the model reads it:
/// poisoning); a changed URI, MIME type or argument list is medium; a new grant is high (more callers can read it),
/// a grant withdrawn medium.
/// </summary>
internal static class ResourcePromptChanges
{
    public static ManifestChange Added(ManifestResource resource) => Change(ManifestChangeKind.ResourceAdded, ManifestSubject.Resource, resource.Name, ManifestRisk.Medium,
        $"new resource {Address(resource)}{Mime(resource.MimeType)}, {Grants(resource.GrantedBy)}");

    public static ManifestChange Removed(ManifestResource resource) => Change(ManifestChangeKind.ResourceRemoved, ManifestSubject.Resource, resource.Name, ManifestRisk.Low,
        $"resource {Address(resource)} removed");

    public static ManifestChange Added(ManifestPrompt prompt) => Change(ManifestChangeKind.PromptAdded, ManifestSubject.Prompt, prompt.Name, ManifestRisk.Medium,
        $"new prompt, arguments {Arguments(prompt.Arguments)}, {Grants(prompt.GrantedBy)}");

    public static ManifestChange Removed(ManifestPrompt prompt) => Change(ManifestChangeKind.PromptRemoved, ManifestSubject.Prompt, prompt.Name, ManifestRisk.Low,
        "prompt removed");

    public static void Compare(ManifestResource before, ManifestResource after, List<ManifestChange> changes)
    {
        var common = new Common(ManifestSubject.Resource, after.Name, "resource", changes);
        common.Texts(before.Title, after.Title, before.Description, after.Description);
        if (before.Uri != after.Uri || before.UriTemplate != after.UriTemplate)
        {
            changes.Add(Change(ManifestChangeKind.UriChanged, ManifestSubject.Resource, after.Name, ManifestRisk.Medium,
                $"{Address(before)} → {Address(after)}"));
        }

        if (before.MimeType != after.MimeType)
        {
            changes.Add(Change(ManifestChangeKind.MimeTypeChanged, ManifestSubject.Resource, after.Name, ManifestRisk.Medium,
                $"MIME type {Optional(before.MimeType)} → {Optional(after.MimeType)}"));
        }

        common.Grants(before.GrantedBy, after.GrantedBy);
    }

    public static void Compare(ManifestPrompt before, ManifestPrompt after, List<ManifestChange> changes)
    {
        var common = new Common(ManifestSubject.Prompt, after.Name, "prompt", changes);
        common.Texts(before.Title, after.Title, before.Description, after.Description);
        CompareArguments(before, after, changes);
        common.Grants(before.GrantedBy, after.GrantedBy);
    }

    private static void CompareArguments(ManifestPrompt before, ManifestPrompt after, List<ManifestChange> changes)
    {
        var name = after.Name;
        var old = before.Arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
        var current = after.Arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
        void Add(ManifestRisk risk, string message) =>
            changes.Add(Change(ManifestChangeKind.PromptArgumentsChanged, ManifestSubject.Prompt, name, risk, message));

        foreach (var argument in after.Arguments.Where(a => !old.ContainsKey(a.Name)))
        {
            Add(ManifestRisk.Medium, $"argument {DisplayText.Quote(argument.Name, 80)} added ({(argument.Required ? "required" : "optional")})");
        }

        foreach (var argument in before.Arguments.Where(a => !current.ContainsKey(a.Name)))
        {
            Add(ManifestRisk.Medium, $"argument {DisplayText.Quote(argument.Name, 80)} removed");
        }

        foreach (var argument in after.Arguments.Where(a => old.ContainsKey(a.Name)))
        {
            var previous = old[argument.Name];
            if (previous.Required != argument.Required)
            {
                Add(ManifestRisk.Medium, $"argument {DisplayText.Quote(argument.Name, 80)} {(argument.Required ? "now required" : "no longer required")}");
            }

            if (previous.Description != argument.Description)
            {
                Add(ManifestRisk.High, $"argument {DisplayText.Quote(argument.Name, 80)} description changed (the model reads it; check for prompt poisoning): "
                    + $"{Optional(previous.Description)} → {Optional(argument.Description)}");
            }
        }

        var keptBefore = before.Arguments.Select(a => a.Name).Where(current.ContainsKey).ToList();
        var keptAfter = after.Arguments.Select(a => a.Name).Where(old.ContainsKey).ToList();
        if (!keptBefore.SequenceEqual(keptAfter, StringComparer.Ordinal))
        {
            Add(ManifestRisk.Medium, $"argument order {ToolChanges.List(keptBefore)} → {ToolChanges.List(keptAfter)}");
        }
    }

    private static ManifestChange Change(ManifestChangeKind kind, ManifestSubject subject, string name, ManifestRisk risk, string message) =>
        new(kind, name, risk, message) { Subject = subject };

    private static string Address(ManifestResource resource) =>
        resource.Uri is { } uri ? $"uri {DisplayText.Quote(uri)}" : $"uriTemplate {DisplayText.Quote(resource.UriTemplate ?? string.Empty)}";

    private static string Mime(string? mimeType) => mimeType is null ? string.Empty : $" ({DisplayText.Quote(mimeType, 80)})";

    private static string Grants(IReadOnlyList<string> grantedBy) =>
        grantedBy.Count == 0 ? "granted by no rule" : "granted by " + string.Join(", ", grantedBy.Select(g => DisplayText.Quote(g)));

    private static string Arguments(IReadOnlyList<ManifestPromptArgument> arguments) =>
        ToolChanges.List(arguments.Select(a => a.Required ? a.Name : a.Name + "?"));

    private static string Optional(string? text) => text is null ? "(none)" : DisplayText.Quote(text);

    /// <summary>The checks resources and prompts share: title, description and grants.</summary>
    private sealed class Common(ManifestSubject subject, string name, string noun, List<ManifestChange> changes)
    {
        public void Texts(string? titleBefore, string? titleAfter, string descriptionBefore, string descriptionAfter)
        {
            if (descriptionBefore != descriptionAfter)
            {
                changes.Add(Change(ManifestChangeKind.DescriptionChanged, subject, name, ManifestRisk.High,
                    $"description changed (the model reads it; check for {noun} poisoning): {DisplayText.Quote(descriptionBefore)} → {DisplayText.Quote(descriptionAfter)}"));
            }

            if (titleBefore != titleAfter)
            {
                changes.Add(Change(ManifestChangeKind.TitleChanged, subject, name, ManifestRisk.High,
                    $"title changed (check for {noun} poisoning): {Optional(titleBefore)} → {Optional(titleAfter)}"));
            }
        }

        public void Grants(IReadOnlyList<string> before, IReadOnlyList<string> after)
        {
            if (before.SequenceEqual(after, StringComparer.Ordinal))
            {
                return;
            }

            var added = after.Except(before, StringComparer.Ordinal).ToList();
            changes.Add(Change(ManifestChangeKind.GrantsChanged, subject, name, added.Count > 0 ? ManifestRisk.High : ManifestRisk.Medium,
                $"granted by {ToolChanges.List(before)} → {ToolChanges.List(after)}"
                + (added.Count > 0 ? $" (now also {ToolChanges.List(added)}: more callers can {(subject == ManifestSubject.Resource ? "read it" : "get it")})" : string.Empty)));
        }
    }
}
