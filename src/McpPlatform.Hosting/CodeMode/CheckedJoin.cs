using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Array.prototype.join and toLocaleString, and String.raw, built here so every piece is measured
/// before it is appended: the native ones build the whole string before any limit is checked, and
/// one call on a million copies of a shared string (or String.raw({ raw: { length: 1e9 } }), a
/// billion "undefined"s) is gigabytes. Same results as the native ones, including an empty string
/// for an array that contains itself.
/// </summary>
internal sealed class CheckedJoin(Engine engine, SandboxMemory memory, JsValue toObject, Func<CancellationToken> token)
{
    private readonly HashSet<ObjectInstance> _joining = new(ReferenceEqualityComparer.Instance);

    public JsValue Join(JsValue self, JsValue[] args, bool locale)
    {
        var array = Object(self);
        if (!_joining.Add(array))
        {
            return JsString.Empty;
        }

        try
        {
            var length = TypeConverter.ToLength(array.Get("length"));
            var separator = !locale && args.Length > 0 && !args[0].IsUndefined() ? TypeConverter.ToString(args[0]) : ",";
            var text = new StringBuilder();
            for (ulong k = 0; k < length; k++)
            {
                // No statement runs in this loop, so the execution's deadline is checked here.
                if ((k & 0xFFF) == 0)
                {
                    token().ThrowIfCancellationRequested();
                }

                if (k > 0)
                {
                    Append(text, separator, "join()");
                }

                var element = array.Get(JsNumber.Create((double)k));
                if (!element.IsUndefined() && !element.IsNull())
                {
                    Append(text, locale ? LocaleText(element) : TypeConverter.ToString(element), "join()");
                }
            }

            return text.ToString();
        }
        finally
        {
            _joining.Remove(array);
        }
    }

    /// <summary>String.raw(template, ...substitutions): the raw segments with the substitutions between them.</summary>
    public JsValue Raw(JsValue[] args)
    {
        var raw = Object(Object(args.Length > 0 ? args[0] : JsValue.Undefined).Get("raw"));
        var segments = TypeConverter.ToLength(raw.Get("length"));
        var text = new StringBuilder();
        for (ulong i = 0; i < segments; i++)
        {
            if ((i & 0xFFF) == 0)
            {
                token().ThrowIfCancellationRequested();
            }

            Append(text, TypeConverter.ToString(raw.Get(JsNumber.Create((double)i))), "String.raw()");
            if (i + 1 < segments && i + 1 < (ulong)args.Length)
            {
                Append(text, TypeConverter.ToString(args[(int)i + 1]), "String.raw()");
            }
        }

        return text.ToString();
    }

    private string LocaleText(JsValue element)
    {
        var method = Object(element).Get("toLocaleString");
        return TypeConverter.ToString(engine.Call(method, element, []));
    }

    // ToObject: primitives through the Object function (throws a TypeError for null and undefined, as join does).
    private ObjectInstance Object(JsValue value)
    {
        if (value is ObjectInstance o)
        {
            return o;
        }

        TypeConverter.RequireObjectCoercible(engine, value);
        return (ObjectInstance)engine.Call(toObject, JsValue.Undefined, [value]);
    }

    // The piece in the builder, and later the whole result copied out of it: UTF-16 both times.
    private void Append(StringBuilder text, string piece, string what)
    {
        if (piece.Length == 0)
        {
            return;
        }

        memory.EnsureRoom(2.0 * ((2.0 * piece.Length) + text.Length), what);
        text.Append(piece);
    }
}
