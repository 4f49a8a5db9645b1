using System;

namespace McpPlatform.Generators.Json
{
    /// <summary>Malformed JSON, with the 1-based line and column where reading stopped.</summary>
    internal sealed class JsonSyntaxException : Exception
    {
        public JsonSyntaxException(string message, int position, int line, int column)
            : base(message)
        {
            Position = position;
            Line = line;
            Column = column;
        }

        /// <summary>The character offset where reading stopped.</summary>
        public int Position { get; }

        public int Line { get; }

        public int Column { get; }
    }
}
