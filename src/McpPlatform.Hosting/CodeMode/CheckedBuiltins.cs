using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// Replaces, in a fresh engine, every builtin that can build a large string or array in one
/// native call (no statement runs meanwhile, so no limit is checked) with a checked version:
/// it works out what the call would allocate and asks <see cref="SandboxMemory.EnsureRoom"/>
/// first, then calls the original. Builtins whose result size is only known while they run
/// (join, JSON.stringify, replace) are built here or watched through their callbacks, which
/// see the allocation so far. Runs before the prelude, so the prelude's own references
/// (its JSON.stringify for the result and console) are the checked ones.
/// </summary>
internal static class CheckedBuiltins
{
    // Per element: the array slot, or the key string / entry pair a keys()/entries() call creates (measured).
    private const long BytesPerSlot = 16;
    private const long BytesPerKey = 96;
    private const long BytesPerEntry = 256;

    // JSON.parse builds objects from text: "[]," is one array of about 100 bytes for three characters.
    private const long BytesPerJsonChar = 40;

    public static void Install(Engine engine, SandboxMemory memory, Func<CancellationToken> token)
    {
        var stringProto = Prototype(engine, "String");
        var arrayProto = Prototype(engine, "Array");
        var array = (ObjectInstance)engine.GetValue("Array");
        var stringCtor = (ObjectInstance)engine.GetValue("String");
        var objectCtor = (ObjectInstance)engine.GetValue("Object");
        var reflect = (ObjectInstance)engine.GetValue("Reflect");
        var json = (ObjectInstance)engine.GetValue("JSON");
        var regExpProto = Prototype(engine, "RegExp");
        var replaceSymbol = ((ObjectInstance)engine.GetValue("Symbol")).Get("replace");

        Wrap(engine, stringProto, "repeat", 1, (self, args) =>
            memory.EnsureRoom(self.AsString().Length * Math.Max(0, Number(args, 0)) * SandboxMemory.BytesPerChar, "repeat()"), thisIsString: true);
        Wrap(engine, stringProto, "padStart", 1, (self, args) => Pad(memory, self, args, "padStart()"), thisIsString: true);
        Wrap(engine, stringProto, "padEnd", 1, (self, args) => Pad(memory, self, args, "padEnd()"), thisIsString: true);
        Wrap(engine, stringProto, "concat", 1, (self, args) =>
        {
            // Converted here, once, in order, so the native concat sees the same strings that were measured.
            double length = self.AsString().Length;
            for (var i = 0; i < args.Length; i++)
            {
                args[i] = TypeConverter.ToString(args[i]);
                length += args[i].AsString().Length;
            }

            memory.EnsureRoom(length * SandboxMemory.BytesPerChar, "concat()");
        }, thisIsString: true);
        Wrap(engine, stringCtor, "fromCharCode", 1, (_, args) => memory.EnsureRoom(args.Length * SandboxMemory.BytesPerChar, "String.fromCharCode()"));
        Wrap(engine, stringCtor, "fromCodePoint", 1, (_, args) => memory.EnsureRoom(args.Length * 2.0 * SandboxMemory.BytesPerChar, "String.fromCodePoint()"));

        var replacements = new CheckedReplacement(engine, memory);
        Replace(engine, stringProto, "replace", 2, replacements.Wrap(stringProto.Get("replace"), -1, 1));
        Replace(engine, stringProto, "replaceAll", 2, replacements.Wrap(stringProto.Get("replaceAll"), -1, 1));
        ReplaceSymbol(regExpProto, replaceSymbol, new ClrFunction(engine, "[Symbol.replace]", replacements.Wrap(regExpProto.Get(replaceSymbol), 0, 1), 2));

        var joins = new CheckedJoin(engine, memory, objectCtor, token);
        Replace(engine, arrayProto, "join", 1, (self, args) => joins.Join(self, args, locale: false));
        Replace(engine, arrayProto, "toLocaleString", 0, (self, _) => joins.Join(self, [], locale: true));
        Replace(engine, stringCtor, "raw", 1, (_, args) => joins.Raw(args));
        Wrap(engine, arrayProto, "fill", 1, (self, args) => memory.EnsureRoom(FillCount(self, args) * BytesPerSlot, "fill()"));
        Wrap(engine, arrayProto, "concat", 1, (self, args) =>
        {
            var count = Length(self);
            foreach (var arg in args)
            {
                count += arg.IsArray() ? Length(arg) : 1;
            }

            memory.EnsureArray(count, BytesPerSlot, "concat()");
        });
        Wrap(engine, array, "from", 1, (_, args) => memory.EnsureArray(SourceLength(args.Length > 0 ? args[0] : JsValue.Undefined), BytesPerKey, "Array.from()"));

        foreach (var (name, cost) in new[] { ("keys", BytesPerKey), ("values", BytesPerSlot), ("entries", BytesPerEntry), ("getOwnPropertyNames", BytesPerKey), ("getOwnPropertyDescriptors", BytesPerEntry) })
        {
            Wrap(engine, objectCtor, name, 1, (_, args) => memory.EnsureArray(IndexedLength(args, stringProto), cost, $"Object.{name}()"));
        }

        // apply() turns an array-like into an argument list in one go: {length: 1e8} is 800 MB.
        var functionProto = Prototype(engine, "Function");
        Wrap(engine, functionProto, "apply", 2, (_, args) => memory.EnsureArray(ArgumentCount(args, 1), BytesPerSlot, "apply()"));
        Wrap(engine, reflect, "apply", 3, (_, args) => memory.EnsureArray(ArgumentCount(args, 2), BytesPerSlot, "Reflect.apply()"));
        Wrap(engine, reflect, "construct", 2, (_, args) => memory.EnsureArray(ArgumentCount(args, 1), BytesPerSlot, "Reflect.construct()"));
        Wrap(engine, reflect, "ownKeys", 1, (_, args) => memory.EnsureArray(IndexedLength(args, stringProto), BytesPerKey, "Reflect.ownKeys()"));
        Wrap(engine, json, "parse", 2, (_, args) =>
        {
            if (args.Length > 0)
            {
                args[0] = TypeConverter.ToString(args[0]);
                memory.EnsureRoom(args[0].AsString().Length * (double)BytesPerJsonChar, "JSON.parse()");
            }
        });
        Replace(engine, json, "stringify", 3, new CheckedStringify(engine, memory, json.Get("stringify")).Stringify);
    }

