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
                        ((string?)reference.Attribute("cref") ?? (string?)reference.Attribute("name") ?? (string?)reference.Attribute("langword") ?? reference.Value)
                            .Split(':').Last(),
                    XElement other => other.Value,
                    _ => string.Empty,
                });
            }

            var result = Whitespace.Replace(builder.ToString(), " ").Trim();
            return result.Length == 0 ? null : result;
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
