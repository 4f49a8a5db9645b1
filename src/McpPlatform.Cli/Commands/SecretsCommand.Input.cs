using System.Text;

namespace McpPlatform.Cli.Commands;

internal sealed partial class SecretsCommand
{
    /// <summary>
    /// Where <c>secrets set</c> reads a value: the terminal without echo, or all of a redirected stdin with one
    /// trailing newline removed. Tests substitute a reader for the current async flow with <see cref="Redirect"/>.
    /// </summary>
    internal static class SecretInput
    {
        private static readonly AsyncLocal<TextReader?> Substitute = new();

        /// <summary>Reads stdin from <paramref name="reader"/> in the current async flow until disposed.</summary>
        public static IDisposable Redirect(TextReader reader)
        {
            var previous = Substitute.Value;
            Substitute.Value = reader;
            return new Restore(() => Substitute.Value = previous);
        }

        /// <summary>Reads the value for <paramref name="name"/>; prompts on <paramref name="prompt"/> at a terminal.</summary>
        public static string Read(string name, TextWriter prompt)
        {
            if (Substitute.Value is { } substitute)
            {
                return TrimOneNewline(substitute.ReadToEnd());
            }

            if (Console.IsInputRedirected)
            {
                return TrimOneNewline(Console.In.ReadToEnd());
            }

            prompt.Write($"Value for secret '{name}' (input hidden): ");
            prompt.Flush();
            var value = ReadHidden();
            prompt.WriteLine();
            return value;
        }

        /// <summary>Removes one trailing <c>\n</c> or <c>\r\n</c>, as <c>echo value |</c> adds.</summary>
        internal static string TrimOneNewline(string text) =>
            text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
            : text.EndsWith('\n') ? text[..^1]
            : text;

        private static string ReadHidden()
        {
            var value = new StringBuilder();
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                switch (key.Key)
                {
                    case ConsoleKey.Enter:
                        return value.ToString();
                    case ConsoleKey.Backspace:
                        if (value.Length > 0)
                        {
                            value.Length--;
                        }

                        break;
                    default:
                        if (!char.IsControl(key.KeyChar))
                        {
                            value.Append(key.KeyChar);
                        }

                        break;
                }
            }
        }

        private sealed class Restore(Action restore) : IDisposable
        {
            public void Dispose() => restore();
        }
    }
}
