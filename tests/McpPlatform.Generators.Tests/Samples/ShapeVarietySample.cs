namespace McpPlatform.Generators.Tests.Samples;

/// <summary>
/// Every parameter source, argument shape, object binding and return kind the generator supports,
/// to prove the emitted code compiles cleanly for all of them.
/// </summary>
internal static class ShapeVarietySample
{
    public const string Types = """
        using System;
        using System.Collections.Generic;

        namespace Sample.Variety;

        public enum Priority
        {
            Low,
            High,
        }

        /// <summary>A class bound through required init, setters and optional init.</summary>
        public sealed class Settings
        {
            public required string Name { get; init; }

            public int Retries { get; set; } = 3;

            public string? Owner { get; init; }

            public Priority? Level { get; set; }

            public DateTime At { get; set; }

            public int Doubled => Retries * 2;
        }

        /// <summary>A value-type record.</summary>
        public readonly record struct Span(int From, int To);

        /// <summary>A record with an optional init property bound after construction.</summary>
        public record Tag(string Name)
        {
            public string? Color { get; init; }
        }

        /// <summary>A recursive record.</summary>
        public sealed record Tree(string Name, IReadOnlyList<Tree>? Children = null);

        /// <summary>A record inheriting properties.</summary>
        public sealed record ColoredTag(string Name, string Shade) : Tag(Name);
        """;

    public const string Tools = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Threading;
        using System.Threading.Tasks;
        using McpPlatform;
        using McpPlatform.Hosting.Tools;
        using ModelContextProtocol;
        using ModelContextProtocol.Protocol;
        using ModelContextProtocol.Server;

        namespace Sample.Variety;

        public static class ArgumentTools
        {
            /// <summary>Takes every scalar.</summary>
            /// <param name="b">A byte.</param>
            /// <param name="s">A short.</param>
            /// <param name="u">An unsigned int.</param>
            /// <param name="ul">An unsigned long.</param>
            /// <param name="f">A float.</param>
            /// <param name="when">A date-time.</param>
            /// <param name="priority">A priority.</param>
            /// <param name="level">A nullable priority.</param>
            /// <param name="m">A decimal with a default.</param>
            /// <param name="ratio">A float with a default.</param>
            /// <param name="big">A long with a default.</param>
            /// <param name="note">A nullable string with a null default.</param>
            /// <param name="since">A date with a default value.</param>
            /// <param name="id">A GUID with a default value.</param>
            /// <param name="fallback">An enum with a default.</param>
            [McpTool(Access = ToolAccess.Read)]
            public static string Scalars(
                byte b, short s, uint u, ulong ul, float f, DateTime when, Priority priority, Priority? level,
                decimal m = 1.5m, float ratio = 0.25f, long big = 5, string? note = null,
                DateTimeOffset since = default, Guid id = default, Priority fallback = Priority.High) => "ok";

            /// <summary>Takes every object and collection shape.</summary>
            /// <param name="settings">A class.</param>
            /// <param name="span">A struct record.</param>
            /// <param name="maybeSpan">A nullable struct record.</param>
            /// <param name="tag">A record with an init property.</param>
            /// <param name="tree">A recursive record.</param>
            /// <param name="colored">A derived record.</param>
            /// <param name="ids">A read-only collection.</param>
            /// <param name="names">A collection.</param>
            /// <param name="spans">A list interface of structs.</param>
            /// <param name="levels">A sequence of nullable enums.</param>
            /// <param name="grid">Nested arrays, optional.</param>
            [McpTool(Access = ToolAccess.Read)]
            public static int Objects(
                Settings settings, Span span, Span? maybeSpan, Tag tag, Tree tree, ColoredTag colored,
                IReadOnlyCollection<Guid> ids, ICollection<string> names, IList<Span> spans, IEnumerable<Priority?> levels,
                int[][]? grid = null) => 0;

            /// <summary>Takes everything the platform injects.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static void Injected(
                McpServer server,
                RequestContext<CallToolRequestParams> request,
                IProgress<ProgressNotificationValue> progress,
                ToolInvocation invocation,
                IServiceProvider services,
                CancellationToken cancellationToken)
            {
            }
        }

        public static class ReturnTools
        {
            /// <summary>Returns nothing.</summary>
            [McpTool(Access = ToolAccess.Write)]
            public static Task NothingAsync() => Task.CompletedTask;

            /// <summary>Returns nothing, eventually.</summary>
            [McpTool(Access = ToolAccess.Write)]
            public static ValueTask NothingValueAsync() => default;

            /// <summary>Returns a number.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static long? MaybeNumber() => null;

            /// <summary>Returns a decimal.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static ValueTask<decimal> Money() => new(1.5m);

            /// <summary>Returns a flag.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static bool? MaybeFlag() => true;

            /// <summary>Returns a GUID.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Guid NewId() => Guid.NewGuid();

            /// <summary>Returns a moment.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static DateTimeOffset? Moment() => DateTimeOffset.UnixEpoch;

            /// <summary>Returns a date.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static DateTime Date() => DateTime.UnixEpoch;

            /// <summary>Returns an enum.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Priority? Level() => Priority.Low;

            /// <summary>Returns text or nothing.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Task<string?> MaybeText() => Task.FromResult<string?>(null);

            /// <summary>Returns a record, maybe.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Tree? MaybeTree() => new("root");

            /// <summary>Returns a struct record.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Span Range() => new(1, 2);

            /// <summary>Returns a class.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Settings Defaults() => new() { Name = "default" };

            /// <summary>Returns records.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Task<List<Tag>> Tags() => Task.FromResult(new List<Tag> { new("a") { Color = "red" } });

            /// <summary>Returns numbers.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static int[] Numbers() => [1, 2];

            /// <summary>Returns a sequence.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static IEnumerable<string?> Words() => ["a", null];

            /// <summary>Returns a content block.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static ContentBlock Block() => new TextContentBlock { Text = "block" };

            /// <summary>Returns content blocks.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static IEnumerable<ContentBlock> Blocks() => [new TextContentBlock { Text = "block" }];

            /// <summary>Returns a result it built.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public static Task<CallToolResult> Raw() => Task.FromResult(new CallToolResult());
        }

        /// <summary>Created per call and disposed after it.</summary>
        public sealed class DisposableTools : IDisposable
        {
            /// <summary>Runs once.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public string Once() => "once";

            public void Dispose()
            {
            }
        }

        /// <summary>Created per call and disposed asynchronously after it.</summary>
        public sealed class AsyncDisposableTools : IAsyncDisposable
        {
            /// <summary>Runs once, synchronously.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public string OnceSync() => "once";

            public ValueTask DisposeAsync() => default;
        }

        /// <summary>Only available from dependency injection.</summary>
        public abstract class AbstractTools
        {
            /// <summary>Runs on the registered implementation.</summary>
            [McpTool(Access = ToolAccess.Read)]
            public string Registered() => "registered";
        }
        """;
}
