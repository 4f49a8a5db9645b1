namespace McpPlatform.Generators.Model
{
    /// <summary>Where one argument of an inverse tool comes from when a call is rolled back.</summary>
    /// <param name="Argument">The inverse's argument name.</param>
    /// <param name="Source"><c>argument</c> (the original call's argument of that name) or <c>result</c> (the top-level property of its result).</param>
    internal sealed record RevertArgument(string Argument, string Source);

    /// <summary>A checked revert relation: the inverse tool and how each of its arguments is filled (only those that can be).</summary>
    internal sealed record RevertLink(string Tool, EquatableArray<RevertArgument> Arguments)
    {
        public const string FromArgument = "argument";
        public const string FromResult = "result";
    }
}
