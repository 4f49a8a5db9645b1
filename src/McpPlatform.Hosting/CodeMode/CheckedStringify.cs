using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// JSON.stringify with the output measured as it grows: the native serializer calls a replacer
/// for every value, and this one (wrapping the caller's) asks the budget for room for the value
/// about to be written, while <see cref="SandboxMemory.Used"/> already counts what was written.
/// A tree of shared references, small to build and exponential to print, is refused early.
/// An array replacer (a list of property names) is applied as a filter with the same names.
/// </summary>
internal sealed class CheckedStringify(Engine engine, SandboxMemory memory, JsValue original)
{
    // The indentation (at most ten characters a level) and line break before a value, when indenting.
    private const int IndentChars = 12;

    public JsValue Stringify(JsValue self, JsValue[] args)
    {
        var value = args.Length > 0 ? args[0] : JsValue.Undefined;
        var replacer = args.Length > 1 ? args[1] : JsValue.Undefined;
        var space = args.Length > 2 ? args[2] : JsValue.Undefined;
        var function = replacer.IsCallable() ? replacer : null;
        var names = function is null && replacer.IsArray() ? Names((ObjectInstance)replacer) : null;
        var root = true;
        var call = memory.StartNativeCall("JSON.stringify()");


        var checking = new ClrFunction(engine, "replacer", (holder, pair) =>
        {
            var key = pair.Length > 0 ? pair[0] : JsValue.Undefined;
            var item = pair.Length > 1 ? pair[1] : JsValue.Undefined;
            var isRoot = root;
            root = false;
            if (names is not null && !isRoot && !holder.IsArray() && !names.Contains(TypeConverter.ToString(key)))
            {
                return JsValue.Undefined;
            }

            if (function is not null)
            {
                item = engine.Call(function, holder, [key, item]);
            }

            var keyChars = holder.IsArray() ? 1 : key.AsString().Length + 4;
            call.Charge((keyChars + ValueChars(item) + IndentChars) * (double)SandboxMemory.BytesPerChar);
            return item;
        }, 2);
        return engine.Call(original, self, [value, checking, space]);
    }

    private static HashSet<string> Names(ObjectInstance list)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var length = TypeConverter.ToLength(list.Get("length"));
        for (ulong i = 0; i < length; i++)
        {
            var item = list.Get(JsNumber.Create((double)i));
            if (item.IsString() || item.IsNumber())
            {
                names.Add(TypeConverter.ToString(item));
            }
        }

        return names;
    }

    private static long ValueChars(JsValue item) => item switch
    {
        _ when item.IsString() => EscapedLength(item.AsString()),
        _ when item.IsNumber() => Math.Abs(item.AsNumber()) is var n && n == Math.Floor(n) && n < 1e15 ? 17 - (n < 1e6 ? 10 : 0) : 25,
        ObjectInstance => 2,
        _ => 5,
    };

    // The quoted, escaped length: JSON writes control characters as \uXXXX.
    private static long EscapedLength(string text)
    {
        long length = 2;
        foreach (var c in text)
        {
            length += c switch
            {
                '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t' => 2,
                < ' ' => 6,
                _ when char.IsSurrogate(c) => 6,
                _ => 1,
            };
        }

        return length;
    }
}
