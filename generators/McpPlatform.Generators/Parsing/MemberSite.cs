using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>
    /// What parsing one [McpResource], [McpPrompt] or [McpCompletion] method starts from: the
    /// method, its attribute, where it is, its doc comments, and the diagnostics found so far.
    /// </summary>
    internal sealed class MemberSite
    {
        private readonly Compilation _compilation;

        private MemberSite(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            Method = (IMethodSymbol)context.TargetSymbol;
            Attribute = context.Attributes[0];
            Location = LocationInfo.From(Method.Locations.FirstOrDefault());
            Docs = DocComments.For(Method, cancellationToken);
            Display = Method.ContainingType.Name + "." + Method.Name;
            _compilation = context.SemanticModel.Compilation;
        }

        public IMethodSymbol Method { get; }

        public AttributeData Attribute { get; }

        public LocationInfo? Location { get; }

        public DocComments Docs { get; }

        /// <summary>Type.Method, as messages name it.</summary>
        public string Display { get; }

        public List<DiagnosticInfo> Found { get; } = new List<DiagnosticInfo>();

        /// <summary>The attribute's first constructor argument when it is a string.</summary>
        public string? FirstArgument => Attribute.ConstructorArguments.FirstOrDefault().Value as string;

        public static MemberSite From(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            new MemberSite(context, cancellationToken);

        public string? Named(string key) => MemberParser.Named(Attribute, key);

        /// <summary>The attribute's Description, else the doc summary.</summary>
        public string? Description => Named("Description") ?? Docs.Summary;

        /// <summary>Reports a name clients cannot use and a missing description.</summary>
        public void CheckNameAndDescription(string kind, string name, string? description)
        {
            if (!ToolNaming.IsValidToolName(name))
            {
                Found.Add(DiagnosticInfo.Create(Diagnostics.InvalidMemberName, Location, kind, name, Display));
            }

            if (string.IsNullOrWhiteSpace(description))
            {
                Found.Add(DiagnosticInfo.Create(Diagnostics.MissingMemberDescription, Location, kind, name));
            }
        }

        public MethodTarget Target() => MemberParser.Target(Method, _compilation, Display, Location, Found);

        /// <summary>The method's parameters; <paramref name="allowed"/> says what a rejected one could have been.</summary>
        public List<MemberParameter> Parameters(string kind, string allowed) =>
            MemberParser.Parameters(Method, kind, Display, Docs, allowed, Found);

        /// <summary>Reports a return type the member kind cannot convert; <paramref name="returns"/> lists the ones it can.</summary>
        public void UnsupportedReturnType(string kind, string returns) =>
            Found.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMemberReturnType, Location, kind, Display, Method.ReturnType.ToDisplayString(), returns));
    }
}
