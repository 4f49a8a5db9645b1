namespace McpPlatform.Fixtures.Workplace.CodeHost;

/// <summary>A code host: repositories, code, branches, pull requests and commits.</summary>
[McpToolSet("code", Description = "Code host: repositories, branches and pull requests.")]
public static class CodeHostTools
{
    /// <summary>Lists the repositories of an owner (user or organization) the caller can see.</summary>
    /// <param name="owner">The user or organization, e.g. acme.</param>
    /// <param name="includePrivate">Include private repositories.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<Repository> ListRepositories(string owner, bool includePrivate = true) =>
        CodeHostStore.Repositories.Values
            .Where(r => r.FullName.StartsWith(owner + "/", StringComparison.OrdinalIgnoreCase) && (includePrivate || !r.Private))
            .OrderBy(r => r.FullName, StringComparer.Ordinal)
            .ToList();

    /// <summary>Gets a repository's details: description, default branch, visibility and language.</summary>
    /// <param name="repository">The repository as owner/name, e.g. acme/platform.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static Repository GetRepository(string repository) => CodeHostStore.Repo(repository);

    /// <summary>Searches code across repositories. Supports qualifiers such as <c>repo:acme/platform</c>, <c>path:src/</c> and <c>language:csharp</c>.</summary>
    /// <param name="query">The search text with optional qualifiers.</param>
    /// <param name="limit">At most this many hits (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<CodeSearchHit> SearchCode(string query, int limit = 20) =>
        CodeHostStore.Files
            .Where(f => f.Value.Contains(query, StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 100))
            .Select(f => new CodeSearchHit(f.Key.Split(':')[0], f.Key.Split(':')[1], 1, f.Value.Split('\n')[0]))
            .ToList();

