using System.Globalization;
using McpPlatform.Governance.Tools;

namespace McpPlatform.Hosting.Tools;

/// <summary>
/// The values a numeric parameter's type can hold, worded for an argument error, e.g.
/// <c>an integer from 0 to 255</c>: a caller that sent 1e400 or 300 learns what would fit.
/// </summary>
internal readonly record struct NumberRange(string Expected)
{
    public static readonly NumberRange Single = Number(float.MinValue.ToString(CultureInfo.InvariantCulture), float.MaxValue.ToString(CultureInfo.InvariantCulture));

    public static readonly NumberRange Double = Number(double.MinValue.ToString(CultureInfo.InvariantCulture), double.MaxValue.ToString(CultureInfo.InvariantCulture));

    public static readonly NumberRange Decimal = Number(decimal.MinValue.ToString(CultureInfo.InvariantCulture), decimal.MaxValue.ToString(CultureInfo.InvariantCulture));

    public static NumberRange Integer(decimal min, decimal max) =>
        new($"an integer from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");

    private static NumberRange Number(string min, string max) => new($"a number from {min} to {max}");
}
