using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// String.prototype.replace / replaceAll and RegExp.prototype[Symbol.replace] with every
/// replacement measured before the native code appends it: a replacement string becomes a
/// function that expands its <c>$</c> patterns here (the spec's GetSubstitution), and a
/// replacement function is called through one that measures what it returned. A million matches
/// times a large replacement (or <c>$'</c>, the rest of the string) is refused, not built. A plain
/// replacement string (no <c>$</c>) whose worst case fits the budget keeps the native fast path.
/// </summary>
internal sealed class CheckedReplacement(Engine engine, SandboxMemory memory)
{
    private const double BytesPerChar = 10;
    private const double BytesPerMatch = 256;

    public Func<JsValue, JsValue[], JsValue> Wrap(JsValue original, int subjectIndex, int replacementIndex) => (self, args) =>
    {
        if (args.Length > replacementIndex)
        {
            var replacement = args[replacementIndex];
            if (!replacement.IsCallable())
            {
                replacement = TypeConverter.ToString(replacement);
                args[replacementIndex] = replacement;
                var subject = subjectIndex < 0 ? self : args[subjectIndex];
                if (subject.IsString() && replacement.AsString().IndexOf('$', StringComparison.Ordinal) < 0 &&
                    (subject.AsString().Length + ((subject.AsString().Length + 1.0) * replacement.AsString().Length)) * SandboxMemory.BytesPerChar <= memory.Remaining)
                {
                    return engine.Call(original, self, args);
                }
            }

            var call = memory.StartNativeCall("replace()");
            // Each piece and the text around it go into a doubling buffer and are copied out at the end
            // (up to ten bytes a character), and every match costs the engine an argument list and substrings.
            call.Charge(TypeConverter.ToString(subjectIndex < 0 ? self : args[subjectIndex]).Length * BytesPerChar);
            Func<JsValue[], string> expand = replacement.IsCallable()
                ? matched => TypeConverter.ToString(engine.Call(replacement, JsValue.Undefined, matched))
                : Substitution(TypeConverter.ToString(replacement));
            args[replacementIndex] = new ClrFunction(engine, "replacement", (_, matched) =>
            {
                var piece = expand(matched);
                call.Charge((piece.Length * BytesPerChar) + BytesPerMatch);
                return piece;
            }, 0);
        }

        return engine.Call(original, self, args);
    };

    // GetSubstitution: $$, $&, $`, $', $n, $nn and $<name>, given what the native code passes a
    // replacement function: (matched, captures..., position, string[, groups]).
    private static Func<JsValue[], string> Substitution(string template) => template.IndexOf('$', StringComparison.Ordinal) < 0
        ? _ => template
        : args =>
        {
            var hasGroups = args.Length >= 4 && args[^1] is ObjectInstance;
            var captures = args.Length - 3 - (hasGroups ? 1 : 0);
            var matched = TypeConverter.ToString(args[0]);
            var position = (int)Math.Clamp(TypeConverter.ToNumber(args[captures + 1]), 0, int.MaxValue);
            var subject = TypeConverter.ToString(args[captures + 2]);
            position = Math.Min(position, subject.Length);
            var result = new StringBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c != '$' || i + 1 == template.Length)
                {
                    result.Append(c);
                    continue;
                }

                var next = template[i + 1];
                switch (next)
                {
                    case '$':
                        result.Append('$');
                        i++;
                        break;
                    case '&':
                        result.Append(matched);
                        i++;
                        break;
                    case '`':
                        result.Append(subject, 0, position);
                        i++;
                        break;
                    case '\'':
                        var tail = Math.Min(position + matched.Length, subject.Length);
                        result.Append(subject, tail, subject.Length - tail);
                        i++;
                        break;
                    case >= '0' and <= '9':
                        var one = next - '0';
                        if (i + 2 < template.Length && char.IsAsciiDigit(template[i + 2]) && (one * 10) + (template[i + 2] - '0') is var two && two >= 1 && two <= captures)
                        {
                            result.Append(Capture(args, two));
                            i += 2;
                        }
                        else if (one >= 1 && one <= captures)
                        {
                            result.Append(Capture(args, one));
                            i++;
                        }
                        else
                        {
                            result.Append('$');
                        }

                        break;
                    case '<' when hasGroups && template.IndexOf('>', i + 2) is var end and > 0:
                        var value = ((ObjectInstance)args[^1]).Get(template[(i + 2)..end]);
                        if (!value.IsUndefined())
                        {
                            result.Append(TypeConverter.ToString(value));
                        }

                        i = end;
                        break;
                    default:
                        result.Append('$');
                        break;
                }
            }

            return result.ToString();
        };

    private static string Capture(JsValue[] args, int index) =>
        args[index].IsUndefined() ? string.Empty : TypeConverter.ToString(args[index]);
}
