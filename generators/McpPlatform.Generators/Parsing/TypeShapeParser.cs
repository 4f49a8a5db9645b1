using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using McpPlatform.Generators.Model;
using Microsoft.CodeAnalysis;

namespace McpPlatform.Generators.Parsing
{
    /// <summary>
    /// Turns a parameter, property or return type into a <see cref="TypeShape"/>, collecting the
    /// records and classes it reaches. Returns null for types JSON Schema cannot describe.
    /// </summary>
    internal sealed partial class TypeShapeParser
    {
        private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions & ~SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private readonly Dictionary<string, ObjectModel?> _objects = new(StringComparer.Ordinal);
        private readonly CancellationToken _cancellationToken;

        public TypeShapeParser(CancellationToken cancellationToken) => _cancellationToken = cancellationToken;

        /// <summary>The records and classes reached so far, sorted by key.</summary>
        public EquatableArray<ObjectModel> Objects =>
            _objects.Values.Where(o => o is not null).Select(o => o!).OrderBy(o => o.Key, StringComparer.Ordinal).ToEquatableArray();

        public static string DisplayName(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

        public TypeShape? Parse(ITypeSymbol type)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                var inner = Parse(((INamedTypeSymbol)type).TypeArguments[0]);
                return inner is null ? null : inner with { IsNullable = true, IsNullableValueType = true };
            }

            var nullable = !type.IsValueType && type.NullableAnnotation == NullableAnnotation.Annotated;
            var name = DisplayName(type);
            var scalar = Scalar(type, name, nullable);
            if (scalar is not null)
            {
                return scalar;
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                ReportEnumMemberNames(type);
                var members = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f => f.Name).ToEquatableArray();
                return new TypeShape(ShapeKind.Enum, name, nullable, false, EnumMembers: members);
            }

            if (DictionaryValueType(type) is { } valueType)
            {
                var valueShape = Parse(valueType);
                return valueShape is null ? null : new TypeShape(ShapeKind.Dictionary, name, nullable, false, Element: valueShape);
            }

            var element = ElementType(type, out var collection);
            if (element is not null)
            {
                var elementShape = Parse(element);
                return elementShape is null ? null : new TypeShape(ShapeKind.Array, name, nullable, false, Element: elementShape, Collection: collection);
            }

