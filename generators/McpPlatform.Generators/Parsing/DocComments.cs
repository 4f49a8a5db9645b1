using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>
    /// Reads XML doc comments. Projects without GenerateDocumentationFile do not give the
    /// compiler's parsed XML, so this falls back to the comment trivia in the source.
    /// </summary>
    internal sealed class DocComments
    {
        private static readonly Regex Whitespace = new(@"\s+", RegexOptions.Compiled);
        private static readonly char[] CrefSuffixStarts = { '(', '{', '<', '`' };
        private readonly XElement? _root;

        private DocComments(XElement? root) => _root = root;

        public static DocComments For(ISymbol symbol, CancellationToken cancellationToken)
        {
            var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
            if (string.IsNullOrWhiteSpace(xml))
            {
                xml = FromTrivia(symbol, cancellationToken);
            }

            return new DocComments(TryParse(xml));
        }

        public string? Summary => Text(_root?.Element("summary"));

        public string? Param(string name) =>
            Text(_root?.Elements("param").FirstOrDefault(p => (string?)p.Attribute("name") == name));

        private static string? Text(XElement? element)
        {
            if (element is null)
            {
                return null;
            }

            var builder = new StringBuilder();
            foreach (var node in element.Nodes())
            {
                builder.Append(node switch
                {
                    XText text => text.Value,
                    XElement { Name.LocalName: "see" or "paramref" or "typeparamref" } reference =>
                        (string?)reference.Attribute("cref") is { } cref
                            ? CrefName(cref)
                            : (string?)reference.Attribute("name") ?? (string?)reference.Attribute("langword") ?? reference.Value,
                    XElement other => other.Value,
                    _ => string.Empty,
                });
            }

            var result = Whitespace.Replace(builder.ToString(), " ").Trim();
            return result.Length == 0 ? null : result;
        }

        /// <summary>
        /// The simple name a cref points at, the same whether the compiler resolved it
        /// ("T:Sample.Ticket", "M:Sample.Tools.Find(System.String)") or it is read from source ("Ticket").
        /// </summary>
        private static string CrefName(string cref)
        {
            var name = cref.Substring(cref.LastIndexOf(':') + 1);
            var end = name.IndexOfAny(CrefSuffixStarts);
            if (end > 0)
            {
                name = name.Substring(0, end);
            }

            return name.Substring(name.LastIndexOf('.') + 1);
        }

        private static string? FromTrivia(ISymbol symbol, CancellationToken cancellationToken)
        {
            var syntax = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
            if (syntax is null)
            {
                return null;
            }

            // Without DocumentationMode.Parse the compiler keeps "///" lines as plain comments.
            var lines = syntax.GetLeadingTrivia()
                .Where(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.SingleLineCommentTrivia))
                .SelectMany(t => t.ToFullString().Split('\n'))
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("///", System.StringComparison.Ordinal))
                .Select(line => line.Substring(3))
                .ToArray();
            return lines.Length == 0 ? null : "<member>" + string.Join("\n", lines) + "</member>";
        }

        private static XElement? TryParse(string? xml)
        {
            if (string.IsNullOrWhiteSpace(xml))
            {
                return null;
            }

            try
            {
                return XElement.Parse(xml!, LoadOptions.None);
            }
            catch (System.Xml.XmlException)
            {
                return null;
            }
        }
    }
}
