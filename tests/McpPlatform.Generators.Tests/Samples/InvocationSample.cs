namespace McpPlatform.Generators.Tests.Samples;

/// <summary>Tools whose results show exactly what the generated binding handed them.</summary>
internal static class InvocationSample
{
    public const string Source = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Linq;
        using McpPlatform;

        namespace Sample.Invocation;

        public enum Priority
        {
            Low,
            High,
        }

        public sealed record Person(string Login, string? Team = null);

        public sealed record Ticket(string Title, Person Owner, Priority Priority = Priority.Low, IReadOnlyList<string>? Labels = null);

        /// <summary>A class whose optional init property has an initializer.</summary>
        public sealed class Page
        {
            public required string Cursor { get; init; }

            public int Size { get; init; } = 25;

            public string Order { get; init; } = "newest";

            public bool Reverse { get; set; } = true;
        }

        public interface IGreeter
        {
            string Greet(string name);
        }

        public sealed class Greeter : IGreeter
        {
            public string Greet(string name) => "Hello, " + name;
        }

        public sealed class GreetingTools(IGreeter greeter)
        {
            [McpTool(Description = "Greets someone.", Access = ToolAccess.Read)]
            public string Greet([Description("Who to greet.")] string name) => greeter.Greet(name);
        }

        public static class EchoTools
        {
            [McpTool(Description = "Echoes scalars.", Access = ToolAccess.Read)]
            public static string EchoScalars(
                [Description("A count.")] int count,
                [Description("A priority.")] Priority priority,
                [Description("When.")] DateTimeOffset when,
                [Description("Optional text.")] string? note,
                [Description("A page number.")] int page = 1,
                [Description("A sort order.")] string sort = "updated",
                [Description("A fallback priority.")] Priority fallback = Priority.High) =>
                string.Join("|", count, priority, when.ToUniversalTime().ToString("O"), note ?? "<null>", page, sort, fallback);

            [McpTool(Description = "Files a ticket.", Access = ToolAccess.Write)]
            public static Ticket File([Description("The ticket.")] Ticket ticket) => ticket;

            [McpTool(Description = "Echoes a page.", Access = ToolAccess.Read)]
            public static string EchoPage([Description("The page.")] Page page) =>
                $"{page.Cursor}|{page.Size}|{page.Order}|{page.Reverse}";

            [McpTool(Description = "Sums numbers.", Access = ToolAccess.Read)]
            public static long Sum([Description("The numbers.")] List<int> numbers) => numbers.Sum(n => (long)n);

            [McpTool(Description = "Echoes one number of each numeric type.", Access = ToolAccess.Read)]
            public static string EchoNumbers(
                [Description("A byte.")] byte b = 0,
                [Description("A short.")] short s = 0,
                [Description("An int.")] int i = 0,
                [Description("A long.")] long l = 0,
                [Description("A uint.")] uint ui = 0,
                [Description("A ulong.")] ulong ul = 0,
                [Description("A float.")] float f = 0,
                [Description("A double.")] double d = 0,
                [Description("A decimal.")] decimal m = 0) =>
                string.Join("|", b, s, i, l, ui, ul, f.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    d.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ToString(System.Globalization.CultureInfo.InvariantCulture));

            [McpTool(Description = "Refuses with a message for the caller.", Access = ToolAccess.Read)]
            public static string Refuse() => throw new ModelContextProtocol.McpException("the ticket is locked");

            [McpTool(Description = "Always fails.", Access = ToolAccess.Read)]
            public static string Fail() => throw new InvalidOperationException("the backend is down");
        }
        """;
}
