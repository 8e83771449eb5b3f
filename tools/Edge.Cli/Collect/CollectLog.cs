using System.Globalization;

namespace Edge.Cli.Collect;

/// <summary>The collector's lines (progress, connects, store failures) with the UTC time in front,
/// one writer shared by its tasks.</summary>
public sealed class CollectLog(TextWriter writer, TimeProvider time)
{
    private readonly Lock _lock = new();

    public void Line(string text)
    {
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        lock (_lock)
        {
            writer.WriteLine($"{stamp} {text}");
            writer.Flush();
        }
    }
}
