using McpPlatform.Governance.Tools;
using Microsoft.Extensions.Options;

namespace McpPlatform.Governance.Dlp;

/// <summary>Fails start-up (with <c>ValidateOnStart</c>) listing every problem with the DLP options.</summary>
public sealed class DlpOptionsValidator : IValidateOptions<DlpOptions>
{
    private readonly ToolDescriptorSet? _catalog;

    /// <summary>Validates the options alone; rule <c>Tools</c> entries are not checked against tools.</summary>
    public DlpOptionsValidator()
    {
    }

    /// <summary>Validates the options for the server's tools, which rule <c>Tools</c> entries must name.</summary>
    public DlpOptionsValidator(ToolDescriptorSet catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, DlpOptions options)
    {
        var failures = DlpValidator.Validate(options, _catalog);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
