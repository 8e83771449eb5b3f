using System.Text;
using System.Text.Json;
using Edge.Uplink.Messages;

namespace Edge.Cli.Watch;

/// <summary>Each alert's payload as one JSON line on stdout, no colours, for <c>jq</c> and scripts.
/// Messages that are not alerts stay off stdout: each is counted on stderr.</summary>
public sealed class JsonWatchOutput(TextWriter output, TextWriter error) : IWatchOutput
{
    public int Skipped { get; private set; }

    public void Alert(AlertMessage alert, byte[] payload)
    {
        output.WriteLine(OneLine(payload));
        output.Flush();
    }

    public void Unreadable(string topic, string reason)
    {
        Skipped++;
        error.WriteLine($"edgectl watch: skipped {Skipped} message(s) that are not edge.alert/1 (the last on {topic}: {reason})");
    }

    public void Notice(string text) => error.WriteLine("edgectl watch: " + text);

    public void Finish()
    {
        if (Skipped > 0)
            error.WriteLine($"edgectl watch: {Skipped} message(s) skipped in all");
    }

    /// <summary>The payload as sent; re-written compactly only when it spans lines (all fields kept).</summary>
    public static string OneLine(byte[] payload)
    {
        if (payload.AsSpan().IndexOfAny((byte)'\n', (byte)'\r') < 0)
            return Encoding.UTF8.GetString(payload);
        using var document = JsonDocument.Parse(payload);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
