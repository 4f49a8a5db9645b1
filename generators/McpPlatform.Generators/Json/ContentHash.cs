using System.Security.Cryptography;
using System.Text;

namespace McpPlatform.Generators.Json
{
    /// <summary><c>sha256:</c> + lowercase hex SHA-256 of a value's canonical UTF-8 text.</summary>
    internal static class ContentHash
    {
        public static string Of(JsonValue value) => OfText(JsonTextWriter.Canonical(value));

        public static string OfText(string canonical)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(new UTF8Encoding(false).GetBytes(canonical));
            var builder = new StringBuilder("sha256:", 7 + (digest.Length * 2));
            foreach (var b in digest)
            {
                builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
