namespace Edge.Uplink.Schemas;

/// <summary>The JSON Schemas (draft 2020-12) of what the sensor publishes, embedded in this assembly
/// under their file names so tests and tools validate against exactly what ships.</summary>
public static class UplinkSchemas
{
    public const string Alert = "edge.alert.v1.schema.json";
    public const string Status = "edge.status.v1.schema.json";
    public const string Heartbeat = "edge.heartbeat.v1.schema.json";

    public static IReadOnlyList<string> All { get; } = [Alert, Status, Heartbeat];

    public static string Read(string name)
    {
        using var stream = typeof(UplinkSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"no embedded schema '{name}'", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
