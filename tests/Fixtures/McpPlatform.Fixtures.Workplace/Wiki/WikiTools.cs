namespace McpPlatform.Fixtures.Workplace.Wiki;

/// <summary>A wiki: spaces, pages, history, labels, attachments and comments.</summary>
[McpToolSet("wiki", Description = "Wiki: spaces and pages.")]
public static class WikiTools
{
    /// <summary>Searches page titles and bodies and returns the best matches with excerpts.</summary>
    /// <param name="query">Words to look for.</param>
    /// <param name="spaceKey">Only pages in this space, e.g. ENG.</param>
    /// <param name="label">Only pages with this label.</param>
    /// <param name="limit">At most this many hits (1-50).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<PageSearchHit> SearchPages(string query, string? spaceKey = null, string? label = null, int limit = 10) =>
        WikiStore.Pages.Values
            .Where(p => p.Title.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Body.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Where(p => spaceKey is null || string.Equals(p.SpaceKey, spaceKey, StringComparison.OrdinalIgnoreCase))
            .Where(p => label is null || p.Labels.Contains(label, StringComparer.OrdinalIgnoreCase))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 50))
            .Select(p => new PageSearchHit(p.Id, p.SpaceKey, p.Title, p.Body.Length > 120 ? p.Body[..120] : p.Body, p.UpdatedAt))
            .ToList();

    /// <summary>Gets a page with its body, by id.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="format">The format to return the body in.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static WikiPage GetPage(string pageId, PageFormat format = PageFormat.Markdown) => WikiStore.Get(pageId) with { Format = format };

    /// <summary>Creates a page in a space, optionally under a parent page.</summary>
    /// <param name="spaceKey">The space to create the page in, e.g. ENG.</param>
    /// <param name="title">The page title, unique within the space.</param>
    /// <param name="body">The page content in Markdown.</param>
    /// <param name="parentId">The parent page; top level when omitted.</param>
    /// <param name="labels">Labels to add.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static WikiPage CreatePage(string spaceKey, string title, string body, string? parentId = null, string[]? labels = null)
    {
        if (!WikiStore.Spaces.ContainsKey(spaceKey))
        {
            throw NotFound.Error("space", spaceKey);
        }

        var page = new WikiPage(WikiStore.NextId("p-"), spaceKey, title, parentId, body, PageFormat.Markdown, 1, labels ?? [], WikiStore.CurrentUser, DateTimeOffset.UtcNow);
        return WikiStore.Save(page, "Created");
    }

    /// <summary>Replaces a page's title or body. Fails when the page changed since the version you read.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="version">The version you edited, from get_page; guards against overwriting someone else's edit.</param>
    /// <param name="title">A new title.</param>
    /// <param name="body">The new content in Markdown.</param>
    /// <param name="message">An edit summary for the history.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static WikiPage UpdatePage(string pageId, int version, string? title = null, string? body = null, string message = "")
    {
        var page = WikiStore.Get(pageId);
        if (page.Version != version)
        {
            throw new ModelContextProtocol.McpException($"Page {pageId} is at version {page.Version}, not {version}; read it again and reapply your edit.");
        }

        return WikiStore.Save(page with { Title = title ?? page.Title, Body = body ?? page.Body, Version = version + 1 }, message);
    }

    /// <summary>Lists the spaces the caller can read.</summary>
    /// <param name="limit">At most this many spaces (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<WikiSpace> ListSpaces(int limit = 25) =>
        WikiStore.Spaces.Values.OrderBy(s => s.Key, StringComparer.Ordinal).Take(Math.Clamp(limit, 1, 100)).ToList();

    /// <summary>Gets a space with its description and home page.</summary>
    /// <param name="spaceKey">The space key, e.g. ENG.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static WikiSpace GetSpace(string spaceKey) =>
        WikiStore.Spaces.TryGetValue(spaceKey, out var space) ? space : throw NotFound.Error("space", spaceKey);

    /// <summary>Lists the pages directly below a page.</summary>
    /// <param name="pageId">The parent page id.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<PageSearchHit> ListChildPages(string pageId)
    {
        WikiStore.Get(pageId);
        return WikiStore.Pages.Values.Where(p => p.ParentId == pageId).OrderBy(p => p.Title, StringComparer.Ordinal)
            .Select(p => new PageSearchHit(p.Id, p.SpaceKey, p.Title, string.Empty, p.UpdatedAt)).ToList();
    }

    /// <summary>Lists a page's versions, newest first, with who changed it and why.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="limit">At most this many versions (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<PageVersion> GetPageHistory(string pageId, int limit = 20)
    {
        WikiStore.Get(pageId);
        return WikiStore.History.GetValueOrDefault(pageId, []).OrderByDescending(v => v.Version).Take(Math.Clamp(limit, 1, 100)).ToList();
    }

    /// <summary>Restores an earlier version of a page as a new version.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="version">The version to restore, from get_page_history.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static WikiPage RestorePageVersion(string pageId, int version)
    {
        var page = WikiStore.Get(pageId);
        if (version < 1 || version >= page.Version)
        {
            throw new McpPlatform.Hosting.Tools.ToolArgumentException(nameof(version), $"version must be between 1 and {page.Version - 1}.");
        }

        return WikiStore.Save(page with { Version = page.Version + 1 }, $"Restored version {version}");
    }

    /// <summary>Adds labels to a page.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="labels">The labels to add; existing labels stay.</param>
    [McpTool(Access = ToolAccess.Write, Idempotent = true)]
    public static WikiPage AddPageLabels(string pageId, string[] labels)
    {
        var page = WikiStore.Get(pageId);
        return WikiStore.Save(page with { Labels = page.Labels.Union(labels, StringComparer.OrdinalIgnoreCase).ToList() }, "Labels");
    }

    /// <summary>Lists the files attached to a page.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="mediaType">Only attachments of this content type, e.g. image/png.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<PageAttachment> ListPageAttachments(string pageId, string? mediaType = null)
    {
        WikiStore.Get(pageId);
        PageAttachment[] attachments = [new("a-1", pageId, "diagram.png", "image/png", 48_213, $"https://wiki.example.com/download/{pageId}/diagram.png")];
        return attachments.Where(a => mediaType is null || a.MediaType == mediaType).ToList();
    }

    /// <summary>Adds a comment to a page.</summary>
    /// <param name="pageId">The page id.</param>
    /// <param name="body">The comment text in Markdown.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static PageComment AddPageComment(string pageId, string body)
    {
        WikiStore.Get(pageId);
        var comment = new PageComment(WikiStore.NextId("c-"), pageId, WikiStore.CurrentUser, body, DateTimeOffset.UtcNow);
        WikiStore.Comments[comment.Id] = comment;
        return comment;
    }

    /// <summary>Deletes a page and its history. Child pages move up to the deleted page's parent.</summary>
    /// <param name="pageId">The page id.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string DeletePage(string pageId)
    {
        var page = WikiStore.Get(pageId);
        WikiStore.Pages.TryRemove(pageId, out _);
        WikiStore.History.TryRemove(pageId, out _);
        return $"Deleted '{page.Title}'.";
    }
}