            return type is INamedTypeSymbol named && IsObjectCandidate(named) && TryAddObject(named)
                ? new TypeShape(ShapeKind.Object, name, nullable, false, ObjectKey: name)
                : null;
        }

        private static TypeShape? Scalar(ITypeSymbol type, string name, bool nullable)
        {
            (ShapeKind Kind, string Reader)? found = type.SpecialType switch
            {
                SpecialType.System_String => (ShapeKind.String, "ReadString"),
                SpecialType.System_Boolean => (ShapeKind.Boolean, "ReadBoolean"),
                SpecialType.System_Byte => (ShapeKind.Integer, "ReadByte"),
                SpecialType.System_Int16 => (ShapeKind.Integer, "ReadInt16"),
                SpecialType.System_Int32 => (ShapeKind.Integer, "ReadInt32"),
                SpecialType.System_Int64 => (ShapeKind.Integer, "ReadInt64"),
                SpecialType.System_UInt32 => (ShapeKind.Integer, "ReadUInt32"),
                SpecialType.System_UInt64 => (ShapeKind.Integer, "ReadUInt64"),
                SpecialType.System_Single => (ShapeKind.Number, "ReadSingle"),
                SpecialType.System_Double => (ShapeKind.Number, "ReadDouble"),
                SpecialType.System_Decimal => (ShapeKind.Number, "ReadDecimal"),
                SpecialType.System_DateTime => (ShapeKind.DateTime, "ReadDateTime"),
                _ => null,
            };

            var metadataName = type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName;
            found ??= metadataName switch
            {
                "System.Guid" => (ShapeKind.Uuid, "ReadGuid"),
                "System.DateTimeOffset" => (ShapeKind.DateTime, "ReadDateTimeOffset"),
                _ => null,
            };

            return found is { } f ? new TypeShape(f.Kind, name, nullable, false, ReaderMethod: f.Reader) : null;
        }

        /// <summary>The element type of arrays and the generic collection interfaces tools take.</summary>
        public static ITypeSymbol? ElementType(ITypeSymbol type, out CollectionKind collection)
        {
            collection = CollectionKind.None;
            if (type is IArrayTypeSymbol { Rank: 1 } array)
            {
                collection = CollectionKind.Array;
                return array.ElementType;
            }

            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
            {
                return null;
            }

            switch (named.OriginalDefinition.ToDisplayString())
            {
                case "System.Collections.Generic.List<T>":
                case "System.Collections.Generic.IList<T>":
                case "System.Collections.Generic.ICollection<T>":
                    collection = CollectionKind.List;
                    return named.TypeArguments[0];
                case "System.Collections.Generic.IEnumerable<T>":
                case "System.Collections.Generic.IReadOnlyList<T>":
                case "System.Collections.Generic.IReadOnlyCollection<T>":
                    collection = CollectionKind.Array;
                    return named.TypeArguments[0];
                default:
                    return null;
            }
        }

        /// <summary>The value type of Dictionary, IDictionary and IReadOnlyDictionary with string keys.</summary>
        public static ITypeSymbol? DictionaryValueType(ITypeSymbol type)
        {
            if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } named
                || named.TypeArguments[0].SpecialType != SpecialType.System_String)
            {
                return null;
            }

            return named.OriginalDefinition.ToDisplayString() switch
            {
                "System.Collections.Generic.Dictionary<TKey, TValue>"
                    or "System.Collections.Generic.IDictionary<TKey, TValue>"
                    or "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" => named.TypeArguments[1],
                _ => null,
            };
        }

        private static bool IsObjectCandidate(INamedTypeSymbol type) =>
            type.TypeKind is TypeKind.Class or TypeKind.Struct
            && !type.IsAbstract
            && !type.IsStatic
            && type.SpecialType == SpecialType.None
            && !IsFrameworkType(type)
            && type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

        private static bool IsFrameworkType(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)
                || ns == "Microsoft" || ns.StartsWith("Microsoft.", StringComparison.Ordinal)
                || ns.StartsWith("ModelContextProtocol", StringComparison.Ordinal);
        }

        private bool TryAddObject(INamedTypeSymbol type)
        {
            var key = DisplayName(type);
            if (_objects.ContainsKey(key))
            {
                return true;
            }

            _objects[key] = null; // mark as in progress: recursive references resolve to the key
            var model = BuildObject(type, key);
            if (model is null)
            {
                _objects.Remove(key);
                return false;
            }

            _objects[key] = model;
            return true;
        }

        private ObjectModel? BuildObject(INamedTypeSymbol type, string key)
        {
            var constructor = type.InstanceConstructors
                .Where(c => c.DeclaredAccessibility == Accessibility.Public && !IsCopyConstructor(c, type))
                .OrderByDescending(c => c.Parameters.Length)
                .FirstOrDefault();
            if (constructor is null)
            {
                return null;
            }

            var docs = DocComments.For(type, _cancellationToken);
            var properties = new List<PropertyModel>();
            var arguments = new List<ConstructorArgument>();
            var publicProperties = AllPublicProperties(type).ToList();
            var json = publicProperties.ToDictionary(p => p.Name, JsonPropertyAttributes.Of, StringComparer.Ordinal);
            var display = type.Name;
            foreach (var parameter in constructor.Parameters)
            {
                var property = publicProperties.FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
                if (property is null || parameter.RefKind != RefKind.None)
                {
                    return null;
                }

                var attributes = json[property.Name];
                if (attributes.IgnoredOnRead)
                {
                    // Never read from arguments: the parameter gets what System.Text.Json passes, its default.
                    var ignoredValue = parameter.HasExplicitDefaultValue
                        ? Literals.CSharp(parameter.ExplicitDefaultValue, parameter.Type)
                        : "default(" + DisplayName(parameter.Type) + ")!";
                    arguments.Add(new ConstructorArgument(JsonNameOf(property, attributes), property.Name, null, false, null, ignoredValue));
                    continue;
                }

                var shape = Parse(parameter.Type);
                if (shape is null)
                {
                    return null;
                }

                var required = attributes.IsRequired || (!parameter.HasExplicitDefaultValue && !shape.IsNullable);
                var defaultLiteral = parameter.HasExplicitDefaultValue ? Literals.CSharp(parameter.ExplicitDefaultValue, parameter.Type) : null;
                arguments.Add(new ConstructorArgument(JsonNameOf(property, attributes), property.Name, shape, required, defaultLiteral));
            }

            foreach (var property in publicProperties)
            {
                var attributes = json[property.Name];
                if (!AcceptJsonAttributes(property, attributes, display))
                {
                    continue;
                }

                var argument = arguments.FirstOrDefault(a => a.ClrName == property.Name);
                var shape = argument?.Shape ?? Parse(property.Type);
                if (shape is null)
                {
                    return null;
                }

                var binding = argument is not null ? PropertyBinding.Constructor : BindingOf(property);
                if (attributes.IgnoredOnRead)
                {
                    binding = PropertyBinding.None;
                }

                var required = binding != PropertyBinding.None && (argument?.IsRequired ?? (attributes.IsRequired || binding == PropertyBinding.RequiredInit));
                var defaultJson = argument?.DefaultLiteral is null ? null : DefaultJsonOf(constructor, property.Name);
                var description = PropertyDescription(property) ?? docs.Param(argument is null ? property.Name : ParameterName(constructor, property.Name));
                properties.Add(new PropertyModel(
                    property.Name, JsonNameOf(property, attributes), shape, description, required,
                    IsReadable: property.GetMethod?.DeclaredAccessibility == Accessibility.Public && attributes.Ignore != JsonIgnoreCondition.WhenWriting,
                    IsBindable: binding != PropertyBinding.None,
                    binding, defaultJson, OmissionOf(property.Type, attributes.Ignore)));
            }

            ReportDuplicateJsonNames(properties, publicProperties, display);
            ReportIneffectiveInclude(type, display);
            if (JsonPropertyAttributes.ConverterOn(type) is { } converter)
            {
                Report(Diagnostics.IneffectiveJsonAttribute, type, $"[JsonConverter(typeof({converter}))]", display, ConverterHint);
            }

            return new ObjectModel(key, type.ToDisplayString(TypeFormat), type.Name, docs.Summary ?? Description(type), type.IsRecord, type.IsValueType,
                properties.ToEquatableArray(), arguments.ToEquatableArray());
        }

        private static PropertyBinding BindingOf(IPropertySymbol property)
        {
            if (property.SetMethod is not { DeclaredAccessibility: Accessibility.Public } setter)
            {
                return PropertyBinding.None;
            }

            if (property.IsRequired)
            {
                return PropertyBinding.RequiredInit;
            }

            return setter.IsInitOnly ? PropertyBinding.OptionalInit : PropertyBinding.Setter;
        }

        private string? PropertyDescription(IPropertySymbol property) =>
            Description(property) ?? DocComments.For(property, _cancellationToken).Summary;

        private static string ParameterName(IMethodSymbol constructor, string propertyName) =>
            constructor.Parameters.First(p => string.Equals(p.Name, propertyName, StringComparison.OrdinalIgnoreCase)).Name;

        private static string? DefaultJsonOf(IMethodSymbol constructor, string propertyName)
        {
            var parameter = constructor.Parameters.First(p => string.Equals(p.Name, propertyName, StringComparison.OrdinalIgnoreCase));
            return Literals.Json(parameter.ExplicitDefaultValue, parameter.Type);
        }

        public static string? Description(ISymbol symbol) =>
            symbol.GetAttributes()
                .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == McpAttributeNames.Description)?
                .ConstructorArguments.FirstOrDefault().Value as string;

        private static IEnumerable<IPropertySymbol> AllPublicProperties(INamedTypeSymbol type)
        {
            var chain = new Stack<INamedTypeSymbol>();
            for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                chain.Push(current);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var level in chain)
            {
                foreach (var property in level.GetMembers().OfType<IPropertySymbol>())
                {
                    if (property.DeclaredAccessibility == Accessibility.Public && !property.IsStatic && !property.IsIndexer
                        && property.Name != "EqualityContract" && seen.Add(property.Name))
                    {
                        yield return property;
                    }
                }
            }
        }

        private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
            constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);
    }
}
