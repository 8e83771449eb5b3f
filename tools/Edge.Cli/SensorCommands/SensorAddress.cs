using System.Diagnostics.CodeAnalysis;
using Edge.Uplink.Topics;

namespace Edge.Cli.SensorCommands;

/// <summary>A sensor as <c>AGENCY/SENSOR</c>, both ids as in the topics.</summary>
public sealed record SensorAddress(string Agency, string Sensor)
{
    public static SensorAddress Parse(string text) =>
        TryParse(text, out var address) ? address : throw new ArgumentException($"'{text}' is not AGENCY/SENSOR", nameof(text));

    public static bool TryParse(string? text, [NotNullWhen(true)] out SensorAddress? address)
    {
        address = null;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash <= 0)
            return false;
        var (agency, sensor) = (text![..slash], text[(slash + 1)..]);
        if (!TopicLayout.IsId(agency) || !TopicLayout.IsId(sensor))
            return false;
        address = new SensorAddress(agency, sensor);
        return true;
    }

    public TopicLayout Topics(string prefix) => new(Agency, Sensor, prefix);

    public override string ToString() => $"{Agency}/{Sensor}";
}
