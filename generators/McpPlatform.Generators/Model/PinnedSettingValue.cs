using System;
using System.Collections.Generic;
using System.Linq;

namespace McpPlatform.Generators.Model
{
    /// <summary>How a pinned setting is read from appsettings.json and written into the manifest.</summary>
    internal enum PinnedKind
    {
        /// <summary>A 32-bit whole number, written as a JSON number.</summary>
        Int,

        /// <summary>A 64-bit whole number, written as a JSON number.</summary>
        Long,

        /// <summary>A time span, written as a string in TimeSpan's "c" format.</summary>
        Duration,

        /// <summary>true or false.</summary>
        Bool,

        /// <summary>One of a list of names (ignoring case), written lower case.</summary>
        Choice,

        /// <summary>Any string, written as it is.</summary>
        Name,

        /// <summary>An array of strings, written sorted and distinct.</summary>
        Set,
    }

    /// <summary>
    /// One row of Manifest/PinnedSettingsTable: the setting under <c>McpPlatform</c> (colon-separated), its path in the
    /// manifest's <c>governance</c> member (dot-separated), its default, and for a choice its names, for a set its defaults.
    /// </summary>
    internal sealed record PinnedSettingRow(PinnedKind Kind, string Setting, string Path, string Default, EquatableArray<string> Items)
    {
        /// <summary>The value this row takes with <paramref name="text"/> (scalars) or the configured <paramref name="configured"/> items (sets).</summary>
        public PinnedSettingValue Value(string text, IEnumerable<string> configured) => Kind == PinnedKind.Set
            ? new PinnedSettingValue(Path, Kind, string.Empty, Items.Concat(configured).Distinct(StringComparer.Ordinal).OrderBy(i => i, StringComparer.Ordinal).ToEquatableArray())
            : new PinnedSettingValue(Path, Kind, text, EquatableArray<string>.Empty);
    }

    /// <summary>A pinned setting's value as the manifest writes it: <see cref="Text"/> for a scalar, <see cref="Items"/> for a set.</summary>
    internal sealed record PinnedSettingValue(string Path, PinnedKind Kind, string Text, EquatableArray<string> Items);
}