    /// <summary>Reads a file from a repository at a branch, tag or commit.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="path">The file path, e.g. src/Program.cs.</param>
    /// <param name="gitRef">The branch, tag or commit; the default branch when omitted.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static FileContents GetFileContents(string repository, string path, string? gitRef = null)
    {
        var repo = CodeHostStore.Repo(repository);
        var content = CodeHostStore.Files.TryGetValue($"{repository}:{path}", out var text) ? text : throw NotFound.Error("file", path);
        return new FileContents(repo.FullName, path, gitRef ?? repo.DefaultBranch, Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(content))), content);
    }

    /// <summary>Lists a repository's branches.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="protectedOnly">Only protected branches.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<Branch> ListBranches(string repository, bool protectedOnly = false)
    {
        CodeHostStore.Repo(repository);
        return CodeHostStore.Branches
            .Where(b => b.Key.StartsWith(repository + ":", StringComparison.OrdinalIgnoreCase) && (!protectedOnly || b.Value.Protected))
            .Select(b => b.Value)
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Creates a branch from another branch or a commit.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="name">The new branch name, e.g. fix/login-timeout.</param>
    /// <param name="fromRef">The branch or commit to start from; the default branch when omitted.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Branch CreateBranch(string repository, string name, string? fromRef = null)
    {
        var repo = CodeHostStore.Repo(repository);
        var from = CodeHostStore.Branches.GetValueOrDefault($"{repository}:{fromRef ?? repo.DefaultBranch}");
        var branch = new Branch(name, from?.HeadSha ?? fromRef ?? "0000000", false);
        return CodeHostStore.Branches.TryAdd($"{repository}:{name}", branch) ? branch : throw new ModelContextProtocol.McpException($"Branch '{name}' already exists.");
    }

    /// <summary>Lists pull requests in a repository.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="state">Only pull requests in this state.</param>
    /// <param name="author">Only pull requests opened by this user.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<PullRequest> ListPullRequests(string repository, PullRequestState state = PullRequestState.Open, string? author = null) =>
        CodeHostStore.PullRequests.Values
            .Where(p => p.Repository == repository && p.State == state && (author is null || p.Author == author))
            .OrderByDescending(p => p.Number)
            .ToList();

    /// <summary>Gets a pull request with its description, branches and reviewers.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="number">The pull request number.</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static PullRequest GetPullRequest(string repository, int number) => CodeHostStore.Pull(repository, number);

    /// <summary>Opens a pull request from a branch into another.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="title">The title.</param>
    /// <param name="headBranch">The branch with the changes.</param>
    /// <param name="baseBranch">The branch to merge into; the default branch when omitted.</param>
    /// <param name="body">The description in Markdown.</param>
    /// <param name="draft">Open it as a draft.</param>
    /// <param name="reviewers">Users to ask for a review.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static PullRequest CreatePullRequest(string repository, string title, string headBranch, string? baseBranch = null, string body = "", bool draft = false, string[]? reviewers = null)
    {
        var repo = CodeHostStore.Repo(repository);
        var pull = new PullRequest(CodeHostStore.NextNumber(), repo.FullName, title, body, PullRequestState.Open, CodeHostStore.CurrentUser, headBranch, baseBranch ?? repo.DefaultBranch, draft, reviewers ?? [], DateTimeOffset.UtcNow);
        return CodeHostStore.Save(pull);
    }

    /// <summary>Submits a review on a pull request: a comment, an approval or a request for changes.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="number">The pull request number.</param>
    /// <param name="verdict">The verdict.</param>
    /// <param name="body">The review comment; required when requesting changes.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static Review ReviewPullRequest(string repository, int number, ReviewVerdict verdict, string body = "")
    {
        CodeHostStore.Pull(repository, number);
        if (verdict == ReviewVerdict.RequestChanges && string.IsNullOrWhiteSpace(body))
        {
            throw new McpPlatform.Hosting.Tools.ToolArgumentException(nameof(body), "body is required when requesting changes.");
        }

        return new Review(Guid.NewGuid().ToString("N")[..8], number, CodeHostStore.CurrentUser, verdict, body);
    }

    /// <summary>Merges an open pull request into its base branch.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="number">The pull request number.</param>
    /// <param name="method">How to merge.</param>
    /// <param name="commitMessage">The merge commit message; generated when omitted.</param>
    [McpTool(Access = ToolAccess.Write)]
    public static MergeResult MergePullRequest(string repository, int number, MergeMethod method = MergeMethod.Squash, string? commitMessage = null)
    {
        var pull = CodeHostStore.Pull(repository, number);
        if (pull.State != PullRequestState.Open)
        {
            return new MergeResult(false, string.Empty, $"Pull request #{number} is {pull.State}.");
        }

        CodeHostStore.Save(pull with { State = PullRequestState.Merged });
        return new MergeResult(true, Guid.NewGuid().ToString("N")[..7], commitMessage ?? $"{pull.Title} (#{number}) [{method}]");
    }

    /// <summary>Lists the commits on a branch, newest first.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="branch">The branch; the default branch when omitted.</param>
    /// <param name="path">Only commits that touch this path.</param>
    /// <param name="since">Only commits after this time.</param>
    /// <param name="limit">At most this many commits (1-100).</param>
    [McpTool(Access = ToolAccess.Read, Idempotent = true)]
    public static IReadOnlyList<Commit> ListCommits(string repository, string? branch = null, string? path = null, DateTimeOffset? since = null, int limit = 30)
    {
        var repo = CodeHostStore.Repo(repository);
        Commit[] commits = [new("9f1c2e7", "Code Mode: search and execute", "ada", repo.PushedAt)];
        return commits.Where(c => since is null || c.CommittedAt > since).Take(Math.Clamp(limit, 1, 100)).ToList();
    }

    /// <summary>Deletes a branch. Protected branches and the default branch cannot be deleted.</summary>
    /// <param name="repository">The repository as owner/name.</param>
    /// <param name="branch">The branch to delete.</param>
    [McpTool(Access = ToolAccess.Destructive, Idempotent = true)]
    public static string DeleteBranch(string repository, string branch)
    {
        var key = $"{repository}:{branch}";
        if (CodeHostStore.Branches.TryGetValue(key, out var found) && found.Protected)
        {
            throw new ModelContextProtocol.McpException($"Branch '{branch}' is protected.");
        }

        return CodeHostStore.Branches.TryRemove(key, out _) ? $"Deleted {branch}." : throw NotFound.Error("branch", branch);
    }
}
