using System.Collections;
using System.Globalization;

namespace Edge.Service.Systemd;

/// <summary>A structured-logging value as journal text: invariant culture (a field is for machines
/// and for journalctl's matching), lists comma-separated as the message formatter writes them.</summary>
internal static class JournalValue
{
    public static string Format(object? value) => value switch
    {
        null => "(null)",
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(", ", items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? "",
    };
}
