using System.Text;

namespace Edge.Hardware.Boards.Json;

/// <summary>Hands out header pins to the profile's fields one at a time, refusing a reserved pin (with
/// its reason), a pin not on the header, and a pin already given to another field.</summary>
internal sealed class PinAllocation(string source, IReadOnlyList<int> usable, IReadOnlyList<ReservedPin> reserved)
{
    private readonly Dictionary<int, string> _taken = [];

    public void Take(string field, int pin)
    {
        foreach (var r in reserved)
        {
            if (r.Pin == pin)
                throw new BoardProfileException(source, field, $"pin {pin} is reserved: {r.Reason}");
        }
        if (!usable.Contains(pin))
            throw new BoardProfileException(source, field, $"pin {pin} is not one of usablePins ({Ranges(usable)})");
        if (_taken.TryGetValue(pin, out var owner))
            throw new BoardProfileException(source, field, $"pin {pin} is already used by {owner}");
        _taken[pin] = field;
    }

    /// <summary>"2-27" or "2-12, 14, 16-27".</summary>
    private static string Ranges(IEnumerable<int> pins)
    {
        var sorted = pins.Order().ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Length; i++)
        {
            var start = sorted[i];
            while (i + 1 < sorted.Length && sorted[i + 1] == sorted[i] + 1)
                i++;
            if (text.Length > 0)
                text.Append(", ");
            text.Append(start == sorted[i] ? $"{start}" : $"{start}-{sorted[i]}");
        }
        return text.ToString();
    }
}
