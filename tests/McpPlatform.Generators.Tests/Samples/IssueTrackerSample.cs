namespace McpPlatform.Generators.Tests.Samples;

/// <summary>
/// A representative tool set: a read tool with every kind of argument, a write tool returning a
/// record (structured output), and a destructive tool with explicit hints.
/// </summary>
internal static class IssueTrackerSample
{
    public const string Model = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;

        namespace Sample.Issues;

        /// <summary>Where an issue is in its life.</summary>
        public enum IssueState
        {
            Open,
            InProgress,
            Closed,
        }

        /// <summary>A person issues can be assigned to.</summary>
        /// <param name="Login">The person's login name.</param>
        /// <param name="Team">The team the person works in, if known.</param>
        public sealed record Person(string Login, string? Team = null);

        /// <summary>Narrows an issue search.</summary>
        public sealed record IssueFilter(
            [property: Description("Words the title must contain.")] string Text,
            [property: Description("Only issues assigned to this person.")] Person? Assignee,
            [property: Description("Only issues in this state.")] IssueState State = IssueState.Open);

        /// <summary>An issue as the tracker stores it.</summary>
        public sealed record Issue(Guid Id, string Title, IssueState State, DateTimeOffset CreatedAt, IReadOnlyList<string> Labels, Person? Assignee);

        /// <summary>Stores issues.</summary>
        public interface IIssueStore
        {
            IReadOnlyList<Issue> Search(string project, IssueFilter filter, int limit);

            Issue Create(string title, IReadOnlyList<string> labels);

            void Delete(Guid id);
        }

        /// <summary>Formats search results; registered in DI.</summary>
        public sealed class IssueFormatter
        {
            public string Format(IReadOnlyList<Issue> issues) => string.Join("\n", issues);
        }
        """;

    public const string Tools = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using McpPlatform;

        namespace Sample.Issues;

        /// <summary>Reads and changes issues.</summary>
        [McpToolSet("issues")]
        public sealed class IssueTools(IIssueStore store)
        {
            /// <summary>Lists the issues of a project that match a filter.</summary>
            /// <param name="project">The project key, e.g. "CORE".</param>
            /// <param name="limit">How many issues to return at most.</param>
            /// <param name="includeClosed">Whether closed issues are listed too.</param>
            /// <param name="state">The state the issues must be in.</param>
            /// <param name="ownerId">The project owner's id.</param>
            /// <param name="since">Only issues created after this moment.</param>
            /// <param name="milestone">Only issues in this milestone, when given.</param>
            /// <param name="minVotes">Only issues with at least this many votes, when given.</param>
            /// <param name="filter">What the issues must match.</param>
            /// <param name="labels">Labels the issues must carry.</param>
            /// <param name="watcherIds">Ids of people who must watch the issues.</param>
            /// <param name="sort">The field to sort by.</param>
            /// <param name="page">The page of results, from 1.</param>
            [McpTool(Access = ToolAccess.Read, Title = "Search issues")]
            public async Task<string> SearchIssuesAsync(
                string project,
                int limit,
                bool includeClosed,
                IssueState state,
                Guid ownerId,
                DateTimeOffset since,
                string? milestone,
                int? minVotes,
                IssueFilter filter,
                string[] labels,
                List<int> watcherIds,
                [FromServices] IssueFormatter formatter,
                TimeProvider clock,
                CancellationToken cancellationToken,
                string sort = "updated",
                int page = 1)
            {
                await Task.Delay(0, cancellationToken);
                return formatter.Format(store.Search(project, filter, limit));
            }

            /// <summary>Opens a new issue.</summary>
            [McpTool(Access = ToolAccess.Write)]
            public Issue CreateIssue(
                [Description("A one-line summary.")] string title,
                [Description("Labels to attach.")] IReadOnlyList<string> labels) =>
                store.Create(title, labels);

            [McpTool("issues.delete", Description = "Deletes an issue for good.", Access = ToolAccess.Destructive, Idempotent = true, OpenWorld = false)]
            public void DeleteIssue([Description("The issue to delete.")] Guid id) => store.Delete(id);
        }
        """;
}
