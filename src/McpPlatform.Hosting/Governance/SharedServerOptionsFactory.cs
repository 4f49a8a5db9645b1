using System.Reflection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.AspNetCore;
using ModelContextProtocol.Server;

namespace McpPlatform.Hosting.Governance;

/// <summary>
/// Builds the app's <see cref="McpServerOptions"/> once and hands every stateless request a shallow copy of them.
/// </summary>
/// <remarks>
/// In stateless mode the SDK asks the options factory for new options on every request (it sets
/// <see cref="McpServerOptions.ScopeRequests"/> on them), which reruns every configure action and validator: the
/// SDK's own set-up builds a tool collection (a <c>ConcurrentDictionary</c>) with every tool plus two empty ones,
/// the platform's filters are added again and <see cref="GovernedSurfaceValidator"/> walks the result; about 6% of
/// a governed call's time. Nothing in them differs between requests: they come from the app's services and
/// configuration, fixed once the app runs. The copy shares the handlers, filters and collections, as every
/// session of a stateful server shares the one <c>IOptions&lt;McpServerOptions&gt;</c> instance; a stateless
/// server never subscribes to the collections' change events, so nothing accumulates on them.
/// The built options were validated like before (also at start, <c>ValidateOnStart</c>); a failure is not cached.
/// When the app sets <see cref="HttpServerTransportOptions.ConfigureSessionOptions"/>, which may change a
/// request's options in place (its collections too), every request gets freshly built options as before.
/// </remarks>
internal sealed class SharedServerOptionsFactory(
    IEnumerable<IConfigureOptions<McpServerOptions>> setups,
    IEnumerable<IPostConfigureOptions<McpServerOptions>> postConfigures,
    IEnumerable<IValidateOptions<McpServerOptions>> validations,
    IOptions<HttpServerTransportOptions> transport) : IOptionsFactory<McpServerOptions>
{
    private static readonly Func<object, object> ShallowCopy = typeof(object)
        .GetMethod(nameof(MemberwiseClone), BindingFlags.Instance | BindingFlags.NonPublic)!
        .CreateDelegate<Func<object, object>>();

    private readonly OptionsFactory<McpServerOptions> _build = new(setups, postConfigures, validations);
    private McpServerOptions? _built;

    public McpServerOptions Create(string name)
    {
        if (name != Options.DefaultName || transport.Value.ConfigureSessionOptions is not null)
        {
            return _build.Create(name);
        }

        // Two first requests at once may both build; either result is the same, one is kept.
        var built = _built ??= _build.Create(name);
        return (McpServerOptions)ShallowCopy(built);
    }
}