    /// <summary>What parsing <paramref name="json"/> into JavaScript values may allocate (an inner call's result).</summary>
    public static double ParseCost(string json) => json.Length * (double)BytesPerJsonChar;

    private static void Pad(SandboxMemory memory, JsValue self, JsValue[] args, string what)
    {
        var fill = args.Length > 1 && !args[1].IsUndefined() ? TypeConverter.ToString(args[1]) : " ";
        if (args.Length > 1)
        {
            args[1] = fill;
        }

        var target = Number(args, 0);
        if (fill.Length > 0 && target > self.AsString().Length)
        {
            memory.EnsureRoom(target * SandboxMemory.BytesPerChar, what);
        }
    }

    // How many slots fill(value, start, end) writes, by the spec's relative-index rules; the
    // converted indices replace the arguments so valueOf() runs once.
    private static double FillCount(JsValue self, JsValue[] args)
    {
        var length = Length(self);
        var start = Relative(args, 1, 0, length);
        var end = Relative(args, 2, length, length);
        return Math.Max(0, end - start);
    }

    private static double Relative(JsValue[] args, int index, double fallback, double length)
    {
        if (args.Length <= index || args[index].IsUndefined())
        {
            return fallback;
        }

        var value = TypeConverter.ToIntegerOrInfinity(args[index]);
        args[index] = value;
        return value < 0 ? Math.Max(length + value, 0) : Math.Min(value, length);
    }

    // Array.from: an array, a string or an array-like has a length; Map/Set a size; other iterables run script (checked per statement).
    private static double SourceLength(JsValue source)
    {
        if (source.IsString())
        {
            return source.AsString().Length;
        }

        if (source is not ObjectInstance o)
        {
            return 0;
        }

        var size = o.Get("size");
        return size.IsNumber() ? Math.Max(0, size.AsNumber()) : Length(source);
    }

    // Arrays, strings and String objects have a key per index that keys()/entries() create on the spot; other objects already hold theirs.
    private static double IndexedLength(JsValue[] args, ObjectInstance stringPrototype)
    {
        var target = args.Length > 0 ? args[0] : JsValue.Undefined;
        if (target.IsString())
        {
            return target.AsString().Length;
        }

        return target.IsArray() || (target is ObjectInstance o && o.Prototype == stringPrototype) ? Length(target) : 0;
    }

    private static double ArgumentCount(JsValue[] args, int index) => args.Length > index ? Length(args[index]) : 0;

    private static double Length(JsValue value) =>
        value is ObjectInstance o ? TypeConverter.ToLength(o.Get("length")) : 0;

    private static double Number(JsValue[] args, int index)
    {
        if (args.Length <= index)
        {
            return 0;
        }

        var value = TypeConverter.ToIntegerOrInfinity(args[index]);
        args[index] = value;
        return double.IsNaN(value) ? 0 : value;
    }

    private static ObjectInstance Prototype(Engine engine, string constructor) =>
        (ObjectInstance)((ObjectInstance)engine.GetValue(constructor)).Get("prototype");

    // A checked version that measures (and may convert its arguments, and a string method's
    // receiver, so valueOf/toString run once), then calls the original.
    private static void Wrap(Engine engine, ObjectInstance owner, string name, int length, Action<JsValue, JsValue[]> check, bool thisIsString = false)
    {
        var original = owner.Get(name);
        Replace(engine, owner, name, length, (self, args) =>
        {
            if (thisIsString)
            {
                TypeConverter.RequireObjectCoercible(engine, self);
                self = TypeConverter.ToString(self);
            }

            check(self, args);
            return engine.Call(original, self, args);
        });
    }

    private static void Replace(Engine engine, ObjectInstance owner, string name, int length, Func<JsValue, JsValue[], JsValue> body) =>
        owner.Set(name, new ClrFunction(engine, name, body, length));

    private static void ReplaceSymbol(ObjectInstance owner, JsValue key, ClrFunction function) => owner.Set(key, function);
}
