using McpPlatform.Governance.CodeMode;

namespace McpPlatform.Hosting.CodeMode;

/// <summary>
/// The JavaScript that runs first in every sandbox: it builds the frozen <c>codemode</c> (tool
/// functions, <c>tools()</c>, <c>search(query)</c>, <c>resources.list()</c> and <c>resources.read(uri)</c>) and
/// <c>console</c> objects from the host functions, removes what a script must not find, and
/// returns the runner that calls the script's function and reports its JSON result. It keeps
/// its own references to JSON and Object functions, so a script that replaces them only breaks
/// itself. It runs in two steps: the hardening when the engine is prepared (<see cref="PreparedEngine"/>), and the
/// binder it returns, once, when the engine's one execution has set its host functions and tool table.
/// </summary>
internal static class SandboxPrelude
{
    public const string Source = """
        (function (host) {
          'use strict';
          const parse = JSON.parse, stringify = JSON.stringify, freeze = Object.freeze, define = Object.defineProperty;
          const hasOwn = Object.prototype.hasOwnProperty, ErrorCtor = Error, StringCtor = String, apply = Reflect.apply;
          const RangeErrorCtor = RangeError, TypeErrorCtor = TypeError;
          const text = (value) => {
            if (typeof value === 'string') return value;
            try { const json = stringify(value); return json === undefined ? StringCtor(value) : json; } catch (e) { return StringCtor(value); }
          };
          const describe = (error) => {
            try {
              if (error instanceof ErrorCtor) return 'Uncaught ' + (error.name || 'Error') + ': ' + StringCtor(error.message);
              return 'Uncaught ' + text(error);
            } catch (e) { return 'Uncaught exception'; }
          };
          const logger = (level) => function () {
            const parts = [];
            for (let i = 0; i < arguments.length; i++) parts.push(text(arguments[i]));
            host.log(level, parts.join(' '));
          };
          const consoleObject = freeze({ log: logger('log'), info: logger('info'), debug: logger('debug'), warn: logger('warn'), error: logger('error') });
          // JSON.stringify turns Infinity and NaN into null, which an optional parameter takes as "absent": refuse them instead.
          const isFiniteNumber = Number.isFinite;
          const finiteOnly = (key, value) => {
            if (typeof value === 'number' && !isFiniteNumber(value)) {
              throw new RangeErrorCtor('Argument ' + (key === '' ? '' : "'" + key + "' ") + 'is ' + StringCtor(value) + ', which JSON cannot carry: pass a finite number.');
            }
            return value;
          };
          const caller = (realName) => async function (args) {
            const json = args === undefined ? '{}' : stringify(args, finiteOnly);
            const outcome = await host.call(realName, json === undefined ? 'null' : json);
            if (outcome.error !== undefined) throw new ErrorCtor(outcome.error);
            return outcome.value;
          };
          const resources = freeze({
            list: () => parse(host.resources),
            read: async function (uri) {
              if (!host.execute) throw new ErrorCtor('Resources can only be read from execute; search can list them with codemode.resources.list().');
              if (typeof uri !== 'string') throw new TypeErrorCtor('codemode.resources.read(uri) takes the URI as a string, e.g. codemode.resources.read("notes://board").');
              const outcome = await host.read(uri);
              if (outcome.error !== undefined) throw new ErrorCtor(outcome.error);
              return outcome.value;
            },
          });
          // codemode and console are built when the engine is prepared (before any script); only the tool functions
          // depend on the execution, so the binder adds this execution's tool table (host.toolNames, host.realNames)
          // and then freezes api. An index loop: for-of with destructuring costs two iterators per tool, in every execution.
          const api = {};
          const bindCodemode = () => {
          if (host.execute) {
            const names = host.toolNames, realNames = host.realNames;
            for (let i = 0; i < names.length; i++) api[names[i]] = caller(realNames[i]);
          }
          if (!hasOwn.call(api, 'tools')) api.tools = () => parse(host.catalog());
          if (!hasOwn.call(api, 'search')) api.search = search;
          if (!hasOwn.call(api, 'resources')) api.resources = resources;
          if (!hasOwn.call(api, 'snippets')) api.snippets = snippets;
          freeze(api);
          };
          // Ranked in the host over every tool this caller may call; the script gets the best few, not the whole catalog.
          const search = (query, options) => {
            if (typeof query !== 'string') throw new TypeErrorCtor('codemode.search(query, { limit }) takes the query as a string, e.g. codemode.search("create an issue").');
            const limit = options !== null && typeof options === 'object' ? options.limit : undefined;
            return parse(host.search(query, typeof limit === 'number' ? limit : undefined));
          };
          // codemode.snippets.NAME(args) calls the tool snippet_NAME (docs/snippets.md): governed like any inner call, no per-snippet text anywhere.
          const snippets = new Proxy(freeze({}), {
            get(target, key) {
              if (typeof key !== 'string' || !host.execute) return undefined;
              const realName = host.lookup('snippet_' + key);
              return realName === undefined ? undefined : caller(realName);
            },
          });
          const codemode = new Proxy(api, {
            get(target, key) {
              if (typeof key === 'string' && host.execute && !hasOwn.call(target, key)) {
                const realName = host.lookup(key);
                if (realName !== undefined) return caller(realName);
              }
              return target[key];
            },
          });
          for (const name of ['codemode', 'console']) {
            if (hasOwn.call(globalThis, name)) delete globalThis[name];
          }
          define(globalThis, 'codemode', { value: codemode, writable: false, configurable: false, enumerable: false });
          define(globalThis, 'console', { value: consoleObject, writable: false, configurable: false, enumerable: false });
          // Parsing source text allocates about 60 bytes a character in one native call: eval and the
          // Function constructors ask the budget first (an eval through this wrapper is an indirect eval).
          const construct = Reflect.construct, getPrototypeOf = Object.getPrototypeOf;
          const compiled = (target, what) => new Proxy(target, {
            apply(t, self, args) { return apply(t, self, host.compile(what, args)); },
            construct(t, args, newTarget) { return construct(t, host.compile(what, args), newTarget); },
          });
          const checkedFunction = compiled(Function, 'Function()');
          define(globalThis, 'eval', { value: compiled(eval, 'eval()'), writable: true, configurable: true, enumerable: false });
          define(globalThis, 'Function', { value: checkedFunction, writable: true, configurable: true, enumerable: false });
          define(Function.prototype, 'constructor', { value: checkedFunction, writable: true, configurable: true, enumerable: false });
          for (const proto of [getPrototypeOf(async function () {}), getPrototypeOf(function* () {}), getPrototypeOf(async function* () {})]) {
            define(proto, 'constructor', { value: compiled(proto.constructor, 'Function()'), writable: false, configurable: true, enumerable: false });
          }
          // Binary buffers allocate their whole size in one native call: gone (string and array builders are checked in CheckedBuiltins).
          for (const name of ['ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'TypedArray', 'Int8Array', 'Uint8Array',
                              'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float16Array', 'Float32Array',
                              'Float64Array', 'BigInt64Array', 'BigUint64Array', 'ShadowRealm', 'FinalizationRegistry', 'WeakRef',
                              'fetch', 'setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'queueMicrotask',
                              'require', 'process', 'importNamespace', 'System', 'Deno', 'Bun', 'XMLHttpRequest', 'WebSocket']) {
            if (hasOwn.call(globalThis, name)) { try { delete globalThis[name]; } catch (e) { } }
          }
          // Everything above runs when the engine is prepared; the binder runs once, for the execution the engine serves.
          return function () {
          bindCodemode();
          const done = host.done, fail = host.fail;
          return function (fn) {
            Promise.resolve().then(() => fn()).then(
              (value) => {
                let json;
                try { json = stringify(value); } catch (e) { fail('The return value cannot be serialized as JSON: ' + describe(e).slice(9)); return; }
                done(json === undefined ? 'null' : json);
              },
              (error) => fail(describe(error)));
          };
          };
        })
        """;
}
